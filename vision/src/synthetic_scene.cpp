#include "footfall/vision/synthetic_scene.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>

namespace footfall::vision {
namespace {

constexpr double kUTurnPauseS = 0.8;
constexpr double kLongestVisitS = 120.0;
constexpr int kNoiseSlack = 97;  // odd, so windows rarely repeat

// One person's path: straight down (in) or up (out) the frame at x, optionally pausing on the line.
struct Walker {
  double start_s = 0.0;
  Direction direction = Direction::In;
  double speed = 90.0;        // px/s
  double x = 320.0;
  double radius = 22.0;
  bool u_turn = false;
  double linger_s = 0.0;
  double sway_phase = 0.0;
  cv::Scalar clothes;
  cv::Scalar hair;

  double from_y = 0.0;  // off-screen start
  double to_y = 0.0;    // off-screen end
  double line_y = 0.0;

  [[nodiscard]] double to_line_s() const { return std::abs(line_y - from_y) / speed; }
  [[nodiscard]] double pause_s() const { return u_turn ? kUTurnPauseS : linger_s; }
  [[nodiscard]] double end_s() const {
    const double back = u_turn ? to_line_s() : std::abs(to_y - line_y) / speed;
    return start_s + to_line_s() + pause_s() + back;
  }
  // Scene time at which the body centre leaves the line on the far side; none for a U-turn.
  [[nodiscard]] double crossing_s() const { return start_s + to_line_s() + pause_s(); }

  // Centre position at scene time t, or false when off stage.
  bool position(double t, cv::Point2d& at) const {
    if (t < start_s || t > end_s()) return false;
    const double local = t - start_s;
    const double sign = to_y > from_y ? 1.0 : -1.0;
    double y = 0.0;
    if (local <= to_line_s()) {
      y = from_y + sign * speed * local;
    } else if (local <= to_line_s() + pause_s()) {
      y = line_y;
    } else {
      const double beyond = speed * (local - to_line_s() - pause_s());
      y = u_turn ? line_y - sign * beyond : line_y + sign * beyond;
    }
    const double sway = 0.06 * radius * std::sin(local * 2.0 * std::numbers::pi * 1.6 + sway_phase);
    at = {x + sway, y};
    return true;
  }
};

}  // namespace

struct SyntheticScene::Impl {
  SceneConfig config;
  std::vector<Walker> walkers;  // by start time
  std::vector<TruthCrossing> truth;
  cv::Mat floor;
  cv::Mat noise;
  cv::RNG rng;
  std::int64_t next_index = 0;
  std::int64_t frame_count = 0;
  std::size_t first_live = 0;
  cv::Point2d shake;

  explicit Impl(SceneConfig c) : config(std::move(c)), rng(config.seed * 2654435761U + 1U) {
    config.width = std::max(64, config.width);
    config.height = std::max(64, config.height);
    config.fps = config.fps > 0.0 ? config.fps : 15.0;
    frame_count = static_cast<std::int64_t>(std::floor(std::max(0.0, config.duration_s) * config.fps));
    render_floor();
    plan_walkers();
  }

  [[nodiscard]] double scale() const { return config.height / 480.0; }

  void render_floor() {
    const int w = config.width;
    const int h = config.height;
    cv::RNG floor_rng(config.seed);
    // Low-frequency stains plus fine grain, over square tiles with grout lines.
    cv::Mat coarse(h / 40 + 2, w / 40 + 2, CV_32FC1);
    floor_rng.fill(coarse, cv::RNG::NORMAL, 0.0, 9.0);
    cv::Mat stains;
    cv::resize(coarse, stains, cv::Size(w, h), 0, 0, cv::INTER_CUBIC);
    cv::Mat grain(h, w, CV_32FC1);
    floor_rng.fill(grain, cv::RNG::NORMAL, 0.0, 4.0);
    cv::GaussianBlur(grain, grain, cv::Size(3, 3), 0);
    cv::Mat luminance = stains + grain + 150.0;
    const int tile = std::max(16, static_cast<int>(60 * scale()));
    for (int x = tile; x < w; x += tile) cv::line(luminance, {x, 0}, {x, h}, cv::Scalar(110), 2);
    for (int y = tile / 2; y < h; y += tile) cv::line(luminance, {0, y}, {w, y}, cv::Scalar(110), 2);
    cv::Mat gray;
    luminance.convertTo(gray, CV_8U);
    cv::Mat channels[] = {gray * 0.92, gray * 0.98, gray};
    cv::merge(channels, 3, floor);
    // The door's threshold strip and its frame posts.
    const int line_y = h / 2;
    cv::rectangle(floor, cv::Rect(0, line_y - 3, w, 6), cv::Scalar(70, 75, 80), cv::FILLED);
    cv::rectangle(floor, cv::Rect(0, line_y - 12, static_cast<int>(12 * scale()) + 2, 24), cv::Scalar(40, 40, 45), cv::FILLED);
    cv::rectangle(floor, cv::Rect(w - static_cast<int>(12 * scale()) - 2, line_y - 12, static_cast<int>(12 * scale()) + 2, 24),
                  cv::Scalar(40, 40, 45), cv::FILLED);
  }

