#include "footfall/vision/eval.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace footfall::vision;

// Runs the counter over every real clip that has a truth file and checks the targets:
// at least 95 % per direction on each clip and 97 % pooled, with the DNN detector for angled views.
TEST_CASE("real clips in ../shared/testdata are counted accurately") {
  const std::filesystem::path shared = FOOTFALL_SHARED_DIR;
  const auto truth_dir = shared / "testdata" / "truth";
  if (!std::filesystem::exists(truth_dir)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  const auto model = shared / "models" / "yolo-fastest-body" / "yolo-fastest-1.1_body.weights";
  if (!std::filesystem::exists(model)) {
    MESSAGE("skipped: ../shared/models/yolo-fastest-body absent (the angled clips need the DNN detector)");
    return;
  }
  int clips = 0;
  int truth_total = 0;
  int errors_total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(truth_dir)) {
    if (entry.path().extension() != ".json") continue;
    CAPTURE(entry.path().string());
    const TruthFile truth = load_truth(entry.path());
    EvalOptions options;
    options.model_path = model.string();
    const EvalResult result = run_eval(truth, options);
    const Score& s = result.score;
    MESSAGE(entry.path().filename().string() << ": in " << s.in.counted << "/" << s.in.truth << ", out "
                                             << s.out.counted << "/" << s.out.truth << ", accuracy " << s.accuracy());
    CHECK(result.frames > 0);
    CHECK(s.in.accuracy() >= 0.95);
    CHECK(s.out.accuracy() >= 0.95);
    truth_total += s.in.truth + s.out.truth;
    errors_total += s.in.missed + s.in.extra + s.out.missed + s.out.extra;
    ++clips;
  }
  CHECK(clips > 0);
  const double pooled = 1.0 - static_cast<double>(errors_total) / std::max(1, truth_total);
  MESSAGE("pooled accuracy " << pooled);
  CHECK(pooled >= 0.97);
}
