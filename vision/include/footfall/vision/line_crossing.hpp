#pragma once
#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>
#include <unordered_map>

#include "footfall/vision/types.hpp"

namespace footfall::vision {

// When a passage through the line counts. Seconds at the camera's rate, so one setting holds at every
// frame rate; the defaults hold on every dev clip, line placement and synthetic seed.
struct CrossingTiming {
  // A track must be seen clear of the line on its side this long, and in this many measurements (one
  // frame proves nothing at any rate), before it can count: a track born and at once swapped onto
  // another person counts nothing.
  double settle_seconds = 0.06;
  int settle_measurements = 2;
  // Someone still on the line this long after passing it was standing there: the crossing is dated
  // when they step off, not when they arrived.
  double linger_seconds = 0.1;
};

// Decides when a track's anchor has really crossed a directed segment. A crossing needs the anchor
// to pass through the segment's extent and then get `margin_px` clear of the line on the other side
// (the caller scales the margin to the person, so it means the same on every camera),
// so jitter on the line and U-turns count nothing, while every real re-crossing counts again.
// A track must first be seen off the line on its starting side for a moment (one born
// within the margin starts on the side it is on), so a track that is born and at once jumps to
// another person (an identity switch) counts nothing.
class LineCrossingDetector {
 public:
  // Times are measured in frames at the camera's rate, so a wall clock that jumps changes nothing.
  LineCrossingDetector(CountingLine line, cv::Size frame_size, double fps, CrossingTiming timing = {});

  // Feed a measured anchor (pixels) of a track; returns a crossing when one has just completed.
  // The crossing carries the frame and time at which the anchor passed the line.
  std::optional<Crossing> update(int track_id, cv::Point2f anchor, double margin_px, std::int64_t frame_index,
                                 std::int64_t timestamp_ms);
  void forget(int track_id);

  // Positive on the inside of the line, in pixels.
  [[nodiscard]] double signed_distance(cv::Point2f p) const;

 private:
  [[nodiscard]] double elapsed_ms(std::int64_t from_frame, std::int64_t to_frame) const;

  struct ZeroCrossing {
    std::int64_t frame_index = 0;
    std::int64_t timestamp_ms = 0;
    bool within_segment = false;
  };
  struct Moment {
    std::int64_t frame_index = 0;
    std::int64_t timestamp_ms = 0;
  };
  struct TrackState {
    int zone = 0;               // +1 inside, -1 outside, 0 not yet seen off the line
    int zone_measurements = 0;  // measurements off the line on the zone's side since the zone was taken
    std::int64_t zone_since_frame = 0;  // the first of them
    cv::Point2f previous;
    double previous_distance = 0.0;
    bool has_previous = false;
    bool on_line = false;
    std::optional<ZeroCrossing> last_zero;
    std::optional<Moment> left_line;  // first update after standing on the line
  };

  cv::Point2f a_;
  cv::Point2f b_;
  double inside_sign_ = 1.0;
  double frame_ms_;
  CrossingTiming timing_;
  std::unordered_map<int, TrackState> states_;
};

}  // namespace footfall::vision
