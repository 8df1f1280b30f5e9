#pragma once
#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace footfall::vision::detail {

// A per-pixel colour background that learns only where it sees background, so one person standing
// still, or a ghost somewhere else, never slows or speeds learning anywhere but under itself.
// - It starts from the per-pixel median of the first second, so people walking then are not learned.
// - Foreground that stays longer than a few seconds is absorbed (a bag put down, a moved chair, a
//   ghost), except where a person who has walked is standing: `protected_regions`.
// - A global change of brightness or white balance is divided out per colour channel first.
// - Shadows (darker, same colour) are background.
class SelectiveBackground {
 public:
  explicit SelectiveBackground(double fps);

  // Returns the foreground mask (255) of `frame` (8-bit BGR) and learns from it; empty while the
  // model is still forming. `protected_regions` are in the frame's own pixels.
  const cv::Mat& apply(const cv::Mat& frame, const std::vector<cv::Rect>& protected_regions);

  // Starts again from `frame`, after a change so large that nothing learned still holds.
  void relearn(const cv::Mat& frame);

  [[nodiscard]] bool ready() const { return !mean_.empty(); }

 private:
  void compensate_gain(cv::Mat& frame);
  void start_from_median();

  double fps_;
  std::vector<cv::Mat> first_frames_;
  cv::Mat mean_;       // CV_32FC3
  cv::Mat variance_;   // CV_32FC1, per channel
  cv::Mat held_s_;     // CV_32FC1: seconds each pixel has been unprotected foreground
  cv::Mat reference_;  // CV_32FC3 at 80x60: the brightness and colour the gain is matched to
  cv::Mat mask_;
  std::vector<float> ratios_[3];
};

}  // namespace footfall::vision::detail
