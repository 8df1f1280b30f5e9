#pragma once
#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>
#include <vector>

namespace footfall::vision::detail {

struct Detection {
  cv::Rect2f box;  // full-frame pixels
  float score = 1.F;
  cv::Mat appearance;  // normalised colour histogram of the body (appearance_of); empty: unknown
};

// The colour histogram of the middle of `box` in a BGR or grey `image`: the torso and legs, little
// of the background around a person.
cv::Mat appearance_of(const cv::Mat& image, const cv::Rect2f& box);
// 0 for the same colours .. 1 for disjoint ones; 0.5 when either is unknown.
double appearance_distance(const cv::Mat& a, const cv::Mat& b);

struct Track {
  int id = 0;
  cv::KalmanFilter filter;
  cv::Size2f size;  // smoothed box size
  int hits = 0;
  int missed = 0;
  bool confirmed = false;
  bool measured = false;  // matched a detection this frame
  float score = 0.F;
  cv::Point2f first_seen_at;
  cv::Mat appearance;  // a running mean of its detections' histograms

  [[nodiscard]] cv::Point2f center() const;
  // Moved half its own size or more since it was first seen.
  [[nodiscard]] bool has_walked() const;
  [[nodiscard]] cv::Point2f predicted_center() const;  // one frame ahead
  [[nodiscard]] cv::Rect2f box() const;
};

// The tracker's own units (frames); footfall::vision::TrackingParams documents each and converts.
struct TrackerParams {
  int min_hits = 3;
  int max_missed = 4;
  double gate = 1.0;
  double max_size_ratio = 3.0;
  double appearance_weight = 0.5;
};

// Constant-velocity Kalman tracks with optimal (Hungarian) assignment and distance gating.
class Tracker {
 public:
  explicit Tracker(TrackerParams params) : params_(params) {}
  // Returns the ids of tracks removed in this step.
  std::vector<int> update(const std::vector<Detection>& detections);
  [[nodiscard]] const std::vector<Track>& tracks() const { return tracks_; }

 private:
  Track make_track(const Detection& detection);
  void associate(const std::vector<std::size_t>& track_indices, const std::vector<Detection>& detections,
                 const std::vector<std::size_t>& detection_indices, std::vector<bool>& detection_used);
  TrackerParams params_;
  std::vector<Track> tracks_;
  int next_id_ = 1;
};

}  // namespace footfall::vision::detail
