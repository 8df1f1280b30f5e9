#include "footfall/vision/counter.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "detectors.hpp"
#include "footfall/vision/line_crossing.hpp"
#include "tracker.hpp"

namespace footfall::vision {

struct PeopleCounter::Impl {
  explicit Impl(CounterConfig c)
      : config(std::move(c)), detector(detail::make_detector(config)), tracker(tracker_params(config)) {}

  static detail::TrackerParams tracker_params(const CounterConfig& config) {
    const TrackingParams& tracking = config.tracking;
    detail::TrackerParams params;
    params.min_hits = tracking.confirm_detections;
    params.max_missed = std::max(2, static_cast<int>(std::lround(config.fps * tracking.coast_seconds)));
    params.gate = tracking.gate_body_sizes;
    params.max_size_ratio = tracking.max_size_ratio;
    params.appearance_weight = tracking.appearance_body_sizes;
    return params;
  }

  [[nodiscard]] cv::Point2f anchor_of(const detail::Track& track) const {
    const cv::Point2f c = track.center();
    if (config.point == TrackPoint::Feet) return {c.x, c.y + track.size.height / 2.F};
    return c;
  }

  [[nodiscard]] double margin_for(const detail::Track& track) const {
    const TrackingParams& tracking = config.tracking;
    if (config.view == View::Angled) {
      return tracking.angled_margin_share_of_height * static_cast<double>(track.size.height);
    }
    return tracking.overhead_margin_share_of_footprint * std::sqrt(static_cast<double>(track.size.area()));
  }

  std::vector<Crossing> process(const Frame& frame) {
    if (frame.image.empty()) return {};
    if (frame.image.size() != frame_size) {
      frame_size = frame.image.size();
      line.emplace(config.line, frame_size, config.fps, config.tracking.crossing);
    }
    std::vector<detail::Detection> detections = detector->detect(frame.image);
    for (auto& detection : detections)
      detection.appearance = detail::appearance_of(frame.image, detection.box);
    const std::vector<int> removed = tracker.update(detections);
    for (const int id : removed) {
      line->forget(id);
      pending.erase(id);
    }

    std::vector<Crossing> crossings;
    std::vector<detail::ExpectedPerson> expected;
    for (const detail::Track& track : tracker.tracks()) {
      if (track.confirmed) {
        const cv::Point2f next = track.predicted_center();
        expected.push_back({cv::Rect2f(next.x - track.size.width / 2.F, next.y - track.size.height / 2.F,
                                       track.size.width, track.size.height),
                            track.has_walked()});
      }
      if (track.measured) {
        if (auto crossing = line->update(track.id, anchor_of(track), margin_for(track), frame.index,
                                         frame.timestamp_ms)) {
          crossing->confidence = std::clamp(track.score, 0.F, 1.F);
          pending[track.id].push_back(*crossing);
        }
      }
      // Crossings of tentative tracks wait until the track proves to be a person.
      if (track.confirmed) {
        if (const auto it = pending.find(track.id); it != pending.end()) {
          crossings.insert(crossings.end(), it->second.begin(), it->second.end());
          pending.erase(it);
        }
      }
    }
    detector->set_expected_people(expected);
    return crossings;
  }

  CounterConfig config;
  std::unique_ptr<detail::Detector> detector;
  detail::Tracker tracker;
  cv::Size frame_size;
  std::optional<LineCrossingDetector> line;
  std::map<int, std::vector<Crossing>> pending;
};

PeopleCounter::PeopleCounter(CounterConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
PeopleCounter::~PeopleCounter() = default;
PeopleCounter::PeopleCounter(PeopleCounter&&) noexcept = default;
PeopleCounter& PeopleCounter::operator=(PeopleCounter&&) noexcept = default;

std::vector<Crossing> PeopleCounter::process(const Frame& frame) { return impl_->process(frame); }

std::vector<TrackView> PeopleCounter::tracks() const {
  std::vector<TrackView> views;
  const cv::Size size = impl_->frame_size;
  if (size.empty()) return views;
  const auto norm = [size](cv::Point2f p) {
    return NormPoint{p.x / static_cast<float>(size.width), p.y / static_cast<float>(size.height)};
  };
  for (const detail::Track& track : impl_->tracker.tracks()) {
    if (!track.confirmed) continue;
    const cv::Rect2f box = track.box();
    views.push_back({track.id, norm(box.tl()), norm(box.br()), norm(impl_->anchor_of(track))});
  }
  return views;
}

const CounterConfig& PeopleCounter::config() const { return impl_->config; }

DetectorKind parse_detector(const std::string& name) {
  std::string key;
  for (const char ch : name) {
    if (ch != '-' && ch != '_' && ch != ' ')
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  if (key == "auto") return DetectorKind::Auto;
  if (key == "bg" || key == "background" || key == "backgroundsubtraction" || key == "mog2") {
    return DetectorKind::BackgroundSubtraction;
  }
  if (key == "dnn" || key == "yolo") return DetectorKind::Dnn;
  if (key == "hog") return DetectorKind::Hog;
  throw std::invalid_argument("unknown detector '" + name + "' (expected auto, bg, dnn or hog)");
}

}  // namespace footfall::vision
