#include "footfall/ui/snapshot.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace ui = footfall::ui;

TEST_CASE("the hub keeps the latest value and counts versions") {
  ui::SnapshotHub hub;
  CHECK(hub.version() == 0);
  CHECK_FALSE(hub.latest().today);

  auto today = std::make_shared<footfall::data::DaySummary>();
  today->total.visitors = 42;
  hub.publish_figures(today, nullptr);
  CHECK(hub.version() == 1);
  REQUIRE(hub.latest().today);
  CHECK(hub.latest().today->total.visitors == 42);

  auto camera = std::make_shared<ui::CameraView>();
  camera->sequence = 9;
  hub.publish_camera(camera);
  hub.update([](ui::KioskSnapshot& snapshot) { snapshot.store_name = "Corner"; });
  CHECK(hub.version() == 3);
  const ui::KioskSnapshot latest = hub.latest();
  CHECK(latest.store_name == "Corner");
  REQUIRE(latest.camera);
  CHECK(latest.camera->sequence == 9);
  CHECK(latest.today->total.visitors == 42);  // other fields survive a partial publish
}

TEST_CASE("the hub wakes the UI on every change until the wake is cleared") {
  ui::SnapshotHub hub;
  int wakes = 0;
  hub.set_wake([&wakes] { ++wakes; });
  hub.publish_camera(nullptr);
  hub.update([](ui::KioskSnapshot& snapshot) { snapshot.occupancy = 3; });
  CHECK(wakes == 2);
  hub.set_wake(nullptr);
  hub.publish_camera(nullptr);
  CHECK(wakes == 2);
}

TEST_CASE("concurrent publishers and a reader see consistent snapshots") {
  ui::SnapshotHub hub;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  writers.reserve(3);
  for (int writer = 0; writer < 3; ++writer) {
    writers.emplace_back([&hub] {
      for (int index = 0; index < 500; ++index) {
        hub.update([index](ui::KioskSnapshot& snapshot) {
          snapshot.occupancy = index;
          snapshot.warnings.assign(static_cast<std::size_t>(index % 5), {ui::WarningSource::Storage, "w"});
        });
      }
    });
  }
  std::thread reader([&] {
    while (!stop.load()) {
      const ui::KioskSnapshot snapshot = hub.latest();
      CHECK(snapshot.warnings.size() == static_cast<std::size_t>(snapshot.occupancy % 5));
    }
  });
  for (auto& writer : writers) writer.join();
  stop = true;
  reader.join();
  CHECK(hub.version() == 1500);
}
