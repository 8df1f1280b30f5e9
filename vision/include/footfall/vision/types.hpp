#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace footfall::vision {

enum class Direction { In, Out };

inline const char* to_string(Direction d) { return d == Direction::In ? "in" : "out"; }

// A point in fractions of the frame's width and height, so a line survives a change of resolution.
struct NormPoint {
  float x = 0.F;
  float y = 0.F;
};

// A directed counting segment; crossing towards `inside` is an entry.
struct CountingLine {
  NormPoint a{0.F, 0.5F};
  NormPoint b{1.F, 0.5F};
  NormPoint inside{0.5F, 0.9F};
};

enum class View { Overhead, Angled };
enum class TrackPoint { Center, Feet };

struct Crossing {
  std::int64_t frame_index = 0;
  std::int64_t timestamp_ms = 0;  // UTC milliseconds since the epoch
  Direction direction = Direction::In;
  int track_id = 0;
  float confidence = 1.F;
};

// What the screen needs to draw a tracked person; no pixels of the person are kept.
struct TrackView {
  int id = 0;
  NormPoint top_left;
  NormPoint bottom_right;
  NormPoint anchor;  // the point that is tested against the line
};

}  // namespace footfall::vision
