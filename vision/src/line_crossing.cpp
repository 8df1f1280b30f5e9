#include "footfall/vision/line_crossing.hpp"

#include <algorithm>
#include <cmath>

namespace footfall::vision {
namespace {

double cross(cv::Point2f u, cv::Point2f v) {
  return static_cast<double>(u.x) * static_cast<double>(v.y) -
         static_cast<double>(u.y) * static_cast<double>(v.x);
}

cv::Point2f to_pixels(NormPoint p, cv::Size size) {
  return {p.x * static_cast<float>(size.width), p.y * static_cast<float>(size.height)};
}

// A crossing whose point lands just beyond an end of the segment still counts: anchors are noisy.
constexpr double kExtentTolerance = 0.02;

}  // namespace

LineCrossingDetector::LineCrossingDetector(CountingLine line, cv::Size frame_size, double fps,
                                           CrossingTiming timing)
    : a_(to_pixels(line.a, frame_size)),
      b_(to_pixels(line.b, frame_size)),
      frame_ms_(1000.0 / std::max(1.0, fps)),
      timing_(timing) {
  const double inside = cross(b_ - a_, to_pixels(line.inside, frame_size) - a_);
  inside_sign_ = inside < 0.0 ? -1.0 : 1.0;
}

double LineCrossingDetector::signed_distance(cv::Point2f p) const {
  const double length = cv::norm(b_ - a_);
  if (length <= 0.0) return 0.0;
  return inside_sign_ * cross(b_ - a_, p - a_) / length;
}

std::optional<Crossing> LineCrossingDetector::update(int track_id, cv::Point2f anchor, double margin_px,
                                                     std::int64_t frame_index, std::int64_t timestamp_ms) {
  TrackState& state = states_[track_id];
  const double distance = signed_distance(anchor);

  if (state.has_previous && (distance > 0.0) != (state.previous_distance > 0.0)) {
    const double share = state.previous_distance / (state.previous_distance - distance);
    const cv::Point2f where = state.previous + (anchor - state.previous) * static_cast<float>(share);
    const cv::Point2f along = b_ - a_;
    const double t = (where - a_).dot(along) / along.dot(along);
    state.last_zero =
        ZeroCrossing{frame_index, timestamp_ms, t >= -kExtentTolerance && t <= 1.0 + kExtentTolerance};
  }
  // Someone who stands on the line crosses when they step off it, not when they first reached it.
  const double on_line_px = 0.25 * margin_px;
  if (std::abs(distance) < on_line_px) {
    state.on_line = true;
  } else if (state.on_line) {
    state.on_line = false;
    state.left_line = Moment{frame_index, timestamp_ms};
  }
  state.previous = anchor;
  state.previous_distance = distance;
  state.has_previous = true;

  int zone = state.zone;
  if (distance > margin_px) zone = 1;
  if (distance < -margin_px) zone = -1;
  // A track born near the line (at the frame's edge, at the start, after a merge) starts on the side
  // it is on; it still has to get clear of the line on the other side to count.
  if (zone == 0 && std::abs(distance) > on_line_px) zone = distance > 0.0 ? 1 : -1;
  std::optional<Crossing> crossing;
  const bool settled = state.zone != 0 && state.zone_measurements >= timing_.settle_measurements &&
                       elapsed_ms(state.zone_since_frame, frame_index) >= 1000.0 * timing_.settle_seconds;
  if (settled && zone != state.zone && state.last_zero && state.last_zero->within_segment) {
    Moment when{state.last_zero->frame_index, state.last_zero->timestamp_ms};
    if (state.left_line &&
        elapsed_ms(when.frame_index, state.left_line->frame_index) > 1000.0 * timing_.linger_seconds)
      when = *state.left_line;
    crossing = Crossing{when.frame_index, when.timestamp_ms, zone > 0 ? Direction::In : Direction::Out,
                        track_id, 1.F};
  }
  if (zone != state.zone) {
    state.last_zero.reset();
    state.left_line.reset();
    state.zone_measurements = 0;
  }
  if (static_cast<double>(zone) * distance > on_line_px) {
    if (state.zone_measurements == 0) state.zone_since_frame = frame_index;
    ++state.zone_measurements;
  }
  state.zone = zone;
  return crossing;
}

double LineCrossingDetector::elapsed_ms(std::int64_t from_frame, std::int64_t to_frame) const {
  return static_cast<double>(to_frame - from_frame) * frame_ms_;
}

void LineCrossingDetector::forget(int track_id) { states_.erase(track_id); }

}  // namespace footfall::vision
