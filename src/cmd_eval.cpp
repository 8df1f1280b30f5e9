#include "commands.hpp"

#include "footfall/vision/eval.hpp"
#include "footfall/vision/truth.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace footfall::app {
namespace {

nlohmann::json direction_json(const vision::DirectionScore& score) {
  return {{"counted", score.counted}, {"true", score.truth},   {"matched", score.matched},
          {"missed", score.missed},   {"extra", score.extra},  {"accuracy", score.accuracy()}};
}

void print_direction(const char* name, const vision::DirectionScore& score) {
  std::printf("  %-4s counted %4d  true %4d  matched %4d  missed %3d  extra %3d  accuracy %6.1f%%\n", name,
              score.counted, score.truth, score.matched, score.missed, score.extra, 100.0 * score.accuracy());
}

void accumulate(vision::DirectionScore& total, const vision::DirectionScore& clip) {
  total.counted += clip.counted;
  total.truth += clip.truth;
  total.matched += clip.matched;
  total.missed += clip.missed;
  total.extra += clip.extra;
}

}  // namespace

int run_eval_command(const EvalCommand& command) {
  vision::EvalOptions options;
  if (!command.detector.empty()) options.detector = vision::parse_detector(command.detector);
  options.model_path = command.model;
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  if (show_progress) {
    options.progress = [](std::int64_t frame, std::int64_t total) {
      std::fprintf(stderr, "\r  frame %lld/%lld ", static_cast<long long>(frame), static_cast<long long>(total));
    };
  }

  nlohmann::json all = nlohmann::json::array();
  vision::Score pooled;
  for (const auto& truth_path : command.truth_files) {
    const vision::TruthFile truth = vision::load_truth(truth_path);
    const vision::EvalResult result = vision::run_eval(truth, options);
    if (show_progress) std::fputc('\r', stderr);
    accumulate(pooled.in, result.score.in);
    accumulate(pooled.out, result.score.out);
    if (command.json) {
      all.push_back({{"truth", truth_path},
                     {"in", direction_json(result.score.in)},
                     {"out", direction_json(result.score.out)},
                     {"accuracy", result.score.accuracy()},
                     {"fps", result.fps},
                     {"frames", result.frames}});
    } else {
      std::printf("%s  (%lld frames, %.0f fps)\n", truth_path.c_str(), static_cast<long long>(result.frames),
                  result.fps);
      print_direction("in", result.score.in);
      print_direction("out", result.score.out);
      std::printf("  accuracy %.1f%%\n", 100.0 * result.score.accuracy());
    }
  }
  if (command.json) {
    // One file: the object the issue specifies; several: one object per file plus the pooled figures.
    if (all.size() == 1) {
      std::cout << all.front().dump(2) << "\n";
    } else {
      const nlohmann::json out = {{"clips", all},
                                  {"in", direction_json(pooled.in)},
                                  {"out", direction_json(pooled.out)},
                                  {"accuracy", pooled.accuracy()}};
      std::cout << out.dump(2) << "\n";
    }
  } else if (command.truth_files.size() > 1) {
    std::printf("pooled\n");
    print_direction("in", pooled.in);
    print_direction("out", pooled.out);
    std::printf("  accuracy %.1f%%\n", 100.0 * pooled.accuracy());
  }
  return 0;
}

}  // namespace footfall::app
