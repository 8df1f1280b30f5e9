#include "commands/commands.hpp"
#include "config/config.hpp"

#include "footfall/vision/eval.hpp"
#include "footfall/vision/truth.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <vector>

namespace footfall::app {
namespace {

nlohmann::json direction_json(const vision::DirectionScore& score) {
  return {{"counted", score.counted}, {"true", score.truth},   {"matched", score.matched},
          {"missed", score.missed},   {"extra", score.extra},  {"accuracy", score.accuracy()}};
}

nlohmann::json crossings_json(const std::vector<vision::TruthEvent>& crossings) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& crossing : crossings) {
    list.push_back({{"frame", crossing.frame}, {"dir", crossing.direction == vision::Direction::In ? "in" : "out"}});
  }
  return list;
}

void print_header() {
  std::printf("%-40s %-4s %7s %5s %7s %6s %5s %8s %6s\n", "clip", "dir", "counted", "true", "matched", "missed",
              "extra", "accuracy", "fps");
}

void print_row(const std::string& clip, const char* direction, const vision::DirectionScore& score, double fps) {
  std::printf("%-40s %-4s %7d %5d %7d %6d %5d %7.1f%% %6.0f\n", clip.c_str(), direction, score.counted, score.truth,
              score.matched, score.missed, score.extra, 100.0 * score.accuracy(), fps);
}

// A folder stands for every truth file (*.json) in it, in name order.
std::vector<std::filesystem::path> expand_truth_paths(const std::vector<std::string>& given) {
  std::vector<std::filesystem::path> paths;
  for (const auto& item : given) {
    if (!std::filesystem::is_directory(item)) {
      paths.emplace_back(item);
      continue;
    }
    const auto in_folder = vision::truth_files_in(item);
    paths.insert(paths.end(), in_folder.begin(), in_folder.end());
  }
  return paths;
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
  options.model_path = model_or_shipped(command.model);
  options.debug_dir = command.debug_dir;
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  if (show_progress) {
    options.progress = [](std::int64_t frame, std::int64_t total) {
      std::fprintf(stderr, "\r  frame %lld/%lld ", static_cast<long long>(frame), static_cast<long long>(total));
    };
  }

  nlohmann::json all = nlohmann::json::array();
  vision::Score pooled;
  const auto truth_paths = expand_truth_paths(command.truth_files);
  if (!command.json) print_header();
  for (const auto& truth_path : truth_paths) {
    const vision::TruthFile truth = vision::load_truth(truth_path);
    const vision::EvalResult result = vision::run_eval(truth, options);
    if (show_progress) std::fputc('\r', stderr);
    const int strips = vision::write_error_strips(truth, options, result);
    if (strips > 0) std::fprintf(stderr, "%s: %d debug strip(s) in %s\n", truth_path.stem().c_str(), strips,
                                 options.debug_dir.c_str());
    accumulate(pooled.in, result.score.in);
    accumulate(pooled.out, result.score.out);
    if (command.json) {
      all.push_back({{"truth", truth_path.string()},
                     {"in", direction_json(result.score.in)},
                     {"out", direction_json(result.score.out)},
                     {"accuracy", result.score.accuracy()},
                     {"fps", result.fps},
                     {"frames", result.frames},
                     {"counted_crossings", crossings_json(result.counted)},
                     {"missed_crossings", crossings_json(result.score.missed)},
                     {"extra_crossings", crossings_json(result.score.extra)}});
    } else {
      const std::string clip = truth_path.stem().string();
      print_row(clip, "in", result.score.in, result.fps);
      print_row(clip, "out", result.score.out, result.fps);
      std::fflush(stdout);
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
  } else {
    print_row("pooled", "in", pooled.in, 0.0);
    print_row("pooled", "out", pooled.out, 0.0);
    std::printf("pooled accuracy %.1f%% over %zu clip(s)\n", 100.0 * pooled.accuracy(), truth_paths.size());
  }
  return 0;
}

}  // namespace footfall::app
