#include "tracker.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "footfall/vision/assignment.hpp"

namespace footfall::vision::detail {
namespace {

float body_size(cv::Size2f size) { return std::max(1.F, std::sqrt(size.width * size.height)); }

cv::Point2f center_of(const cv::Rect2f& box) { return {box.x + box.width / 2.F, box.y + box.height / 2.F}; }

void set_noise(cv::KalmanFilter& filter, float size) {
  const float q = 0.03F * size;
  const float r = 0.08F * size;
  cv::setIdentity(filter.processNoiseCov, cv::Scalar::all(static_cast<double>(q * q)));
  cv::setIdentity(filter.measurementNoiseCov, cv::Scalar::all(static_cast<double>(r * r)));
}

}  // namespace

cv::Mat appearance_of(const cv::Mat& image, const cv::Rect2f& box) {
  // The middle half across and 15-85 % down: the body without the head's and feet's background.
  const cv::Rect2f core(box.x + 0.25F * box.width, box.y + 0.15F * box.height, 0.5F * box.width,
                        0.7F * box.height);
  const cv::Rect region = cv::Rect(core) & cv::Rect(0, 0, image.cols, image.rows);
  if (region.width < 2 || region.height < 2) return {};
  cv::Mat histogram;
  if (image.channels() == 3) {
    cv::Mat hsv;
    cv::cvtColor(image(region), hsv, cv::COLOR_BGR2HSV);
    const int channels[] = {0, 1, 2};
    const int bins[] = {8, 4, 4};
    const float hue[] = {0.F, 180.F};
    const float level[] = {0.F, 256.F};
    const float* ranges[] = {hue, level, level};
    cv::calcHist(&hsv, 1, channels, cv::Mat(), histogram, 3, bins, ranges);
  } else {
    const int channels[] = {0};
    const int bins[] = {16};
    const float level[] = {0.F, 256.F};
    const float* ranges[] = {level};
    cv::calcHist(&image, 1, channels, cv::Mat(), histogram, 1, bins, ranges);
  }
  cv::normalize(histogram, histogram, 1.0, 0.0, cv::NORM_L1);
  return histogram;
}

double appearance_distance(const cv::Mat& a, const cv::Mat& b) {
  if (a.empty() || b.empty() || a.size != b.size) return 0.5;
  return std::clamp(cv::compareHist(a, b, cv::HISTCMP_BHATTACHARYYA), 0.0, 1.0);
}

cv::Point2f Track::center() const { return {filter.statePost.at<float>(0), filter.statePost.at<float>(1)}; }

cv::Point2f Track::predicted_center() const {
  return center() + cv::Point2f(filter.statePost.at<float>(2), filter.statePost.at<float>(3));
}

bool Track::has_walked() const {
  return cv::norm(center() - first_seen_at) >= 0.5 * static_cast<double>(std::min(size.width, size.height));
}

cv::Rect2f Track::box() const {
  const cv::Point2f c = center();
  return {c.x - size.width / 2.F, c.y - size.height / 2.F, size.width, size.height};
}

Track Tracker::make_track(const Detection& detection) {
  Track track;
  track.id = next_id_++;
  track.size = detection.box.size();
  track.filter.init(4, 2, 0, CV_32F);
  track.filter.transitionMatrix = (cv::Mat_<float>(4, 4) << 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1);
  cv::setIdentity(track.filter.measurementMatrix);
  const float size = body_size(track.size);
  set_noise(track.filter, size);
  const cv::Point2f c = center_of(detection.box);
  track.first_seen_at = c;
  track.filter.statePost = (cv::Mat_<float>(4, 1) << c.x, c.y, 0.F, 0.F);
  const float p = 0.25F * size;
  track.filter.errorCovPost = (cv::Mat_<float>(4, 4) << 0.01F * p * p, 0, 0, 0, 0, 0.01F * p * p, 0, 0, 0, 0,
                               p * p, 0, 0, 0, 0, p * p);
  track.hits = 1;
  track.measured = true;
  track.score = detection.score;
  track.appearance = detection.appearance.clone();
  track.confirmed = params_.min_hits <= 1;
  return track;
}

void Tracker::associate(const std::vector<std::size_t>& track_indices,
                        const std::vector<Detection>& detections,
                        const std::vector<std::size_t>& detection_indices,
                        std::vector<bool>& detection_used) {
  constexpr double kForbidden = 1e6;
  // One extra column per track, "left unmatched this frame", at the gate's cost: otherwise the
  // Hungarian method maximises the number of pairs first, and a track that should coast (its
  // person hidden) is forced onto someone else's detection to free the right one for another track.
  const std::size_t rows = track_indices.size();
  const std::size_t real_columns = detection_indices.size();
  std::vector<std::vector<double>> cost(rows, std::vector<double>(real_columns + rows, kForbidden));
  for (std::size_t r = 0; r < rows; ++r) {
    // Above every gated pair's cost, so the colour term only decides between people in the gate.
    cost[r][real_columns + r] = params_.gate + params_.appearance_weight;
    const Track& track = tracks_[track_indices[r]];
    const cv::Point2f predicted = track.center();
    for (std::size_t c = 0; c < real_columns; ++c) {
      const cv::Rect2f& box = detections[detection_indices[c]].box;
      // Gated by the smaller of the two: a small box's track must not reach a passer-by's big one.
      const float scale = std::min(body_size(track.size), body_size(box.size()));
      const double distance = cv::norm(center_of(box) - predicted) / static_cast<double>(scale);
      // A box of a very different shape is most likely someone else.
      const double growth = std::max(
          std::abs(std::log(static_cast<double>(std::max(1.F, box.width) / std::max(1.F, track.size.width)))),
          std::abs(
              std::log(static_cast<double>(std::max(1.F, box.height) / std::max(1.F, track.size.height)))));
      if (distance <= params_.gate && growth <= std::log(params_.max_size_ratio)) {
        cost[r][c] =
            distance + params_.appearance_weight *
                           appearance_distance(track.appearance, detections[detection_indices[c]].appearance);
      }
    }
  }
  const std::vector<int> assignment = solve_assignment(cost);
  for (std::size_t r = 0; r < rows; ++r) {
    const int column = assignment[r];
    if (column < 0 || static_cast<std::size_t>(column) >= real_columns ||
        cost[r][static_cast<std::size_t>(column)] >= kForbidden) {
      continue;
    }
    const std::size_t d = detection_indices[static_cast<std::size_t>(column)];
    const Detection& detection = detections[d];
    detection_used[d] = true;
    Track& track = tracks_[track_indices[r]];
    const cv::Point2f c = center_of(detection.box);
    track.filter.correct((cv::Mat_<float>(2, 1) << c.x, c.y));
    track.size.width = 0.6F * track.size.width + 0.4F * detection.box.width;
    track.size.height = 0.6F * track.size.height + 0.4F * detection.box.height;
    set_noise(track.filter, body_size(track.size));
    if (track.appearance.empty() || detection.appearance.empty()) {
      track.appearance = detection.appearance.clone();
    } else {
      cv::addWeighted(track.appearance, 0.8, detection.appearance, 0.2, 0.0, track.appearance);
    }
    track.measured = true;
    track.missed = 0;
    track.score = detection.score;
    if (++track.hits >= params_.min_hits) track.confirmed = true;
  }
}

std::vector<int> Tracker::update(const std::vector<Detection>& detections) {
  for (Track& track : tracks_) {
    track.filter.predict();
    // predict() leaves statePost alone; coasting tracks should move on with their velocity.
    track.filter.statePre.copyTo(track.filter.statePost);
    track.filter.errorCovPre.copyTo(track.filter.errorCovPost);
    track.measured = false;
  }

  std::vector<bool> detection_used(detections.size(), false);
  // Confirmed tracks choose first, then tentative ones from what is left (a matching cascade):
  // a track born this instant from a duplicate box must not take a known person's detection.
  for (const bool confirmed_pass : {true, false}) {
    std::vector<std::size_t> candidates;
    for (std::size_t t = 0; t < tracks_.size(); ++t) {
      if (tracks_[t].confirmed == confirmed_pass) candidates.push_back(t);
    }
    std::vector<std::size_t> free_detections;
    for (std::size_t d = 0; d < detections.size(); ++d) {
      if (!detection_used[d]) free_detections.push_back(d);
    }
    if (candidates.empty() || free_detections.empty()) continue;
    associate(candidates, detections, free_detections, detection_used);
  }

  std::vector<int> removed;
  for (Track& track : tracks_) {
    if (!track.measured) ++track.missed;
  }
  std::erase_if(tracks_, [&](const Track& track) {
    if (track.measured) return false;
    const bool drop = track.confirmed ? track.missed > params_.max_missed : track.missed > 1;
    if (drop) removed.push_back(track.id);
    return drop;
  });
  for (std::size_t d = 0; d < detections.size(); ++d) {
    if (!detection_used[d]) tracks_.push_back(make_track(detections[d]));
  }
  return removed;
}

}  // namespace footfall::vision::detail
