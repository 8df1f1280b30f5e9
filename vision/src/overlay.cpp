#include "footfall/vision/overlay.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace footfall::vision {
namespace {

cv::Point to_pixel(NormPoint p, cv::Size size) {
  return {static_cast<int>(std::lround(p.x * static_cast<float>(size.width))),
          static_cast<int>(std::lround(p.y * static_cast<float>(size.height)))};
}

}  // namespace

void draw_counting_overlay(cv::Mat& image, const CountingLine& line, const std::vector<TrackView>& tracks,
                           const std::string& caption) {
  const cv::Size size = image.size();
  // Text and strokes grow with the picture, so a 1080p audit clip reads like a 240p strip.
  const double scale = std::max(0.4, static_cast<double>(size.height) / 600.0);
  const int stroke = std::max(1, static_cast<int>(std::lround(scale * 1.5)));
  cv::line(image, to_pixel(line.a, size), to_pixel(line.b, size), {0, 255, 255}, stroke + 1);
  cv::circle(image, to_pixel(line.inside, size), 2 + 2 * stroke, {0, 255, 0}, cv::FILLED);
  for (const TrackView& track : tracks) {
    cv::rectangle(image, cv::Rect(to_pixel(track.top_left, size), to_pixel(track.bottom_right, size)), {255, 128, 0},
                  stroke);
    cv::circle(image, to_pixel(track.anchor, size), 1 + 2 * stroke, {255, 0, 255}, cv::FILLED);
    cv::putText(image, std::to_string(track.id), to_pixel(track.top_left, size) + cv::Point(2, static_cast<int>(12 * scale)),
                cv::FONT_HERSHEY_SIMPLEX, scale, {255, 255, 255}, stroke);
  }
  const int baseline = size.height - static_cast<int>(std::lround(6 * scale));
  cv::putText(image, caption, {4, baseline}, cv::FONT_HERSHEY_SIMPLEX, scale, {0, 0, 0}, stroke + 2);
  cv::putText(image, caption, {4, baseline}, cv::FONT_HERSHEY_SIMPLEX, scale, {0, 0, 255}, stroke);
}

}  // namespace footfall::vision
