#pragma once
#include "tracker.hpp"

#include "footfall/vision/counter.hpp"

#include <opencv2/core.hpp>

#include <memory>
#include <vector>

namespace footfall::vision::detail {

struct ExpectedPerson {
  cv::Rect2f box;  // full-frame pixels, where the track is predicted next
  bool has_walked = false;  // moved since it was first seen: a person, not a ghost of the background
};

class Detector {
 public:
  virtual ~Detector() = default;
  Detector() = default;
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;
  Detector(Detector&&) = delete;
  Detector& operator=(Detector&&) = delete;

  virtual std::vector<Detection> detect(const cv::Mat& bgr) = 0;
  // Where confirmed tracks are expected in the next frame: a background model does not learn a
  // person who has walked there into the floor, and splits a blob that holds several of them.
  virtual void set_expected_people(const std::vector<ExpectedPerson>& /*people*/) {}
};

// Resolves Auto from the view and whether a model is available; throws when a model fails to load.
DetectorKind resolve_detector(const CounterConfig& config);
std::unique_ptr<Detector> make_detector(const CounterConfig& config);

}  // namespace footfall::vision::detail
