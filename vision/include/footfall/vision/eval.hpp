#pragma once
#include "footfall/vision/counter.hpp"
#include "footfall/vision/truth.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace footfall::vision {

struct EvalOptions {
  std::optional<DetectorKind> detector;  // empty: chosen from the truth file's view
  std::string model_path;
  std::function<void(std::int64_t frame, std::int64_t total)> progress;
  // For the developer's eyes only: one PNG strip of frames around each miss and each extra,
  // with the line, the tracks and their ids drawn. Empty: nothing is written.
  std::filesystem::path debug_dir;
};

struct EvalResult {
  Score score;
  double fps = 0;  // processing speed, frames per second of wall time
  std::int64_t frames = 0;
  std::vector<TruthEvent> counted;
};

// Runs the counter on truth.video and scores it against the truth with a ±1 s tolerance.
// Throws std::runtime_error when the video cannot be opened.
EvalResult run_eval(const TruthFile& truth, const EvalOptions& options);

// Writes the debug strips for `result` into options.debug_dir (created if need be); returns how many.
int write_error_strips(const TruthFile& truth, const EvalOptions& options, const EvalResult& result);

}  // namespace footfall::vision
