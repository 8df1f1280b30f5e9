#include "footfall/data/store/count_writer.hpp"

#include "footfall/data/wall_clock.hpp"

#include "store/connection.hpp"

#include "footfall/data/store/store.hpp"

#include <SQLiteCpp/Transaction.h>

#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace footfall::data {
namespace {

struct DroppedSpan {
  TimeMs first_ms = 0;
  TimeMs last_ms = 0;
  std::int64_t count = 0;
};

}  // namespace

struct CountEventWriter::Impl {
  std::string path;
  CountWriterOptions options;

  mutable std::mutex mutex;
  std::condition_variable wake;       // to the writer thread
  std::condition_variable committed;  // to flush() callers
  std::vector<CountEvent> incoming;
  std::map<std::string, DroppedSpan> dropped_by_door;
  std::size_t in_flight = 0;          // taken by the writer, not yet committed
  std::uint64_t pushed_sequence = 0;
  std::uint64_t committed_sequence = 0;
  std::uint64_t failed_attempts = 0;
  bool flush_requested = false;
  bool stopping = false;
  CountWriterStatus status;
  std::thread thread;

  void run() {
    std::optional<Store> store;
    std::vector<CountEvent> batch;  // survives failed attempts, so nothing is lost on a disk error
    std::map<std::string, DroppedSpan> dropped;
    std::uint64_t batch_sequence = 0;
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait_for(lock, options.commit_interval, [this] { return stopping || flush_requested; });
      const bool last_round = stopping;
      flush_requested = false;
      batch.insert(batch.end(), incoming.begin(), incoming.end());
      incoming.clear();
      for (const auto& [door, span] : dropped_by_door) {
        auto& merged = dropped[door];
        merged.first_ms = merged.count == 0 ? span.first_ms : std::min(merged.first_ms, span.first_ms);
        merged.last_ms = std::max(merged.last_ms, span.last_ms);
        merged.count += span.count;
      }
      dropped_by_door.clear();
      batch_sequence = pushed_sequence;
      in_flight = batch.size();
      lock.unlock();

      std::string error;
      if (!batch.empty() || !dropped.empty()) {
        try {
          if (!store) store.emplace(path);
          SQLite::Transaction transaction(connection(*store));
          store->add_count_events(batch);
          for (const auto& [door, span] : dropped) {
            store->add_camera_gap({door, span.first_ms, span.last_ms + 1,
                                   "buffer overflow: " + std::to_string(span.count) + " count events lost"});
          }
          transaction.commit();
        } catch (const std::exception& e) {
          error = path + ": cannot write count events: " + e.what();
          store.reset();  // a fresh connection on the next try, e.g. once a read-only file is fixed
        }
      }

      lock.lock();
      if (error.empty()) {
        status.written += static_cast<std::int64_t>(batch.size());
        if (!batch.empty() || !dropped.empty()) status.last_commit_ms = wall_clock_ms();
        status.last_error.clear();
        batch.clear();
        dropped.clear();
        committed_sequence = batch_sequence;
      } else {
        status.last_error = error;
        ++failed_attempts;
      }
      in_flight = batch.size();
      committed.notify_all();
      if (last_round) return;
    }
  }
};

CountEventWriter::CountEventWriter(std::string database_path, CountWriterOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(database_path);
  impl_->options = options;
  impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

CountEventWriter::~CountEventWriter() {
  {
    const std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  impl_->thread.join();
  if (impl_->in_flight > 0) {
    // Nobody is left to read status(): say it where an operator will see it.
    std::fprintf(stderr, "footfall: %zu count events could not be written at shutdown: %s\n", impl_->in_flight,
                 impl_->status.last_error.c_str());
  }
}

void CountEventWriter::push(const CountEvent& event) {
  const std::lock_guard lock(impl_->mutex);
  if (impl_->incoming.size() + impl_->in_flight >= impl_->options.capacity) {
    auto& span = impl_->dropped_by_door[event.door];
    span.first_ms = span.count == 0 ? event.time_ms : std::min(span.first_ms, event.time_ms);
    span.last_ms = std::max(span.last_ms, event.time_ms);
    ++span.count;
    ++impl_->status.dropped;
    return;
  }
  impl_->incoming.push_back(event);
  ++impl_->pushed_sequence;
}

bool CountEventWriter::flush() {
  std::unique_lock lock(impl_->mutex);
  const auto target = impl_->pushed_sequence;
  const auto failures = impl_->failed_attempts;
  impl_->flush_requested = true;
  impl_->wake.notify_all();
  impl_->committed.wait(lock, [&] {
    return impl_->committed_sequence >= target || impl_->failed_attempts != failures;
  });
  return impl_->committed_sequence >= target;
}

CountWriterStatus CountEventWriter::status() const {
  const std::lock_guard lock(impl_->mutex);
  auto result = impl_->status;
  result.pending = static_cast<std::int64_t>(impl_->incoming.size() + impl_->in_flight);
  return result;
}

}  // namespace footfall::data
