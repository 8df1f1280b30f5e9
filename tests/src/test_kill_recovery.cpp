// Power cuts and OOM kills: `footfall count` is SIGKILLed at random moments and restarted on the same
// database; after every kill the file must be whole and hold exactly what was counted, less at most
// the last second.
#include "footfall/vision/synthetic_scene.hpp"
#include "footfall/vision/truth.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <date/date.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kReplayKills = 20;          // full-speed replays, killed mid-run
constexpr int kLiveKills = 3;             // live-like runs, whose downtime must become a gap
constexpr std::uint32_t kSeed = 20261123;  // the kill delays and the synthetic door
constexpr std::uint32_t kSceneSeed = 5;
constexpr double kSceneFps = 15.0;        // the synthetic scene's default
constexpr std::int64_t kCrossingsBeforeKill = 2;  // so that each counting run settles at least one
constexpr std::int64_t kMaxLossMs = 1000;        // the writer commits at least once a second
constexpr std::int64_t kSchedulingSlackMs = 500; // two cores shared by several builds
constexpr std::int64_t kReplayBaseMs = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Event {
  std::int64_t time_ms = 0;
  std::string direction;
  std::int64_t track = 0;
  bool operator==(const Event&) const = default;
  auto operator<=>(const Event&) const = default;
};

std::string describe(const Event& e) {
  return std::to_string(e.time_ms) + " " + e.direction + " track " + std::to_string(e.track);
}

struct Printed {
  Event event;
  Clock::time_point received;
};

// One `footfall count` child: its --json lines are read as they come, stamped with when they came.
class CountProcess {
 public:
  CountProcess(const fs::path& db, const fs::path& log, const std::string& start_iso,
               const std::vector<std::string>& extra = {}) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (err >= 0) dup2(err, STDERR_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<std::string> args = {FOOTFALL_BINARY, "count", "synthetic:" + std::to_string(kSceneSeed), "--db",
                                       db.string(), "--json", "--quiet"};
      if (!start_iso.empty()) {
        args.emplace_back("--start");
        args.push_back(start_iso);
      }
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~CountProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  CountProcess(const CountProcess&) = delete;
  CountProcess& operator=(const CountProcess&) = delete;

  // Reads its output until `until`; false when it exited by itself first.
  bool read_until(Clock::time_point until) {
    while (Clock::now() < until) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
      pollfd p{out_, POLLIN, 0};
      const int ready = poll(&p, 1, static_cast<int>(std::max<std::int64_t>(1, left)));
      if (ready > 0 && !drain(Clock::now())) return false;
    }
    return true;
  }

