#pragma once
#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/types.hpp"

#include <cstdint>
#include <vector>

namespace footfall::vision {

// A scripted person in the synthetic overhead scene. Times are in seconds of scene time.
struct ScriptedWalker {
  double start_s = 0.0;
  Direction direction = Direction::In;
  double speed_px_s = 90.0;
  double lateral = 0.5;       // position across the door, 0..1
  double radius_px = 22.0;    // body size seen from above
  bool u_turn_on_line = false;     // stops on the line and walks back: not a visit
  double linger_on_line_s = 0.0;   // stands on the line, then continues
};

struct SceneConfig {
  std::uint32_t seed = 1;
  int width = 640;
  int height = 480;
  double fps = 15.0;
  double duration_s = 60.0;
  std::int64_t start_time_ms = 0;
  bool random_traffic = true;        // add seeded random walkers, pairs and groups
  double people_per_minute = 20.0;
  std::vector<ScriptedWalker> script;  // extra scripted walkers
  bool lighting_drift = true;
  double noise_sigma = 3.0;
  double camera_shake_px = 0.0;
  double lighting_step_at_s = -1.0;  // a sudden lighting change, for tests
  double white_balance_step_at_s = -1.0;  // the camera's white balance shifts (blue up, red down) from here
  double bag_left_at_s = -1.0;            // a bag is put down on the floor, off the line, and stays
  double covered_from_s = -1.0;      // a hand over the lens: a near-black picture from here...
  double covered_until_s = -1.0;     // ...until here (scene seconds); people still walk, unseen
};

struct TruthCrossing {
  std::int64_t frame_index = 0;
  Direction direction = Direction::In;
};

// An overhead view of a shop door that streams frames like a camera and knows every true crossing.
class SyntheticScene final : public FrameSource {
 public:
  explicit SyntheticScene(SceneConfig config);
  ~SyntheticScene() override;

  bool read(Frame& frame) override;
  [[nodiscard]] double fps() const override;
  [[nodiscard]] bool is_live() const override { return false; }
  [[nodiscard]] std::string describe() const override;

  [[nodiscard]] CountingLine line() const;
  [[nodiscard]] const std::vector<TruthCrossing>& truth() const;
  [[nodiscard]] std::int64_t frame_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace footfall::vision
