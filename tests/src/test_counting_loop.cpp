#include "counting_loop.hpp"

#include "footfall/vision/synthetic_scene.hpp"

#include <doctest/doctest.h>

#include <memory>

namespace {

// A live camera that goes dark for a few reads mid-run, then comes back: the synthetic door
// behind a flaky cable.
class FlakyCamera final : public footfall::vision::FrameSource {
 public:
  explicit FlakyCamera(footfall::vision::SceneConfig config) : scene_(std::move(config)) {}
  bool read(footfall::vision::Frame& frame) override {
    ++reads_;
    if (reads_ > 100 && reads_ <= 105) return false;  // unplugged
    return scene_.read(frame);
  }
  [[nodiscard]] double fps() const override { return scene_.fps(); }
  [[nodiscard]] bool is_live() const override { return true; }
  [[nodiscard]] std::string describe() const override { return "flaky synthetic camera"; }
  [[nodiscard]] const footfall::vision::SyntheticScene& scene() const { return scene_; }

 private:
  footfall::vision::SyntheticScene scene_;
  int reads_ = 0;
};

}  // namespace

TEST_CASE("a camera that drops out mid-run is survived, and the outage is logged as a gap") {
  footfall::vision::SceneConfig config;
  config.duration_s = 30.0;
  config.seed = 7;
  auto camera = std::make_unique<FlakyCamera>(config);
  const auto& scene = camera->scene();
  const auto truth = scene.truth().size();

  footfall::app::CountingSetup setup;
  setup.camera.line = scene.line();
  footfall::app::CountingLoop loop(setup);
  int gaps = 0;
  std::string last_state;
  loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
    ++gaps;
    CHECK(end_ms >= start_ms);
    CHECK(reason == "camera dropped");
  };
  loop.on_state = [&](const std::string& state, const std::string&) { last_state = state; };
  // A live source never ends by itself; stop once the scene has played out.
  std::int64_t frames = 0;
  loop.on_frame = [&](const footfall::vision::Frame&, const footfall::vision::PeopleCounter&,
                      const footfall::app::CountingProgress& progress) {
    frames = progress.frames;
    if (frames + 1 >= scene.frame_count()) loop.stop();
  };
  const auto result = loop.run(std::move(camera));
  CHECK(gaps == 1);
  CHECK(last_state == "ok");
  CHECK(frames + 1 >= static_cast<std::int64_t>(config.duration_s * config.fps));
  MESSAGE("counted " << result.entries + result.exits << " of " << truth << " true crossings");
  CHECK(result.entries + result.exits > 0);
}
