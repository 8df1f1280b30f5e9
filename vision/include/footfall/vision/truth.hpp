#pragma once
#include "footfall/vision/types.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace footfall::vision {

struct TruthEvent {
  std::int64_t frame = 0;
  Direction direction = Direction::In;
};

// A ground-truth file as described in ../shared/testdata/README.md.
struct TruthFile {
  std::filesystem::path video;  // resolved against the truth file's folder
  std::optional<double> fps;
  CountingLine line;
  View view = View::Overhead;
  TrackPoint point = TrackPoint::Center;
  std::vector<TruthEvent> crossings;
};

// Throws std::runtime_error naming the file and the field at fault.
TruthFile load_truth(const std::filesystem::path& path);

// The truth files (*.json) in a folder, in name order; throws naming the folder when it holds none.
std::vector<std::filesystem::path> truth_files_in(const std::filesystem::path& folder);

struct DirectionScore {
  int counted = 0;
  int truth = 0;
  int matched = 0;
  int missed = 0;
  int extra = 0;
  [[nodiscard]] double accuracy() const;  // 1 - (missed + extra) / truth; with no truth: 1 if nothing extra, else 0
};

struct Score {
  DirectionScore in;
  DirectionScore out;
  std::vector<TruthEvent> missed;  // true crossings nobody counted
  std::vector<TruthEvent> extra;   // counted crossings with no true one in reach
  [[nodiscard]] double accuracy() const;  // both directions pooled
};

// Greedy in time, same direction, within `tolerance_frames` of each other; each truth used once.
Score score_crossings(const std::vector<TruthEvent>& counted, const std::vector<TruthEvent>& truth,
                      std::int64_t tolerance_frames);

}  // namespace footfall::vision
