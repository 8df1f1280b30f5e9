#include "footfall/ui/snapshot.hpp"

#include <utility>

namespace footfall::ui {

void SnapshotHub::publish_figures(std::shared_ptr<const data::DaySummary> today,
                                  std::shared_ptr<const data::DaySummary> last_week) {
  const std::lock_guard lock(mutex_);
  snapshot_.today = std::move(today);
  snapshot_.last_week = std::move(last_week);
  changed();
}

void SnapshotHub::publish_camera(std::shared_ptr<const CameraView> camera) {
  const std::lock_guard lock(mutex_);
  snapshot_.camera = std::move(camera);
  changed();
}

void SnapshotHub::update(const std::function<void(KioskSnapshot&)>& change) {
  const std::lock_guard lock(mutex_);
  change(snapshot_);
  changed();
}

KioskSnapshot SnapshotHub::latest() const {
  const std::lock_guard lock(mutex_);
  return snapshot_;
}

void SnapshotHub::set_wake(std::function<void()> wake) {
  const std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

// Called with mutex_ held, so once set_wake(nullptr) returns no thread is still inside the old wake
// (glfwPostEmptyEvent must not run after glfwTerminate). The wake must not call back into the hub.
void SnapshotHub::changed() {
  version_.fetch_add(1);
  if (wake_) wake_();
}

}  // namespace footfall::ui
