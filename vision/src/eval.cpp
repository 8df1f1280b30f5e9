#include "footfall/vision/eval.hpp"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace footfall::vision {

EvalResult run_eval(const TruthFile& truth, const EvalOptions& options) {
  cv::VideoCapture capture(truth.video.string());
  if (!capture.isOpened()) throw std::runtime_error(truth.video.string() + ": cannot open video");

  const double container_fps = capture.get(cv::CAP_PROP_FPS);
  const double fps = truth.fps.value_or(container_fps > 0.0 ? container_fps : 25.0);
  // Only an estimate: some containers report a wrong count, so frames are counted by decoding.
  const auto total_estimate = static_cast<std::int64_t>(capture.get(cv::CAP_PROP_FRAME_COUNT));

  CounterConfig config;
  config.line = truth.line;
  config.view = truth.view;
  config.point = truth.point;
  config.detector = options.detector.value_or(DetectorKind::Auto);
  config.model_path = options.model_path;
  config.fps = fps;
  PeopleCounter counter(config);

  EvalResult result;
  Frame frame;
  const auto started = std::chrono::steady_clock::now();
  while (capture.read(frame.image) && !frame.image.empty()) {
    frame.timestamp_ms = static_cast<std::int64_t>(std::llround(static_cast<double>(frame.index) * 1000.0 / fps));
    for (const Crossing& crossing : counter.process(frame)) {
      result.counted.push_back({crossing.frame_index, crossing.direction});
    }
    ++frame.index;
    if (options.progress) options.progress(frame.index, std::max(total_estimate, frame.index));
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

  result.frames = frame.index;
  result.fps = elapsed.count() > 0.0 ? static_cast<double>(result.frames) / elapsed.count() : 0.0;
  result.score = score_crossings(result.counted, truth.crossings, static_cast<std::int64_t>(std::llround(fps)));
  return result;
}

}  // namespace footfall::vision
