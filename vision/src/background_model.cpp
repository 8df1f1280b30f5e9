#include "background_model.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace footfall::vision::detail {
namespace {

// Per-channel variances and the squared distance (summed over channels, in variances) beyond which
// a pixel is foreground: the values OpenCV's MOG2 uses, which hold on every clip here.
constexpr float kInitialVariance = 15.F;
constexpr float kMinVariance = 4.F;
constexpr float kMaxVariance = 75.F;
constexpr float kForegroundDistance = 16.F;
// A shadow keeps the background's colour at no less than this share of its brightness.
constexpr float kShadowDarkest = 0.5F;
constexpr double kStartSeconds = 1.0;
constexpr double kLearnSeconds = 6.0;
constexpr double kAbsorbSeconds = 4.0;
constexpr double kGainReferenceSeconds = 5.0;
const cv::Size kGainGrid(80, 60);

cv::Mat channel_sum(const cv::Mat& three_channels) {
  cv::Mat sum;
  cv::transform(three_channels, sum, cv::Matx13f(1.F, 1.F, 1.F));
  return sum;
}

}  // namespace

SelectiveBackground::SelectiveBackground(double fps) : fps_(std::max(1.0, fps)) {}

void SelectiveBackground::relearn(const cv::Mat& frame) {
  first_frames_.clear();
  frame.convertTo(mean_, CV_32FC3);
  variance_ = cv::Mat(frame.size(), CV_32FC1, cv::Scalar(kInitialVariance));
  held_s_ = cv::Mat::zeros(frame.size(), CV_32FC1);
  cv::resize(mean_, reference_, kGainGrid, 0, 0, cv::INTER_AREA);
}

void SelectiveBackground::start_from_median() {
  const cv::Mat& first = first_frames_.front();
  cv::Mat median(first.size(), CV_8UC3);
  std::vector<unsigned char> values(first_frames_.size());
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  for (int y = 0; y < first.rows; ++y) {
    auto* out = median.ptr<unsigned char>(y);
    for (int i = 0; i < first.cols * 3; ++i) {
      for (std::size_t f = 0; f < first_frames_.size(); ++f) values[f] = first_frames_[f].ptr<unsigned char>(y)[i];
      std::nth_element(values.begin(), middle, values.end());
      out[i] = *middle;
    }
  }
  relearn(median);
}

void SelectiveBackground::compensate_gain(cv::Mat& frame) {
  cv::Mat small;
  cv::resize(frame, small, kGainGrid, 0, 0, cv::INTER_AREA);
  cv::Vec3f gain(1.F, 1.F, 1.F);
  for (int c = 0; c < 3; ++c) {
    auto& ratios = ratios_[c];
    ratios.clear();
    for (int y = 0; y < small.rows; ++y) {
      const auto* now = small.ptr<cv::Vec3f>(y);
      const auto* was = reference_.ptr<cv::Vec3f>(y);
      for (int x = 0; x < small.cols; ++x) {
        if (now[x][c] > 8.F) ratios.push_back(was[x][c] / now[x][c]);
      }
    }
    if (ratios.size() < 100) continue;
    // The median ignores the minority of pixels covered by people.
    const auto middle = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
    std::nth_element(ratios.begin(), middle, ratios.end());
    gain[c] = std::clamp(*middle, 0.3F, 3.F);
  }
  if (std::abs(gain[0] - 1.F) > 0.01F || std::abs(gain[1] - 1.F) > 0.01F || std::abs(gain[2] - 1.F) > 0.01F) {
    const cv::Scalar factors(gain[0], gain[1], gain[2]);
    cv::multiply(frame, factors, frame);
    cv::multiply(small, factors, small);
  }
  cv::accumulateWeighted(small, reference_, 1.0 / (fps_ * kGainReferenceSeconds));
}

const cv::Mat& SelectiveBackground::apply(const cv::Mat& frame, const std::vector<cv::Rect>& protected_regions) {
  if (!ready()) {
    first_frames_.push_back(frame.clone());
    if (static_cast<double>(first_frames_.size()) >= std::max(3.0, fps_ * kStartSeconds)) start_from_median();
    mask_ = cv::Mat::zeros(frame.size(), CV_8U);
    return mask_;
  }
  cv::Mat now;
  frame.convertTo(now, CV_32FC3);
  compensate_gain(now);

  const cv::Mat difference = now - mean_;
  const cv::Mat distance = channel_sum(difference.mul(difference));
  cv::Mat foreground;
  cv::compare(distance, variance_ * kForegroundDistance, foreground, cv::CMP_GT);
  const cv::Mat matches_background = ~foreground;

  // A shadow: a darker copy of the background, not too dark, whose colour is within the usual noise.
  const cv::Mat brightness = channel_sum(now.mul(mean_)) / cv::max(channel_sum(mean_.mul(mean_)), 1.F);
  cv::Mat plausible_darkening;
  cv::inRange(brightness, kShadowDarkest, 1.F, plausible_darkening);
  cv::Mat scaled_mean;
  cv::merge(std::vector<cv::Mat>{brightness, brightness, brightness}, scaled_mean);
  scaled_mean = scaled_mean.mul(mean_);
  const cv::Mat residual = now - scaled_mean;
  cv::Mat same_colour;
  cv::compare(channel_sum(residual.mul(residual)), variance_.mul(brightness.mul(brightness)) * kForegroundDistance,
              same_colour, cv::CMP_LT);
  foreground &= ~(plausible_darkening & same_colour);

  const double rate = 1.0 / (fps_ * kLearnSeconds);
  cv::accumulateWeighted(now, mean_, rate, matches_background);
  cv::accumulateWeighted(distance / 3.F, variance_, rate, matches_background);
  variance_ = cv::min(cv::max(variance_, kMinVariance), kMaxVariance);

  cv::Mat guarded = cv::Mat::zeros(frame.size(), CV_8U);
  for (const cv::Rect& region : protected_regions) guarded(region & cv::Rect({}, frame.size())).setTo(255);
  cv::add(held_s_, cv::Scalar(1.0 / fps_), held_s_, foreground & ~guarded);
  held_s_.setTo(0.F, ~foreground);
  cv::Mat absorbed;
  cv::compare(held_s_, kAbsorbSeconds, absorbed, cv::CMP_GT);
  now.copyTo(mean_, absorbed);
  variance_.setTo(kInitialVariance, absorbed);
  held_s_.setTo(0.F, absorbed);

  mask_ = foreground;
  return mask_;
}

}  // namespace footfall::vision::detail
