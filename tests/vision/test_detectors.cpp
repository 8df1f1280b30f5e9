#include "detectors.hpp"  // vision/src: the detectors are internal, tested here on their own

#include <doctest/doctest.h>
#include <opencv2/videoio.hpp>

#include <filesystem>

using namespace footfall::vision;

namespace {

// The people on TUD-Stadtmitte's first frame, as each shared model sees them.
std::vector<detail::Detection> people_on_first_tud_frame(const std::filesystem::path& model, cv::Size& frame_size) {
  const auto clip = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos" / "tud_stadtmitte.mp4";
  cv::VideoCapture capture(clip.string());
  cv::Mat frame;
  REQUIRE(capture.read(frame));
  frame_size = frame.size();
  CounterConfig config;
  config.view = View::Angled;
  config.detector = DetectorKind::Dnn;
  config.model_path = model.string();
  return detail::make_detector(config)->detect(frame);
}

}  // namespace

TEST_CASE("both shared person detectors find the walkers on a street frame, inside the frame and person-shaped") {
  const auto models = std::filesystem::path(FOOTFALL_SHARED_DIR) / "models";
  const auto yolox = models / "yolox-nano" / "yolox_nano.onnx";
  if (!std::filesystem::exists(yolox) ||
      !std::filesystem::exists(std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos" / "tud_stadtmitte.mp4")) {
    MESSAGE("skipped: ../shared absent");
    return;
  }
  const auto shipped =
      std::filesystem::path(FOOTFALL_ASSETS_DIR) / "models" / "yolo-fastest-body" / "yolo-fastest-1.1_body.weights";
  for (const auto& model : {yolox, shipped}) {
    CAPTURE(model.string());
    cv::Size size;
    const auto people = people_on_first_tud_frame(model, size);
    // The ground truth has seven people on frame 1, some half hidden.
    CHECK(people.size() >= 5);
    CHECK(people.size() <= 10);
    for (const auto& person : people) {
      CHECK(person.box.x > -0.05F * static_cast<float>(size.width));
      CHECK(person.box.br().x < 1.05F * static_cast<float>(size.width));
      CHECK(person.box.height > person.box.width);  // upright people, not letterbox artefacts
      CHECK(person.box.height < 0.9F * static_cast<float>(size.height));
    }
  }
}
