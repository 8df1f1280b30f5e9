#pragma once
#include "tracker.hpp"

#include "footfall/vision/counter.hpp"

#include <opencv2/core.hpp>

#include <memory>
#include <vector>

namespace footfall::vision::detail {

class Detector {
 public:
  virtual ~Detector() = default;
  Detector() = default;
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;
  Detector(Detector&&) = delete;
  Detector& operator=(Detector&&) = delete;

  virtual std::vector<Detection> detect(const cv::Mat& bgr) = 0;
  // Where confirmed tracks are expected in the next frame: a background model learns slower while
  // someone is there, and splits a blob that holds several of them.
  virtual void set_expected_people(const std::vector<cv::Point2f>& /*centres*/) {}
};

// Resolves Auto from the view and whether a model is available; throws when a model fails to load.
DetectorKind resolve_detector(const CounterConfig& config);
std::unique_ptr<Detector> make_detector(const CounterConfig& config);

}  // namespace footfall::vision::detail
