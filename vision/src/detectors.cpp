#include "detectors.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>
#include <stdexcept>

#include "background_model.hpp"

namespace footfall::vision::detail {
namespace {

cv::Rect2f scaled(const cv::Rect& r, double factor) {
  const auto f = static_cast<float>(factor);
  return {static_cast<float>(r.x) * f, static_cast<float>(r.y) * f, static_cast<float>(r.width) * f,
          static_cast<float>(r.height) * f};
}

// Foreground blobs of a selective background model at reduced resolution. A blob that holds several
// tracked people is split between them; one person's area (the median of blobs holding one tracked
// person) sets the smallest blob that counts.
class BackgroundSubtractionDetector final : public Detector {
 public:
  explicit BackgroundSubtractionDetector(const CounterConfig& config)
      : fps_(std::max(1.0, config.fps)),
        processing_width_(std::max(64, config.processing_width)),
        background_(config.fps) {}

  void set_expected_people(const std::vector<ExpectedPerson>& people) override { expected_ = people; }

  std::vector<Detection> detect(const cv::Mat& bgr) override {
    const double factor =
        bgr.cols > processing_width_ ? static_cast<double>(processing_width_) / bgr.cols : 1.0;
    cv::Mat small;
    if (factor < 1.0) {
      cv::resize(bgr, small, cv::Size(), factor, factor, cv::INTER_AREA);
    } else {
      small = bgr.clone();
    }
    cv::GaussianBlur(small, small, cv::Size(3, 3), 0);

    std::vector<cv::Rect> where_people_stand;
    for (const ExpectedPerson& person : expected_) {
      if (!person.has_walked) continue;
      // A little wider than the track's box: arms and a bag stick out of it.
      const cv::Rect2f& box = person.box;
      const float grow = 0.15F;
      where_people_stand.emplace_back(
          cv::Rect2f((box.x - grow * box.width) * static_cast<float>(factor),
                     (box.y - grow * box.height) * static_cast<float>(factor),
                     (1.F + 2.F * grow) * box.width * static_cast<float>(factor),
                     (1.F + 2.F * grow) * box.height * static_cast<float>(factor)));
    }
    background_.apply(small, where_people_stand).copyTo(mask_);
    const double foreground_share =
        static_cast<double>(cv::countNonZero(mask_)) / static_cast<double>(mask_.total());
    // Most of the frame changed and stayed changed (lights switched, the camera moved): relearn from
    // this frame rather than track one huge person. A close person or a crowd passing is not that:
    // learning them into the floor would leave their ghosts behind.
    seconds_mostly_changed_ = foreground_share > 0.45 ? seconds_mostly_changed_ + 1.0 / fps_ : 0.0;
    if (seconds_mostly_changed_ >= kRelearnAfterSeconds) {
      background_.relearn(small);
      seconds_mostly_changed_ = 0.0;
      return {};
    }
    cv::morphologyEx(mask_, mask_, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
    cv::morphologyEx(mask_, mask_, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {7, 7}));

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask_, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double frame_area = static_cast<double>(mask_.total());
    const std::optional<double> single = single_person_area();
    // Until a person's size is known, only specks are dropped: a fixed prior would throw away
    // small, distant people or cut close ones into pieces.
    const double min_area = std::max(kMinBlobShare * frame_area, single ? 0.3 * *single : 0.0);
    const cv::Rect inner(1, 1, mask_.cols - 2, mask_.rows - 2);

    std::vector<Blob> blobs;
    for (auto& contour : contours) {
      const double area = cv::contourArea(contour);
      if (area < min_area) continue;
      const cv::Rect bounds = cv::boundingRect(contour);
      blobs.push_back({{std::move(contour)}, area, bounds});
    }
    merge_fragments(blobs);

    std::vector<Detection> detections;
    for (const Blob& blob : blobs) {
      const cv::Rect& bounds = blob.bounds;
      const double area = blob.area;
      int tracked = 0;
      int walked = 0;
      for (const ExpectedPerson& person : expected_) {
        const cv::Point2f c = (person.box.tl() + person.box.br()) * 0.5F;
        const cv::Point at(static_cast<int>(static_cast<double>(c.x) * factor),
                           static_cast<int>(static_cast<double>(c.y) * factor));
        if (!bounds.contains(at)) continue;
        ++tracked;
        walked += person.has_walked ? 1 : 0;
      }
      // A person's size is learned from blobs that hold exactly one track, of someone who walked, and
      // are not cut by the frame edge: ghosts and merged groups would drag it away from one body.
      if (tracked == 1 && walked == 1 && (bounds & inner) == bounds) record_area(area);
      // A blob is split only between the tracked people in it: its area alone would cut one close,
      // blurred or oddly lit person into several, each a track and each a crossing.
      int people = 1;
      if (!single || area >= 0.75 * tracked * *single) people = std::max(people, tracked);
      if (people < 2) {
        detections.push_back({scaled(bounds, 1.0 / factor), 1.F, {}});
        continue;
      }
      for (const cv::Rect& part : split_blob(blob, std::min(people, 6))) {
        detections.push_back({scaled(part, 1.0 / factor), 0.8F, {}});
      }
    }
    return detections;
  }

