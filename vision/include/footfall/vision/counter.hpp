#pragma once
#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/types.hpp"

#include <memory>
#include <string>
#include <vector>

namespace footfall::vision {

enum class DetectorKind { Auto, BackgroundSubtraction, Dnn, Hog };

struct CounterConfig {
  CountingLine line;
  View view = View::Overhead;
  TrackPoint point = TrackPoint::Center;
  DetectorKind detector = DetectorKind::Auto;
  std::string model_path;     // DNN weights (.weights/.onnx); .cfg found beside it
  double fps = 15.0;          // used for time-based thresholds
  int processing_width = 320; // internal resolution for background subtraction
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
