#include "footfall/vision/truth.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

namespace footfall::vision {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& field, const std::string& why) {
  throw std::runtime_error(path.string() + ": field '" + field + "': " + why);
}

const json& require(const json& doc, const std::filesystem::path& path, const char* field) {
  const auto it = doc.find(field);
  if (it == doc.end()) fail(path, field, "missing");
  return *it;
}

float fraction(const json& value, const std::filesystem::path& path, const std::string& field) {
  if (!value.is_number()) fail(path, field, "expected a number");
  const auto v = value.get<double>();
  if (v < 0.0 || v > 1.0) fail(path, field, "expected a fraction between 0 and 1, got " + std::to_string(v));
  return static_cast<float>(v);
}

std::vector<float> fractions(const json& doc, const std::filesystem::path& path, const char* field,
                             std::size_t count) {
  const json& value = require(doc, path, field);
  if (!value.is_array() || value.size() != count) {
    fail(path, field, "expected an array of " + std::to_string(count) + " numbers");
  }
  std::vector<float> out;
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(fraction(value[i], path, std::string(field) + "[" + std::to_string(i) + "]"));
  }
  return out;
}

Direction parse_direction(const json& value, const std::filesystem::path& path, const std::string& field) {
  if (value == "in") return Direction::In;
  if (value == "out") return Direction::Out;
  fail(path, field, "expected \"in\" or \"out\"");
}

}  // namespace

std::vector<std::filesystem::path> truth_files_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (files.empty()) throw std::runtime_error(folder.string() + ": no truth files (*.json) in this folder");
  std::sort(files.begin(), files.end());
  return files;
}

TruthFile load_truth(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open truth file");
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::exception& e) {  // also out_of_range: a number too large, e.g. 1e999
    throw std::runtime_error(path.string() + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw std::runtime_error(path.string() + ": expected a JSON object at the top level");

  TruthFile truth;
  const json& video = require(doc, path, "video");
  if (!video.is_string() || video.get<std::string>().empty()) fail(path, "video", "expected a non-empty string");
  truth.video = path.parent_path() / video.get<std::string>();

  if (const auto it = doc.find("fps"); it != doc.end() && !it->is_null()) {
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() <= 0.0) {
      fail(path, "fps", "expected a positive number");
    }
    truth.fps = it->get<double>();
  }

  const auto line = fractions(doc, path, "line", 4);
  truth.line.a = {line[0], line[1]};
  truth.line.b = {line[2], line[3]};
  if (line[0] == line[2] && line[1] == line[3]) fail(path, "line", "the two ends are the same point");
  if (doc.contains("inside")) {
    const auto inside = fractions(doc, path, "inside", 2);
    truth.line.inside = {inside[0], inside[1]};
  }

  if (const auto it = doc.find("view"); it != doc.end()) {
    if (*it == "overhead") truth.view = View::Overhead;
    else if (*it == "angled") truth.view = View::Angled;
    else fail(path, "view", "expected \"overhead\" or \"angled\"");
  }
  truth.point = truth.view == View::Overhead ? TrackPoint::Center : TrackPoint::Feet;
  if (const auto it = doc.find("point"); it != doc.end()) {
    if (*it == "center") truth.point = TrackPoint::Center;
    else if (*it == "feet") truth.point = TrackPoint::Feet;
    else fail(path, "point", "expected \"center\" or \"feet\"");
  }

  const json& crossings = require(doc, path, "crossings");
  if (!crossings.is_array()) fail(path, "crossings", "expected an array");
  for (std::size_t i = 0; i < crossings.size(); ++i) {
    const std::string field = "crossings[" + std::to_string(i) + "]";
    const json& item = crossings[i];
    if (!item.is_object()) fail(path, field, "expected an object");
    const json& frame = require(item, path, "frame");
    if (!frame.is_number_integer() || frame.get<std::int64_t>() < 0) {
      fail(path, field + ".frame", "expected a non-negative integer");
    }
    truth.crossings.push_back({frame.get<std::int64_t>(), parse_direction(require(item, path, "dir"), path, field + ".dir")});
  }
  std::stable_sort(truth.crossings.begin(), truth.crossings.end(),
                   [](const TruthEvent& l, const TruthEvent& r) { return l.frame < r.frame; });

  for (const auto& [field, direction] : {std::pair{"in", Direction::In}, std::pair{"out", Direction::Out}}) {
    const auto it = doc.find(field);
    if (it == doc.end()) continue;
    const auto listed = std::count_if(truth.crossings.begin(), truth.crossings.end(),
                                      [direction = direction](const TruthEvent& e) { return e.direction == direction; });
    if (!it->is_number_integer() || it->get<std::int64_t>() != listed) {
      fail(path, field, "total does not match the " + std::to_string(listed) + " crossings listed");
    }
  }
  return truth;
}

// With no true crossings there is nothing to divide by: a counter that stays silent is perfect,
// one that counts anything is wrong.
double DirectionScore::accuracy() const {
  if (truth == 0) return extra == 0 ? 1.0 : 0.0;
  return 1.0 - static_cast<double>(missed + extra) / static_cast<double>(truth);
}

double Score::accuracy() const {
  DirectionScore pooled;
  pooled.truth = in.truth + out.truth;
  pooled.missed = in.missed + out.missed;
  pooled.extra = in.extra + out.extra;
  return pooled.accuracy();
}

Score score_crossings(const std::vector<TruthEvent>& counted, const std::vector<TruthEvent>& truth,
                      std::int64_t tolerance_frames) {
  Score score;
  for (const Direction direction : {Direction::In, Direction::Out}) {
    std::vector<std::int64_t> found;
    std::vector<std::int64_t> expected;
    for (const auto& e : counted) if (e.direction == direction) found.push_back(e.frame);
    for (const auto& e : truth) if (e.direction == direction) expected.push_back(e.frame);
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());

    // Walking both lists in time and taking the earliest free truth in reach maximises matches.
    std::vector<bool> used(expected.size(), false);
    int matched = 0;
    for (const std::int64_t frame : found) {
      bool found_match = false;
      for (std::size_t t = 0; t < expected.size(); ++t) {
        if (used[t] || expected[t] < frame - tolerance_frames) continue;
        if (expected[t] > frame + tolerance_frames) break;
        used[t] = true;
        found_match = true;
        ++matched;
        break;
      }
      if (!found_match) score.extra.push_back({frame, direction});
    }
    for (std::size_t t = 0; t < expected.size(); ++t) {
      if (!used[t]) score.missed.push_back({expected[t], direction});
    }
    DirectionScore& s = direction == Direction::In ? score.in : score.out;
    s.counted = static_cast<int>(found.size());
    s.truth = static_cast<int>(expected.size());
    s.matched = matched;
    s.missed = s.truth - matched;
    s.extra = s.counted - matched;
  }
  return score;
}

}  // namespace footfall::vision