 private:
  // One foreground region: a contour, or the fragments of one body merged together.
  struct Blob {
    std::vector<std::vector<cv::Point>> contours;
    double area = 0;
    cv::Rect bounds;
  };

  // Motion blur and clothing the colour of the floor cut one body into pieces. Pieces whose boxes
  // come within a share of the larger piece's size are one region, when one is clearly the smaller.
  static void merge_fragments(std::vector<Blob>& blobs) {
    const auto grown = [](const cv::Rect& r) {
      const int pad = static_cast<int>(std::lround(kFragmentGap * std::max(r.width, r.height)));
      return cv::Rect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad);
    };
    for (bool merged = true; merged;) {
      merged = false;
      for (std::size_t i = 0; i < blobs.size() && !merged; ++i) {
        for (std::size_t j = i + 1; j < blobs.size() && !merged; ++j) {
          const bool i_larger = blobs[i].area >= blobs[j].area;
          const cv::Rect& larger = i_larger ? blobs[i].bounds : blobs[j].bounds;
          const cv::Rect& smaller = i_larger ? blobs[j].bounds : blobs[i].bounds;
          if ((grown(larger) & smaller).area() == 0) continue;
          // Two people side by side are two similar regions; a fragment is clearly the smaller piece.
          const double ratio =
              std::min(blobs[i].area, blobs[j].area) / std::max(blobs[i].area, blobs[j].area);
          if (ratio > kFragmentShare) continue;
          Blob& into = blobs[i];
          Blob& from = blobs[j];
          into.contours.insert(into.contours.end(), std::make_move_iterator(from.contours.begin()),
                               std::make_move_iterator(from.contours.end()));
          into.area += from.area;
          into.bounds |= from.bounds;
          blobs.erase(blobs.begin() + static_cast<std::ptrdiff_t>(j));
          merged = true;
        }
      }
    }
  }

  std::optional<double> single_person_area() const {
    if (areas_.size() < kAreaSamples) return std::nullopt;
    std::vector<double> sorted(areas_.begin(), areas_.end());
    const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    return *middle;
  }

  void record_area(double area) {
    areas_.push_back(area);
    if (areas_.size() > 300) areas_.pop_front();
  }

  // The blob's own foreground pixels, in a mask the size of its bounds.
  [[nodiscard]] cv::Mat pixels_of(const Blob& region) const {
    const cv::Rect& bounds = region.bounds;
    cv::Mat blob = cv::Mat::zeros(bounds.size(), CV_8U);
    cv::drawContours(blob, region.contours, -1, cv::Scalar(255), cv::FILLED, cv::LINE_8, cv::noArray(), 0,
                     -bounds.tl());
    cv::bitwise_and(blob, mask_(bounds), blob);
    return blob;
  }

  std::vector<cv::Rect> split_blob(const Blob& region, int people) const {
    const cv::Rect& bounds = region.bounds;
    const cv::Mat blob = pixels_of(region);
    std::vector<cv::Point> pixels;
    cv::findNonZero(blob, pixels);
    if (static_cast<int>(pixels.size()) < people * 4) return {bounds};
    cv::Mat samples(static_cast<int>(pixels.size()), 2, CV_32F);
    for (int i = 0; i < samples.rows; ++i) {
      samples.at<float>(i, 0) = static_cast<float>(pixels[static_cast<std::size_t>(i)].x);
      samples.at<float>(i, 1) = static_cast<float>(pixels[static_cast<std::size_t>(i)].y);
    }
    cv::Mat labels;
    cv::theRNG() = cv::RNG(0x5eed);  // kmeans seeds from it; keep runs reproducible
    cv::kmeans(samples, people, labels,
               cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, 20, 0.5), 2,
               cv::KMEANS_PP_CENTERS);
    std::vector<std::vector<cv::Point>> groups(static_cast<std::size_t>(people));
    for (int i = 0; i < labels.rows; ++i) {
      groups[static_cast<std::size_t>(labels.at<int>(i))].push_back(pixels[static_cast<std::size_t>(i)] +
                                                                    bounds.tl());
    }
    std::vector<cv::Rect> parts;
    for (const auto& group : groups) {
      if (!group.empty()) parts.push_back(cv::boundingRect(group));
    }
    return parts;
  }

