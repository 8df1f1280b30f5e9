#pragma once
#include "footfall/data/types.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace footfall::data {

struct CountWriterStatus {
  std::string last_error;          // empty while storage is healthy; the kiosk shows a fault banner otherwise
  std::int64_t pending = 0;        // pushed, not yet committed
  std::int64_t written = 0;        // committed since start
  std::int64_t dropped = 0;        // lost to a full buffer (also recorded as a camera gap)
  std::optional<TimeMs> last_commit_ms;
};

struct CountWriterOptions {
  std::chrono::milliseconds commit_interval{500};
  std::size_t capacity = 1'000'000;  // events held in memory while the disk is failing
};

// Takes count events from the counting thread without ever waiting for SQL: push() only swaps
// into a mutex-protected vector. A background thread with its own Store connection commits
// batches at least once a second, on flush() and on destruction. Failed writes are kept and retried.
class CountEventWriter {
 public:
  explicit CountEventWriter(std::string database_path, CountWriterOptions options = {});
  ~CountEventWriter();  // commits what is left (one last attempt)
  CountEventWriter(const CountEventWriter&) = delete;
  CountEventWriter& operator=(const CountEventWriter&) = delete;

  void push(const CountEvent& event);
  // Blocks until every event pushed before the call is committed, or a write attempt failed.
  // Returns true when everything was committed.
  bool flush();
  [[nodiscard]] CountWriterStatus status() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace footfall::data