  // Until `count` crossings of this run (events from since_ms on) are committed: a slow machine then
  // tests the same thing as a fast one, only later.
  bool read_until_on_disk(const fs::path& db, std::int64_t since_ms, std::int64_t count) {
    const auto give_up = Clock::now() + std::chrono::seconds(120);
    while (Clock::now() < give_up) {
      if (!read_until(Clock::now() + std::chrono::milliseconds(20))) return false;
      try {
        SQLite::Database peek(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement events(peek, "SELECT count(*) FROM count_events WHERE time_ms >= ?");
        events.bind(1, since_ms);
        if (events.executeStep() && events.getColumn(0).getInt64() >= count) return true;
      } catch (const SQLite::Exception&) {
        // Not created yet, or busy: look again.
      }
    }
    return false;
  }

  // Until the run has told the database its camera is up.
  bool read_until_heartbeat(const fs::path& db, std::int64_t since_ms) {
    const auto give_up = Clock::now() + std::chrono::seconds(120);
    while (Clock::now() < give_up) {
      if (!read_until(Clock::now() + std::chrono::milliseconds(50))) return false;
      try {
        SQLite::Database peek(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement beat(peek, "SELECT count(*) FROM camera_uptime WHERE end_ms >= ?");
        beat.bind(1, since_ms);
        if (beat.executeStep() && beat.getColumn(0).getInt64() > 0) return true;
      } catch (const SQLite::Exception&) {
        // Not created yet, or busy: look again.
      }
    }
    return false;
  }

  // Waits for it to end by itself; true when it exited with status 0.
  bool wait_exit() {
    while (drain(Clock::now())) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }

  // SIGKILL; output still in the pipe was printed before the kill, so it counts as printed at the kill.
  Clock::time_point kill_now() {
    const auto killed = Clock::now();
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    exited_by_itself_ = !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    while (drain(killed)) {
    }
    return killed;
  }

  [[nodiscard]] const std::vector<Printed>& printed() const { return printed_; }
  [[nodiscard]] bool exited_by_itself() const { return exited_by_itself_; }

 private:
  bool drain(Clock::time_point stamp) {
    char buffer[4096];
    const auto n = read(out_, buffer, sizeof buffer);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(n));
    for (auto end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
      const auto line = nlohmann::json::parse(pending_.substr(0, end));
      pending_.erase(0, end + 1);
      printed_.push_back({{line.at("time_ms").get<std::int64_t>(), line.at("direction").get<std::string>(),
                           line.at("track").get<std::int64_t>()},
                          stamp});
    }
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  bool reaped_ = false;
  bool exited_by_itself_ = false;
  std::string pending_;
  std::vector<Printed> printed_;
};

std::string iso(std::int64_t ms) {
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(date::sys_time<std::chrono::milliseconds>(
                                    std::chrono::milliseconds(ms))));
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Event> events_between(SQLite::Database& db, std::int64_t from_ms, std::int64_t to_ms) {
  SQLite::Statement query(db,
                          "SELECT time_ms, direction, track FROM count_events WHERE time_ms >= ? AND time_ms < ? "
                          "ORDER BY id");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  std::vector<Event> events;
  while (query.executeStep()) {
    events.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getInt64()});
  }
  return events;
}

std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement query(db, sql);
  REQUIRE(query.executeStep());
  return query.getColumn(0).isNull() ? 0 : query.getColumn(0).getInt64();
}

// What every kill must leave behind, whatever the run was doing.
void check_whole(SQLite::Database& db) {
  SQLite::Statement check(db, "PRAGMA quick_check");
  REQUIRE(check.executeStep());
  CHECK(check.getColumn(0).getString() == "ok");
  CHECK(scalar(db, "SELECT count(*) FROM (SELECT 1 FROM count_events GROUP BY time_ms, door, direction, track "
                   "HAVING count(*) > 1)") == 0);
  // The rollups the reports read were committed with the events, never apart from them.
  CHECK(scalar(db, "SELECT coalesce(sum(entries + exits), 0) FROM count_rollup") ==
        scalar(db, "SELECT count(*) FROM count_events"));
}

// The child's committed events are what it printed, in order, less a tail printed within the last
// second before the kill (plus at most the one event pushed but not yet printed).
void check_run(const std::vector<Event>& on_disk, const std::vector<Printed>& printed, Clock::time_point killed) {
  std::size_t common = 0;
  while (common < on_disk.size() && common < printed.size() && on_disk[common] == printed[common].event) ++common;
  INFO("on disk " << on_disk.size() << ", printed " << printed.size() << ", in common " << common);
  CHECK(on_disk.size() - common <= 1);  // committed but killed before printing it
  if (common < on_disk.size() && !printed.empty()) CHECK(on_disk[common].time_ms >= printed.back().event.time_ms);
  const auto must_be_saved = killed - std::chrono::milliseconds(kMaxLossMs + kSchedulingSlackMs);
  for (std::size_t i = common; i < printed.size(); ++i) {
    INFO("lost " << describe(printed[i].event) << ", printed "
                 << std::chrono::duration_cast<std::chrono::milliseconds>(killed - printed[i].received).count()
                 << " ms before the kill");
    CHECK(printed[i].received > must_be_saved);
  }
}