  static constexpr std::size_t kAreaSamples = 15;
  static constexpr double kMinBlobShare = 0.0008;
  static constexpr double kFragmentGap = 0.15;   // of the larger piece's longer side
  static constexpr double kFragmentShare = 0.5;  // a piece below this share of the other is a fragment
  static constexpr double kRelearnAfterSeconds = 1.0;
  double fps_;
  int processing_width_;
  SelectiveBackground background_;
  double seconds_mostly_changed_ = 0.0;
  cv::Mat mask_;
  std::deque<double> areas_;
  std::vector<ExpectedPerson> expected_;  // full-frame pixels
};

std::filesystem::path darknet_cfg_for(const std::filesystem::path& weights) {
  std::filesystem::path cfg = weights;
  cfg.replace_extension(".cfg");
  return cfg;
}

// Non-maximum suppression: of boxes that overlap by more than 45 %, the best-scored one stays.
std::vector<Detection> best_of_overlapping(const std::vector<cv::Rect>& boxes,
                                           const std::vector<float>& scores, float min_score) {
  std::vector<int> keep;
  cv::dnn::NMSBoxes(boxes, scores, min_score, 0.45F, keep);
  std::vector<Detection> detections;
  for (const int i : keep) {
    const auto k = static_cast<std::size_t>(i);
    detections.push_back({cv::Rect2f(boxes[k]), scores[k], {}});
  }
  return detections;
}

// A person detector network: Darknet (.weights with a .cfg beside it) or ONNX, YOLO-style output rows
// of [cx, cy, w, h, objectness, class scores...] in fractions of the input.
class DnnDetector final : public Detector {
 public:
  explicit DnnDetector(const std::string& model_path) {
    std::filesystem::path path = model_path;
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.path().extension() == ".weights" || entry.path().extension() == ".onnx")
          path = entry.path();
      }
    }
    if (!std::filesystem::exists(path)) throw std::runtime_error(model_path + ": model not found");
    try {
      if (path.extension() == ".onnx") {
        net_ = cv::dnn::readNetFromONNX(path.string());
      } else {
        const auto cfg = darknet_cfg_for(path);
        if (!std::filesystem::exists(cfg))
          throw std::runtime_error(cfg.string() + ": Darknet .cfg not found beside the weights");
        net_ = cv::dnn::readNetFromDarknet(cfg.string(), path.string());
      }
    } catch (const cv::Exception& e) {
      throw std::runtime_error(path.string() + ": cannot load model: " + e.what());
    }
    net_.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net_.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    output_names_ = net_.getUnconnectedOutLayersNames();
  }

  std::vector<Detection> detect(const cv::Mat& bgr) override {
    // 320: of 256-416 on every angled clip and line placement, none counted better and this is the fastest.
    const cv::Mat blob =
        cv::dnn::blobFromImage(bgr, 1.0 / 255.0, cv::Size(320, 320), cv::Scalar(), true, false);
    net_.setInput(blob);
    std::vector<cv::Mat> outputs;
    net_.forward(outputs, output_names_);

    std::vector<cv::Rect> boxes;
    std::vector<float> scores;
    const auto width = static_cast<float>(bgr.cols);
    const auto height = static_cast<float>(bgr.rows);
    for (const cv::Mat& output : outputs) {
      for (int r = 0; r < output.rows; ++r) {
        const float* row = output.ptr<float>(r);
        float score = 0.F;
        for (int c = 5; c < output.cols; ++c) score = std::max(score, row[c]);
        if (score < kScoreThreshold) continue;
        const float w = row[2] * width;
        const float h = row[3] * height;
        boxes.emplace_back(cv::Rect2f(row[0] * width - w / 2.F, row[1] * height - h / 2.F, w, h));
        scores.push_back(score);
      }
    }
    return best_of_overlapping(boxes, scores, kScoreThreshold);
  }

 private:
  static constexpr float kScoreThreshold = 0.3F;
  cv::dnn::Net net_;
  std::vector<std::string> output_names_;
};

// YOLOX (an ONNX export named yolox*.onnx): a letterboxed BGR input of 0-255 padded with 114 at the
// bottom and right, and one output row per grid cell of strides 8, 16 and 32 with
// (dx, dy, log w, log h, objectness, class scores...); class 0 is a person.
class YoloxDetector final : public Detector {
 public:
  YoloxDetector(const std::filesystem::path& path, int input_size) : input_size_(input_size) {
    try {
      net_ = cv::dnn::readNetFromONNX(path.string());
    } catch (const cv::Exception& e) {
      throw std::runtime_error(path.string() + ": cannot load model: " + e.what());
    }
    net_.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net_.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    for (const int stride : {8, 16, 32}) {
      const int cells = input_size_ / stride;
      for (int y = 0; y < cells; ++y) {
        for (int x = 0; x < cells; ++x)
          grid_.push_back({static_cast<float>(x), static_cast<float>(y), static_cast<float>(stride)});
      }
    }
  }

