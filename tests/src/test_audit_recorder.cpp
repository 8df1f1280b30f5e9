#include <doctest/doctest.h>

#include <vector>

#include "kiosk/audit_recorder.hpp"

TEST_CASE("an audit request says at once that it waits for a frame, and a cancel says it no longer does") {
  std::vector<footfall::app::AuditRecorder::Status> published;
  footfall::app::AuditRecorder recorder(
      [&](const footfall::app::AuditRecorder::Status& status) { published.push_back(status); });
  recorder.request(120.0, "/tmp/footfall-audits-never-written");
  REQUIRE(published.size() == 1);
  CHECK(published.back().waiting);
  CHECK_FALSE(published.back().recording);
  CHECK(recorder.status().waiting);
  recorder.cancel();
  REQUIRE(published.size() == 2);
  CHECK_FALSE(published.back().waiting);
  CHECK_FALSE(recorder.status().waiting);
}