std::vector<footfall::vision::TruthEvent> as_frames(const std::vector<Event>& events, std::int64_t start_ms) {
  std::vector<footfall::vision::TruthEvent> frames;
  for (const Event& e : events) {
    frames.push_back({std::llround(static_cast<double>(e.time_ms - start_ms) * kSceneFps / 1000.0),
                      e.direction == "in" ? footfall::vision::Direction::In : footfall::vision::Direction::Out});
  }
  return frames;
}

}  // namespace

TEST_CASE("kill -9 of `footfall count` at random moments loses at most the last second and never corrupts") {
  const fs::path dir = fs::temp_directory_path() / ("footfall-kill-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path db_path = dir / "counts.db";
  const fs::path log = dir / "stderr.log";
  std::mt19937 random(kSeed);
  MESSAGE("kill seed " << kSeed << ", scene seed " << kSceneSeed << ", files in " << dir);

  // Replays with their own start hour each, so every run's events are told apart on disk.
  std::vector<std::vector<Event>> saved(kReplayKills);
  std::vector<footfall::vision::TruthEvent> counted_frames;
  std::vector<footfall::vision::TruthEvent> truth_frames;
  // How long a start takes here (planning the scene, opening the database): debug and sanitizer
  // builds are many times slower than a release.
  const auto startup_began = Clock::now();
  {
    CountProcess probe(dir / "probe.db", log, iso(kReplayBaseMs), {"--seconds", "0.001"});
    REQUIRE_MESSAGE(probe.wait_exit(), read_text(log));
  }
  const auto startup_ms =
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - startup_began).count());
  MESSAGE("a start takes " << startup_ms << " ms");

  // Every fourth kill lands during start-up (opening or creating the database); the others while counting.
  std::uniform_int_distribution<int> startup_delay_ms(50, std::max(100, startup_ms));
  std::uniform_int_distribution<int> counting_delay_ms(100, 1800);  // after the run's crossings are on disk
  for (int run = 0; run < kReplayKills; ++run) {
    const std::int64_t start_ms = kReplayBaseMs + run * kHourMs;
    const bool during_startup = run % 4 == 0;
    const int delay = during_startup ? startup_delay_ms(random) : counting_delay_ms(random);
    CAPTURE(run);
    CAPTURE(during_startup);
    CAPTURE(delay);
    CountProcess child(db_path, log, iso(start_ms));
    // Sanitizer builds on a busy machine count slowly: the counting kills wait for crossings on disk.
    if (!during_startup) REQUIRE_MESSAGE(child.read_until_on_disk(db_path, start_ms, kCrossingsBeforeKill), read_text(log));
    REQUIRE_MESSAGE(child.read_until(Clock::now() + std::chrono::milliseconds(delay)), read_text(log));
    const auto killed = child.kill_now();
    REQUIRE_MESSAGE(!child.exited_by_itself(), read_text(log));
    if (!fs::exists(db_path)) {
      CHECK(child.printed().empty());
      continue;
    }

    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    check_whole(db);
    saved[static_cast<std::size_t>(run)] = events_between(db, start_ms, start_ms + kHourMs);
    check_run(saved[static_cast<std::size_t>(run)], child.printed(), killed);
    // Earlier runs' events are untouched by the later ones.
    for (int earlier = 0; earlier < run; ++earlier) {
      const std::int64_t from = kReplayBaseMs + earlier * kHourMs;
      CHECK(events_between(db, from, from + kHourMs) == saved[static_cast<std::size_t>(earlier)]);
    }

    // Against the scene's exact truth, over the frames this run got through.
    const auto& on_disk = saved[static_cast<std::size_t>(run)];
    if (!on_disk.empty()) {
      const auto frames = as_frames(on_disk, start_ms);
      const std::int64_t last_frame = frames.back().frame;
      footfall::vision::SceneConfig scene_config;
      scene_config.seed = kSceneSeed;
      scene_config.duration_s = static_cast<double>(last_frame + 1) / kSceneFps;
      footfall::vision::SyntheticScene scene(scene_config);
      // Crossings near the end may still be on their way to the counter; leave a second each side.
      const std::int64_t settled = last_frame - static_cast<std::int64_t>(kSceneFps);
      for (const auto& t : scene.truth()) {
        if (t.frame_index < settled) truth_frames.push_back({run * 1'000'000 + t.frame_index, t.direction});
      }
      for (const auto& f : frames) {
        if (f.frame < settled) counted_frames.push_back({run * 1'000'000 + f.frame, f.direction});
      }
    }
  }
  const auto score = footfall::vision::score_crossings(counted_frames, truth_frames,
                                                       static_cast<std::int64_t>(kSceneFps));
  MESSAGE("on disk after " << kReplayKills << " kills: " << counted_frames.size() << " settled events against "
                           << truth_frames.size() << " true crossings, accuracy " << score.accuracy());
  CHECK(truth_frames.size() >= 5);
  CHECK(score.accuracy() >= 0.8);

  // Live-like runs (the synthetic door on today's clock): each start records the time since the
  // killed run was last seen as a gap.
  std::uniform_int_distribution<int> live_delay_ms(100, 1500);  // after the run's first heartbeat
  std::uniform_int_distribution<int> down_ms(1100, 1500);  // longer than count's 1 s minimum outage
  std::int64_t previous_kill_ms = 0;
  bool previous_heartbeat = false;
  for (int run = 0; run < kLiveKills; ++run) {
    const int delay = live_delay_ms(random);
    CAPTURE(run);
    CAPTURE(delay);
    const std::int64_t started_ms = wall_ms();
    CountProcess child(db_path, log, "");
    REQUIRE_MESSAGE(child.read_until_heartbeat(db_path, started_ms), read_text(log));
    REQUIRE_MESSAGE(child.read_until(Clock::now() + std::chrono::milliseconds(delay)), read_text(log));
    const std::int64_t killed_ms = wall_ms();
    const auto killed = child.kill_now();
    REQUIRE_MESSAGE(!child.exited_by_itself(), read_text(log));

    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    check_whole(db);
    check_run(events_between(db, started_ms - kMaxLossMs, killed_ms + 1), child.printed(), killed);
    SQLite::Statement gaps(db, "SELECT start_ms, end_ms FROM camera_gaps WHERE reason = 'count not running' "
                               "AND end_ms >= ? ORDER BY start_ms");
    gaps.bind(1, started_ms - kMaxLossMs);
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    while (gaps.executeStep()) found.emplace_back(gaps.getColumn(0).getInt64(), gaps.getColumn(1).getInt64());
    // A run killed before its first heartbeat was never seen up: its downtime has no start.
    const bool previous_seen = run > 0 && previous_heartbeat;
    previous_heartbeat = scalar(db, "SELECT count(*) FROM camera_uptime WHERE end_ms >= " +
                                        std::to_string(started_ms)) > 0;
    if (!previous_seen) {
      CHECK(found.empty());  // never seen up (the replays do not beat): nothing to call down
    } else {
      REQUIRE(found.size() == 1);
      INFO("gap " << found[0].first << ".." << found[0].second << ", previous kill " << previous_kill_ms
                  << ", restart " << started_ms);
      CHECK(found[0].first <= previous_kill_ms);
      CHECK(found[0].first >= previous_kill_ms - (kMaxLossMs + kSchedulingSlackMs));
      CHECK(found[0].second >= started_ms);
      CHECK(found[0].second <= killed_ms);
    }
    previous_kill_ms = killed_ms;
    std::this_thread::sleep_for(std::chrono::milliseconds(down_ms(random)));
  }
  fs::remove_all(dir);
}