  std::vector<Detection> detect(const cv::Mat& bgr) override {
    const double ratio =
        std::min(static_cast<double>(input_size_) / bgr.cols, static_cast<double>(input_size_) / bgr.rows);
    cv::Mat letterboxed(input_size_, input_size_, CV_8UC3, cv::Scalar::all(114));
    cv::Mat resized;
    cv::resize(bgr, resized, {}, ratio, ratio, cv::INTER_LINEAR);
    resized.copyTo(letterboxed(
        cv::Rect(0, 0, std::min(resized.cols, input_size_), std::min(resized.rows, input_size_))));
    net_.setInput(cv::dnn::blobFromImage(letterboxed, 1.0, cv::Size(input_size_, input_size_), cv::Scalar(),
                                         false, false));
    cv::Mat output = net_.forward();
    if (output.dims != 3 || output.size[1] != static_cast<int>(grid_.size()) || output.size[2] < 6) {
      throw std::runtime_error("YOLOX model: unexpected output shape for a " + std::to_string(input_size_) +
                               " px input");
    }
    const cv::Mat rows(output.size[1], output.size[2], CV_32F, output.ptr<float>());

    std::vector<cv::Rect> boxes;
    std::vector<float> scores;
    const auto scale = static_cast<float>(ratio);
    for (int r = 0; r < rows.rows; ++r) {
      const float* row = rows.ptr<float>(r);
      const float score = row[4] * row[5];
      if (score < kScoreThreshold) continue;
      const Cell& cell = grid_[static_cast<std::size_t>(r)];
      const float cx = (row[0] + cell.x) * cell.stride / scale;
      const float cy = (row[1] + cell.y) * cell.stride / scale;
      const float w = std::exp(row[2]) * cell.stride / scale;
      const float h = std::exp(row[3]) * cell.stride / scale;
      boxes.emplace_back(cv::Rect2f(cx - w / 2.F, cy - h / 2.F, w, h));
      scores.push_back(score);
    }
    return best_of_overlapping(boxes, scores, kScoreThreshold);
  }

 private:
  struct Cell {
    float x;
    float y;
    float stride;
  };
  static constexpr float kScoreThreshold = 0.3F;
  int input_size_;
  cv::dnn::Net net_;
  std::vector<Cell> grid_;
};

// OpenCV's built-in pedestrian HOG: slow and weaker, but needs no model file.
class HogDetector final : public Detector {
 public:
  HogDetector() { hog_.setSVMDetector(cv::HOGDescriptor::getDefaultPeopleDetector()); }

  std::vector<Detection> detect(const cv::Mat& bgr) override {
    // The detector's window is 64x128; small frames are enlarged so distant people still fit it.
    const double factor = bgr.rows < 480 ? 2.0 : 1.0;
    cv::Mat image = bgr;
    if (factor != 1.0) cv::resize(bgr, image, cv::Size(), factor, factor, cv::INTER_LINEAR);
    std::vector<cv::Rect> found;
    std::vector<double> weights;
    hog_.detectMultiScale(image, found, weights, 0.0, cv::Size(8, 8), cv::Size(), 1.05, 2.0);
    std::vector<Detection> detections;
    for (std::size_t i = 0; i < found.size(); ++i) {
      const float score = i < weights.size() ? static_cast<float>(std::min(1.0, weights[i])) : 1.F;
      detections.push_back({scaled(found[i], 1.0 / factor), score, {}});
    }
    return detections;
  }

 private:
  cv::HOGDescriptor hog_;
};

}  // namespace

DetectorKind resolve_detector(const CounterConfig& config) {
  if (config.detector != DetectorKind::Auto) return config.detector;
  if (config.view == View::Overhead) return DetectorKind::BackgroundSubtraction;
  return config.model_path.empty() ? DetectorKind::Hog : DetectorKind::Dnn;
}

std::unique_ptr<Detector> make_detector(const CounterConfig& config) {
  switch (resolve_detector(config)) {
    case DetectorKind::Dnn:
      if (config.model_path.empty()) throw std::runtime_error("the DNN detector needs a model path");
      if (const std::filesystem::path path = config.model_path;
          path.extension() == ".onnx" && path.filename().string().starts_with("yolox")) {
        return std::make_unique<YoloxDetector>(path, 416);
      }
      return std::make_unique<DnnDetector>(config.model_path);
    case DetectorKind::Hog:
      return std::make_unique<HogDetector>();
    case DetectorKind::Auto:
    case DetectorKind::BackgroundSubtraction:
      break;
  }
  return std::make_unique<BackgroundSubtractionDetector>(config);
}

}  // namespace footfall::vision::detail
