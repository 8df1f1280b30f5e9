#pragma once
// A throwaway PostgreSQL 15 cluster, for the chain_* tests and `footfall bench --only chain`: initdb
// and pg_ctl in a temp folder, listening on 127.0.0.1 on a free port (and a Unix socket in that
// folder), stopped and removed at the end. PostgreSQL refuses to run as root, so under root (CI) the
// cluster runs as nobody.
#include <filesystem>
#include <string>

namespace footfall::data::chain {

class ScratchServer {
 public:
  static constexpr const char* bin = "/usr/lib/postgresql/15/bin";
  static constexpr const char* admin_password = "head-office-secret";

  // False where the PostgreSQL 15 binaries are absent: tests skip, the bench says so.
  static bool available();

  ScratchServer();  // throws std::runtime_error naming the step that failed
  ~ScratchServer();
  ScratchServer(const ScratchServer&) = delete;
  ScratchServer& operator=(const ScratchServer&) = delete;

  void start();
  void stop();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::string admin_url() const;
  // A store's URL: its password comes from a credentials file, never the URL.
  [[nodiscard]] std::string url_for(const std::string& role) const;
  // A libpq password file for `role` (mode 0600) in the cluster's folder.
  [[nodiscard]] std::filesystem::path credentials(const std::string& role, const std::string& password) const;

 private:
  std::filesystem::path dir_;
  std::string as_user_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace footfall::data::chain
