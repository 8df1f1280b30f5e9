#pragma once
// A real SMTP server for the delivery tests: tests/src/smtp_sink.py (Debian's python3-aiosmtpd) on a
// free port of 127.0.0.1, started for the test and stopped after it. messages() returns what arrived,
// parsed as a mail client would.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "scratch_path.hpp"

namespace footfall::testing {

inline int free_local_port() {
  const int probe = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (probe < 0 || bind(probe, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("no free port on 127.0.0.1");
  }
  close(probe);
  return ntohs(address.sin_port);
}

class SmtpSink {
 public:
  explicit SmtpSink(const std::string& name) : folder_(scratch_path(name)), port_(free_local_port()) {
    std::filesystem::remove_all(folder_);
    int ready[2];
    if (pipe(ready) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(ready[1], STDOUT_FILENO);
      close(ready[0]);
      const std::string script = std::string(FOOTFALL_TESTS_DIR) + "/src/smtp_sink.py";
      const std::string port = std::to_string(port_);
      // Debian's interpreter, which has python3-aiosmtpd, whatever python3 is first on PATH.
      execl("/usr/bin/python3", "python3", script.c_str(), port.c_str(), folder_.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(ready[1]);
    std::string line;
    char c = 0;
    while (line.size() < 16 && read(ready[0], &c, 1) == 1 && c != '\n') line += c;
    close(ready[0]);
    if (line != "ready") {
      stop();
      throw std::runtime_error(
          "the test SMTP server did not start: is python3-aiosmtpd installed (scripts/setup.sh)?");
    }
  }
  ~SmtpSink() { stop(); }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Waits up to `wait` for `count` messages, then returns what arrived, in order.
  [[nodiscard]] std::vector<nlohmann::json> messages(
      std::size_t count = 1, std::chrono::milliseconds wait = std::chrono::seconds(10)) const {
    const auto until = std::chrono::steady_clock::now() + wait;
    std::vector<nlohmann::json> arrived;
    while (true) {
      arrived.clear();
      for (std::size_t n = 1;; ++n) {
        std::ifstream in(folder_ / (std::to_string(n) + ".json"));
        if (!in) break;
        arrived.push_back(nlohmann::json::parse(in));
      }
      if (arrived.size() >= count || std::chrono::steady_clock::now() > until) return arrived;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

 private:
  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }

  std::filesystem::path folder_;
  int port_;
  pid_t pid_ = -1;
};

}  // namespace footfall::testing
