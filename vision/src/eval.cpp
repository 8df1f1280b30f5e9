#include "footfall/vision/eval.hpp"

#include "footfall/vision/overlay.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

namespace footfall::vision {

namespace {

cv::VideoCapture open_clip(const TruthFile& truth) {
  cv::VideoCapture capture(truth.video.string());
  if (!capture.isOpened()) throw std::runtime_error(truth.video.string() + ": cannot open video");
  return capture;
}

double clip_fps(const TruthFile& truth, const cv::VideoCapture& capture) {
  const double container_fps = capture.get(cv::CAP_PROP_FPS);
  return truth.fps.value_or(container_fps > 0.0 ? container_fps : 25.0);
}

CounterConfig counter_config(const TruthFile& truth, const EvalOptions& options, double fps) {
  CounterConfig config;
  config.line = truth.line;
  config.view = truth.view;
  config.point = truth.point;
  config.detector = options.detector.value_or(DetectorKind::Auto);
  config.model_path = options.model_path;
  config.fps = fps;
  return config;
}

std::int64_t timestamp_of(std::int64_t index, double fps) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(index) * 1000.0 / fps));
}

}  // namespace

EvalResult run_eval(const TruthFile& truth, const EvalOptions& options) {
  cv::VideoCapture capture = open_clip(truth);
  const double fps = clip_fps(truth, capture);
  // Only an estimate: some containers report a wrong count, so frames are counted by decoding.
  const auto total_estimate = static_cast<std::int64_t>(capture.get(cv::CAP_PROP_FRAME_COUNT));
  PeopleCounter counter(counter_config(truth, options, fps));

  EvalResult result;
  Frame frame;
  const auto started = std::chrono::steady_clock::now();
  while (capture.read(frame.image) && !frame.image.empty()) {
    frame.timestamp_ms = timestamp_of(frame.index, fps);
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

int write_error_strips(const TruthFile& truth, const EvalOptions& options, const EvalResult& result) {
  struct Strip {
    std::string name;
    std::int64_t first = 0;
    std::int64_t last = 0;
    std::vector<cv::Mat> tiles;
  };
  if (options.debug_dir.empty()) return 0;
  std::filesystem::create_directories(options.debug_dir);

  cv::VideoCapture capture = open_clip(truth);
  const double fps = clip_fps(truth, capture);
  // A second either side, eight tiles: enough to see who the tracker followed.
  const auto reach = static_cast<std::int64_t>(std::llround(fps));
  constexpr std::int64_t kTiles = 8;
  const std::int64_t step = std::max<std::int64_t>(1, 2 * reach / (kTiles - 1));
  std::vector<Strip> strips;
  const std::string clip = truth.video.stem().string();
  for (const auto& [kind, events] : {std::pair{"missed", &result.score.missed}, std::pair{"extra", &result.score.extra}}) {
    for (const TruthEvent& event : *events) {
      strips.push_back({clip + "_" + kind + "_" + to_string(event.direction) + "_" + std::to_string(event.frame),
                        std::max<std::int64_t>(0, event.frame - reach), event.frame + reach, {}});
    }
  }
  if (strips.empty()) return 0;

  PeopleCounter counter(counter_config(truth, options, fps));
  Frame frame;
  std::int64_t last_needed = 0;
  for (const Strip& strip : strips) last_needed = std::max(last_needed, strip.last);
  while (frame.index <= last_needed && capture.read(frame.image) && !frame.image.empty()) {
    frame.timestamp_ms = timestamp_of(frame.index, fps);
    const std::vector<Crossing> counted_now = counter.process(frame);
    std::optional<cv::Mat> drawn;
    for (Strip& strip : strips) {
      if (frame.index < strip.first || frame.index > strip.last || (frame.index - strip.first) % step != 0) continue;
      if (!drawn) {
        // Drawn at a fixed height so that a strip of eight stays readable whatever the camera.
        constexpr double kTileHeight = 240.0;
        const double scale = std::min(1.0, kTileHeight / frame.image.rows);
        drawn.emplace();
        cv::resize(frame.image, *drawn, {}, scale, scale, cv::INTER_AREA);
        std::string caption = "frame " + std::to_string(frame.index);
        for (const Crossing& crossing : counted_now) {
          caption += std::string(" COUNT ") + to_string(crossing.direction) + " #" + std::to_string(crossing.track_id);
        }
        draw_counting_overlay(*drawn, truth.line, counter.tracks(), caption);
      }
      strip.tiles.push_back(*drawn);
    }
    ++frame.index;
  }
  int written = 0;
  for (const Strip& strip : strips) {
    if (strip.tiles.empty()) continue;
    // Four to a row: a file viewer shows the whole sheet at a readable size.
    constexpr std::size_t kPerRow = 4;
    std::vector<cv::Mat> rows;
    for (std::size_t first = 0; first < strip.tiles.size(); first += kPerRow) {
      std::vector<cv::Mat> tiles(strip.tiles.begin() + static_cast<std::ptrdiff_t>(first),
                                 strip.tiles.begin() + static_cast<std::ptrdiff_t>(std::min(first + kPerRow, strip.tiles.size())));
      while (tiles.size() < kPerRow && !rows.empty()) tiles.push_back(cv::Mat::zeros(tiles.front().size(), tiles.front().type()));
      rows.emplace_back();
      cv::hconcat(tiles, rows.back());
    }
    cv::Mat row;
    cv::vconcat(rows, row);
    const auto path = options.debug_dir / (strip.name + ".png");
    if (!cv::imwrite(path.string(), row)) throw std::runtime_error(path.string() + ": cannot write the debug strip");
    ++written;
  }
  return written;
}

}  // namespace footfall::vision