  Walker make_walker(const ScriptedWalker& s, std::mt19937& gen) const {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Walker walker;
    walker.start_s = s.start_s;
    walker.direction = s.direction;
    walker.speed = std::max(5.0, s.speed_px_s);
    walker.radius = std::max(4.0, s.radius_px);
    walker.x = std::clamp(s.lateral, 0.0, 1.0) * config.width;
    walker.u_turn = s.u_turn_on_line;
    walker.linger_s = std::max(0.0, s.linger_on_line_s);
    walker.sway_phase = unit(gen) * 2.0 * std::numbers::pi;
    const double tone = 30.0 + 170.0 * unit(gen);
    walker.clothes = cv::Scalar(tone * (0.5 + unit(gen)), tone * (0.5 + unit(gen)), tone * (0.5 + unit(gen)));
    const double hair = 15.0 + 90.0 * unit(gen);
    walker.hair = cv::Scalar(hair * 0.8, hair * 0.9, hair);
    const double off = 2.5 * walker.radius;
    walker.line_y = config.height / 2.0;
    walker.from_y = s.direction == Direction::In ? -off : config.height + off;
    walker.to_y = s.direction == Direction::In ? config.height + off : -off;
    return walker;
  }

  // Real bodies do not pass through each other: a new party must keep clear of everyone on stage.
  [[nodiscard]] bool collides(const Walker& w) const {
    for (auto it = walkers.rbegin(); it != walkers.rend(); ++it) {
      const Walker& other = *it;
      if (other.start_s < w.start_s - kLongestVisitS) break;  // random parties arrive in time order
      const double from = std::max(w.start_s, other.start_s);
      const double to = std::min(w.end_s(), other.end_s());
      for (double t = from; t <= to; t += 0.1) {
        cv::Point2d a;
        cv::Point2d b;
        if (w.position(t, a) && other.position(t, b) && cv::norm(a - b) < 1.15 * (w.radius + other.radius)) return true;
      }
    }
    return false;
  }

