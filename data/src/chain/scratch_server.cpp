#include "footfall/data/chain/scratch_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace footfall::data::chain {
namespace {

void run(const std::string& command, const char* what) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error(std::string(what) + " failed: " + command);
}

int free_port() {
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

const passwd& nobody() {
  const passwd* user = ::getpwnam("nobody");
  if (user == nullptr) throw std::runtime_error("no user nobody to run PostgreSQL as");
  return *user;
}

void give_to_nobody(const std::filesystem::path& path) {
  if (::chown(path.c_str(), nobody().pw_uid, nobody().pw_gid) != 0)
    throw std::runtime_error("chown " + path.string() + " failed");
}

}  // namespace

bool ScratchServer::available() { return std::filesystem::exists(std::string(bin) + "/initdb"); }

ScratchServer::ScratchServer() {
  char pattern[] = "/tmp/footfall-pg-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  const bool root = ::geteuid() == 0;
  if (root) {
    give_to_nobody(dir_);
    as_user_ = "runuser -u nobody -- ";
  }
  std::ofstream(dir_ / "pw") << admin_password << "\n";
  if (root) give_to_nobody(dir_ / "pw");
  run(as_user_ + bin + "/initdb -D " + (dir_ / "data").string() +
          " -U footfall --auth-local=trust --auth-host=scram-sha-256 --pwfile=" + (dir_ / "pw").string() +
          " -E UTF8 --no-locale > " + (dir_ / "initdb.log").string() + " 2>&1",
      "initdb");
  port_ = free_port();
  start();
}

ScratchServer::~ScratchServer() {
  try {
    stop();
  } catch (const std::exception&) {
    // A server that will not stop is left to the temp folder's cleanup; a destructor must not throw.
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void ScratchServer::start() {
  run(as_user_ + bin + "/pg_ctl -D " + (dir_ / "data").string() + " -l " + (dir_ / "server.log").string() +
          " -w -o \"-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_.string() +
          " -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start > /dev/null",
      "pg_ctl start");
  running_ = true;
}

void ScratchServer::stop() {
  if (!running_) return;
  running_ = false;
  run(as_user_ + bin + "/pg_ctl -D " + (dir_ / "data").string() + " -m fast -w stop > /dev/null",
      "pg_ctl stop");
}

std::string ScratchServer::admin_url() const {
  return "postgresql://footfall:" + std::string(admin_password) + "@127.0.0.1:" + std::to_string(port_) +
         "/postgres";
}

std::string ScratchServer::url_for(const std::string& role) const {
  return "postgresql://" + role + "@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

std::filesystem::path ScratchServer::credentials(const std::string& role, const std::string& password) const {
  auto file = dir_ / (role + ".pgpass");
  std::ofstream(file) << "127.0.0.1:" << port_ << ":*:" << role << ":" << password << "\n";
  std::filesystem::permissions(file,
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return file;
}

}  // namespace footfall::data::chain
