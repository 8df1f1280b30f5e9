#include "background_model.hpp"  // vision/src: internal, tested here on its own

#include <doctest/doctest.h>

#include <opencv2/imgproc.hpp>

#include <vector>

using footfall::vision::detail::SelectiveBackground;

namespace {

constexpr double kFps = 10.0;
const cv::Size kSize(160, 120);

cv::Mat floor_image() {
  cv::Mat floor(kSize, CV_8UC3);
  cv::RNG rng(7);
  rng.fill(floor, cv::RNG::UNIFORM, cv::Scalar(90, 100, 120), cv::Scalar(110, 120, 140));
  cv::GaussianBlur(floor, floor, cv::Size(5, 5), 0);
  return floor;
}

cv::Mat with_person(const cv::Mat& floor, cv::Point at) {
  cv::Mat image = floor.clone();
  cv::circle(image, at, 12, cv::Scalar(30, 160, 40), cv::FILLED);
  return image;
}

double foreground_share(const cv::Mat& mask, cv::Rect region) {
  return static_cast<double>(cv::countNonZero(mask(region))) / static_cast<double>(region.area());
}

// Feeds the first second with someone walking across, so the model is ready.
SelectiveBackground started(const cv::Mat& floor) {
  SelectiveBackground model(kFps);
  for (int i = 0; !model.ready(); ++i) model.apply(with_person(floor, {20 + 12 * i, 60}), {});
  return model;
}

}  // namespace

TEST_CASE("someone walking through the first second is not learned into the floor") {
  const cv::Mat floor = floor_image();
  SelectiveBackground model = started(floor);
  const cv::Mat& empty = model.apply(floor, {});
  CHECK(foreground_share(empty, cv::Rect({}, kSize)) < 0.01);
  const cv::Mat& someone = model.apply(with_person(floor, {80, 60}), {});
  CHECK(foreground_share(someone, cv::Rect(74, 54, 12, 12)) > 0.9);
}

TEST_CASE("what stays put is absorbed after a few seconds, unless a person who walked there stands on it") {
  const cv::Mat floor = floor_image();
  SelectiveBackground model = started(floor);
  cv::Mat scene = floor.clone();
  const cv::Rect bag(20, 20, 20, 14);
  const cv::Rect person(110, 70, 22, 22);
  scene(bag).setTo(cv::Scalar(20, 30, 90));
  scene(person).setTo(cv::Scalar(200, 60, 60));
  const cv::Mat* mask = nullptr;
  for (int i = 0; i < static_cast<int>(2.0 * kFps); ++i) mask = &model.apply(scene, {person});
  CHECK(foreground_share(*mask, bag) > 0.9);
  for (int i = 0; i < static_cast<int>(4.0 * kFps); ++i) mask = &model.apply(scene, {person});
  CHECK(foreground_share(*mask, bag) < 0.05);
  CHECK(foreground_share(*mask, person) > 0.9);
  // When the person walks on, the floor they stood on is floor again at once.
  cv::Mat left = floor.clone();
  left(bag).setTo(cv::Scalar(20, 30, 90));
  CHECK(foreground_share(model.apply(left, {}), person) < 0.05);
}

TEST_CASE("a change of white balance or a shadow is not a person") {
  const cv::Mat floor = floor_image();
  SelectiveBackground model = started(floor);
  cv::Mat shifted;
  cv::multiply(floor, cv::Scalar(1.12, 1.0, 0.88), shifted);
  CHECK(foreground_share(model.apply(shifted, {}), cv::Rect({}, kSize)) < 0.01);
  cv::Mat shaded = shifted.clone();
  const cv::Rect shadow(40, 40, 30, 30);
  cv::Mat darker = shaded(shadow);
  darker.convertTo(darker, -1, 0.65, 0.0);
  CHECK(foreground_share(model.apply(shaded, {}), shadow) < 0.05);
}