  // Adds a random party, trying other lanes and then later starts until it fits.
  void add_party(std::vector<Walker> party, std::mt19937& gen) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int attempt = 0; attempt < 40; ++attempt) {
      const bool fits = std::none_of(party.begin(), party.end(), [this](const Walker& w) { return collides(w); });
      if (fits) {
        walkers.insert(walkers.end(), party.begin(), party.end());
        return;
      }
      const double shift = (unit(gen) - 0.5) * 0.4 * config.width;
      double lo = config.width;
      double hi = 0.0;
      for (const Walker& w : party) {
        lo = std::min(lo, w.x);
        hi = std::max(hi, w.x);
      }
      const double margin = 0.1 * config.width;
      const double move = std::clamp(shift, margin - lo, config.width - margin - hi);
      for (Walker& w : party) {
        w.x += move;
        if (attempt % 4 == 3) w.start_s += 0.7;
      }
    }
  }

  void plan_walkers() {
    std::mt19937 gen(config.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const ScriptedWalker& s : config.script) walkers.push_back(make_walker(s, gen));

    if (config.random_traffic && config.people_per_minute > 0.0) {
      const double s = scale();
      // Arrivals are parties (one, two side by side, or a group of four); the party rate keeps
      // the mean number of people per minute.
      const double mean_party = 0.6 * 1 + 0.28 * 2 + 0.12 * 4;
      std::exponential_distribution<double> gap(config.people_per_minute / 60.0 / mean_party);
      double t = gap(gen);
      while (t < config.duration_s) {
        ScriptedWalker base;
        base.start_s = t;
        base.direction = unit(gen) < 0.5 ? Direction::In : Direction::Out;
        base.speed_px_s = (60.0 + 70.0 * unit(gen)) * s;
        base.radius_px = (17.0 + 9.0 * unit(gen)) * s;
        const double kind = unit(gen);
        std::vector<Walker> party;
        const double step = 2.6 * 26.0 * s / config.width;  // shoulder to shoulder, as a fraction of width
        if (kind < 0.6) {
          base.lateral = 0.12 + 0.76 * unit(gen);
          const double odd = unit(gen);
          base.u_turn_on_line = odd < 0.04;
          if (odd >= 0.04 && odd < 0.08) base.linger_on_line_s = 2.0 + 6.0 * unit(gen);
          party.push_back(make_walker(base, gen));
        } else if (kind < 0.88) {
          base.lateral = 0.15 + (0.7 - step) * unit(gen);
          party.push_back(make_walker(base, gen));
          base.lateral += step;
          base.radius_px = (17.0 + 9.0 * unit(gen)) * s;
          party.push_back(make_walker(base, gen));
        } else {
          const double left = 0.15 + (0.7 - step) * unit(gen);
          for (int i = 0; i < 4; ++i) {
            ScriptedWalker member = base;
            member.lateral = left + (i % 2) * step;
            member.start_s = t + (i / 2) * (3.2 * 24.0 * s / base.speed_px_s);
            member.radius_px = (17.0 + 9.0 * unit(gen)) * s;
            party.push_back(make_walker(member, gen));
          }
        }
        add_party(std::move(party), gen);
        t += gap(gen);
      }
    }
    std::stable_sort(walkers.begin(), walkers.end(),
                     [](const Walker& l, const Walker& r) { return l.start_s < r.start_s; });

    for (const Walker& w : walkers) {
      if (w.u_turn) continue;
      // The first frame whose timestamp lies past the moment the centre crosses the line.
      const auto frame = static_cast<std::int64_t>(std::floor(w.crossing_s() * config.fps)) + 1;
      if (frame < frame_count) truth.push_back({frame, w.direction});
    }
    std::stable_sort(truth.begin(), truth.end(),
                     [](const TruthCrossing& l, const TruthCrossing& r) { return l.frame_index < r.frame_index; });
  }

  void draw_person(cv::Mat& image, const Walker& w, cv::Point2d at) const {
    const double r = w.radius;
    const int pad = static_cast<int>(std::ceil(r * 1.9));
    const cv::Rect whole(0, 0, image.cols, image.rows);
    const cv::Rect box = cv::Rect(static_cast<int>(at.x) - pad, static_cast<int>(at.y) - pad, 2 * pad + 8, 2 * pad + 8) & whole;
    if (box.empty()) return;
    cv::Mat roi = image(box);
    const cv::Point2d local = at - cv::Point2d(box.tl());
    const auto pt = [](cv::Point2d p) { return cv::Point(static_cast<int>(std::lround(p.x * 16)), static_cast<int>(std::lround(p.y * 16))); };
    const auto sz = [](double a, double b) { return cv::Size(static_cast<int>(std::lround(a * 16)), static_cast<int>(std::lround(b * 16))); };

    // A soft shadow falling down and to the left.
    cv::Mat shade = cv::Mat::zeros(roi.size(), CV_8U);
    cv::ellipse(shade, pt(local + cv::Point2d(-0.35 * r, 0.3 * r)), sz(r * 1.05, r * 0.8), 0, 0, 360, cv::Scalar(255),
                cv::FILLED, cv::LINE_AA, 4);
    cv::GaussianBlur(shade, shade, cv::Size(0, 0), std::max(1.0, r * 0.25));
    cv::Mat factor;
    shade.convertTo(factor, CV_32F, -0.45 / 255.0, 1.0);
    cv::Mat channels[3];
    cv::split(roi, channels);
    for (cv::Mat& c : channels) {
      cv::Mat f;
      c.convertTo(f, CV_32F);
      f = f.mul(factor);
      f.convertTo(c, CV_8U);
    }
    cv::merge(channels, 3, roi);

    // Shoulders, shaded darker at the rim, then the head.
    const double heading = w.direction == Direction::In ? 0.0 : 180.0;
    for (int ring = 0; ring < 3; ++ring) {
      const double k = 1.0 - 0.22 * ring;
      cv::ellipse(roi, pt(local), sz(r * k, r * 0.62 * k), heading, 0, 360, w.clothes * (0.7 + 0.15 * ring), cv::FILLED,
                  cv::LINE_AA, 4);
    }
    cv::circle(roi, pt(local + cv::Point2d(0, (w.direction == Direction::In ? 0.08 : -0.08) * r)),
               static_cast<int>(std::lround(r * 0.42 * 16)), w.hair, cv::FILLED, cv::LINE_AA, 4);
  }

  // A dark holdall about one person's size, a quarter of the way in from the left, inside the door.
  void draw_bag(cv::Mat& image) const {
    const double s = scale();
    const cv::Point centre(config.width / 4, static_cast<int>(0.72 * config.height));
    cv::ellipse(image, centre, cv::Size(static_cast<int>(30 * s), static_cast<int>(18 * s)), 15, 0, 360,
                cv::Scalar(35, 50, 95), cv::FILLED, cv::LINE_AA);
  }

  double gain_at(double t) const {
    double gain = 1.0;
    if (config.lighting_drift) gain *= 1.0 + 0.08 * std::sin(2.0 * std::numbers::pi * t / 45.0);
    if (config.lighting_step_at_s >= 0.0 && t >= config.lighting_step_at_s) gain *= 0.75;
    return gain;
  }

  bool read(Frame& frame) {
    if (next_index >= frame_count) return false;
    const double t = static_cast<double>(next_index) / config.fps;
    cv::Mat image = floor.clone();
    if (config.bag_left_at_s >= 0.0 && t >= config.bag_left_at_s) draw_bag(image);

    while (first_live < walkers.size() && walkers[first_live].end_s() < t) ++first_live;
    for (std::size_t i = first_live; i < walkers.size() && walkers[i].start_s <= t; ++i) {
      cv::Point2d at;
      if (walkers[i].position(t, at)) draw_person(image, walkers[i], at);
    }

    if (config.covered_from_s >= 0.0 && t >= config.covered_from_s && t < config.covered_until_s) {
      image.setTo(cv::Scalar(6, 6, 6));
    }
    const double gain = gain_at(t);
    if (std::abs(gain - 1.0) > 1e-3) image.convertTo(image, -1, gain, 0.0);
    if (config.white_balance_step_at_s >= 0.0 && t >= config.white_balance_step_at_s) {
      cv::multiply(image, cv::Scalar(1.12, 1.0, 0.88), image);
    }
    if (config.camera_shake_px > 0.0) {
      // A jittery random walk pulled back towards rest.
      shake = shake * 0.6 + cv::Point2d(rng.gaussian(config.camera_shake_px), rng.gaussian(config.camera_shake_px)) * 0.6;
      shake.x = std::clamp(shake.x, -config.camera_shake_px, config.camera_shake_px);
      shake.y = std::clamp(shake.y, -config.camera_shake_px, config.camera_shake_px);
      const cv::Mat move = (cv::Mat_<double>(2, 3) << 1, 0, shake.x, 0, 1, shake.y);
      cv::warpAffine(image, image, move, image.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    if (config.noise_sigma > 0.0) {
      // Drawing fresh Gaussian noise costs more than the rest of the frame; a random window into a
      // larger pre-drawn field looks just as random from frame to frame.
      if (noise.empty()) {
        noise.create(config.height + kNoiseSlack, config.width + kNoiseSlack, CV_16SC3);
        rng.fill(noise, cv::RNG::NORMAL, 0.0, config.noise_sigma);
      }
      const cv::Rect window(rng.uniform(0, kNoiseSlack), rng.uniform(0, kNoiseSlack), config.width, config.height);
      cv::add(image, noise(window), image, cv::noArray(), CV_8UC3);
    }

    frame.image = image;
    frame.index = next_index;
    frame.timestamp_ms = config.start_time_ms + static_cast<std::int64_t>(std::llround(static_cast<double>(next_index) * 1000.0 / config.fps));
    ++next_index;
    return true;
  }
};

SyntheticScene::SyntheticScene(SceneConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
SyntheticScene::~SyntheticScene() = default;

bool SyntheticScene::read(Frame& frame) { return impl_->read(frame); }
double SyntheticScene::fps() const { return impl_->config.fps; }
std::string SyntheticScene::describe() const {
  return "synthetic:" + std::to_string(impl_->config.seed) + " (" + std::to_string(impl_->config.width) + "x" +
         std::to_string(impl_->config.height) + " @ " + std::to_string(impl_->config.fps) + " fps)";
}
CountingLine SyntheticScene::line() const { return CountingLine{{0.F, 0.5F}, {1.F, 0.5F}, {0.5F, 0.9F}}; }
const std::vector<TruthCrossing>& SyntheticScene::truth() const { return impl_->truth; }
std::int64_t SyntheticScene::frame_count() const { return impl_->frame_count; }

}  // namespace footfall::vision
