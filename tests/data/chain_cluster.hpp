#pragma once
// A throwaway PostgreSQL 15 cluster for the chain_* tests: initdb and pg_ctl in a temp folder,
// listening on 127.0.0.1 on a free port (and a Unix socket in that folder), stopped and removed at
// the end. PostgreSQL refuses to run as root, so under root (CI) the cluster runs as nobody.
#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace footfall::testing {

class PgCluster {
 public:
  static constexpr const char* bin = "/usr/lib/postgresql/15/bin";
  static constexpr const char* admin_password = "head-office-secret";

  // False where the PostgreSQL 15 binaries are absent: the test then skips with a MESSAGE.
  static bool available() { return std::filesystem::exists(std::string(bin) + "/initdb"); }

  PgCluster() {
    char pattern[] = "/tmp/footfall-pg-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    if (::geteuid() == 0) {
      const passwd* nobody = ::getpwnam("nobody");
      if (nobody == nullptr) throw std::runtime_error("no user nobody to run PostgreSQL as");
      if (::chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
        throw std::runtime_error("chown failed");
      as_user_ = "runuser -u nobody -- ";
    }
    std::ofstream(dir_ / "pw") << admin_password << "\n";
    if (::geteuid() == 0) {
      const passwd* nobody = ::getpwnam("nobody");
      if (::chown((dir_ / "pw").c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
        throw std::runtime_error("chown failed");
    }
    run(as_user_ + bin + "/initdb -D " + (dir_ / "data").string() +
            " -U footfall --auth-local=trust --auth-host=scram-sha-256 --pwfile=" + (dir_ / "pw").string() +
            " -E UTF8 --no-locale > " + (dir_ / "initdb.log").string() + " 2>&1",
        "initdb");
    port_ = free_port();
    start();
  }
  ~PgCluster() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  void start() {
    run(as_user_ + bin + "/pg_ctl -D " + (dir_ / "data").string() + " -l " + (dir_ / "server.log").string() +
            " -w -o \"-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_.string() +
            " -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start > /dev/null",
        "pg_ctl start");
    running_ = true;
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    run(as_user_ + bin + "/pg_ctl -D " + (dir_ / "data").string() + " -m fast -w stop > /dev/null",
        "pg_ctl stop");
  }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::string admin_url() const {
    return "postgresql://footfall:" + std::string(admin_password) + "@127.0.0.1:" + std::to_string(port_) +
           "/postgres";
  }
  // A store's URL: its password comes from a credentials file, never the URL.
  [[nodiscard]] std::string url_for(const std::string& role) const {
    return "postgresql://" + role + "@127.0.0.1:" + std::to_string(port_) + "/postgres";
  }
  // A libpq password file for `role` (mode 0600) in the cluster's folder.
  [[nodiscard]] std::filesystem::path credentials(const std::string& role,
                                                  const std::string& password) const {
    const auto file = dir_ / (role + ".pgpass");
    std::ofstream(file) << "127.0.0.1:" << port_ << ":*:" << role << ":" << password << "\n";
    std::filesystem::permissions(file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return file;
  }

 private:
  static void run(const std::string& command, const char* what) {
    if (std::system(command.c_str()) != 0)
      throw std::runtime_error(std::string(what) + " failed: " + command);
  }
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      ::close(fd);
      throw std::runtime_error("no free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
  }

  std::filesystem::path dir_;
  std::string as_user_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace footfall::testing
