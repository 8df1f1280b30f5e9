#pragma once
#include <memory>
#include <string>
#include <vector>

#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/line_crossing.hpp"
#include "footfall/vision/types.hpp"

namespace footfall::vision {

enum class DetectorKind { Auto, BackgroundSubtraction, Dnn, Hog };

// How people are followed from frame to frame and when they are clear of the line. Times are in
// seconds and sizes in shares of the person's own size, never frames or pixels, so one setting holds
// for a close camera and a far one at any frame rate. Every default is where all dev clips, line
// placements the tuning never saw, and the synthetic seeds hold (README.md, "How well it counts", has the
// figures).
struct TrackingParams {
  int confirm_detections = 3;    // detections before a track may count: one blob is not yet a person
  double coast_seconds = 0.3;    // a confirmed track survives missed detections this long (2 frames at least)
  double gate_body_sizes = 1.0;  // furthest a detection may lie from a track's prediction, in body sizes
  double max_size_ratio = 3.0;   // a box this many times wider or taller than the track is someone else
  // Between detections inside a track's gate, how much a different colour weighs against nearness:
  // body sizes of distance per unit of colour distance (Bhattacharyya, 0 same .. 1 disjoint). It
  // decides who is who where two people pass close; it never turns a gated pair away.
  double appearance_body_sizes = 0.5;
  // Clear of the line means clear by this share of the person: angled views measure people by their
  // height, overhead views by the side of their footprint.
  double angled_margin_share_of_height = 0.05;
  double overhead_margin_share_of_footprint = 0.4;
  CrossingTiming crossing;
};

struct CounterConfig {
  CountingLine line;
  View view = View::Overhead;
  TrackPoint point = TrackPoint::Center;
  DetectorKind detector = DetectorKind::Auto;
  std::string model_path;      // DNN weights (.weights/.onnx); .cfg found beside it
  double fps = 15.0;           // used for time-based thresholds
  int processing_width = 320;  // internal resolution for background subtraction
  TrackingParams tracking;
};

// Detects, tracks and counts line crossings. One instance per camera; not thread-safe.
class PeopleCounter {
 public:
  explicit PeopleCounter(CounterConfig config);
  ~PeopleCounter();
  PeopleCounter(const PeopleCounter&) = delete;
  PeopleCounter& operator=(const PeopleCounter&) = delete;
  PeopleCounter(PeopleCounter&&) noexcept;
  PeopleCounter& operator=(PeopleCounter&&) noexcept;

  std::vector<Crossing> process(const Frame& frame);
  [[nodiscard]] std::vector<TrackView> tracks() const;
  [[nodiscard]] const CounterConfig& config() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

DetectorKind parse_detector(const std::string& name);  // throws std::invalid_argument

}  // namespace footfall::vision
