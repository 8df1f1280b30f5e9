#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <opencv2/core/utility.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

#include "commands/commands.hpp"
#include "config/config.hpp"
#include "footfall/data/chain/bench.hpp"
#include "footfall/data/fixtures/bench_sales.hpp"
#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/ui/kiosk_app.hpp"
#include "footfall/ui/snapshot.hpp"
#include "footfall/vision/eval.hpp"
#include "footfall/vision/truth.hpp"

namespace footfall::app {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_of(const std::function<void()>& work) {
  const auto start = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of this thread: on a machine shared with other jobs, wall time of a millisecond query
// mostly measures whether the scheduler let it run, and penalises the longer of two queries more.
double cpu_seconds_of(const std::function<void()>& work) {
  timespec start{};
  timespec end{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
  work();
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
  return static_cast<double>(end.tv_sec - start.tv_sec) + static_cast<double>(end.tv_nsec - start.tv_nsec) * 1e-9;
}

// The median of a few runs, so one hiccup of a shared machine does not decide a figure.
double median_seconds(int runs, const std::function<void()>& work,
                      const std::function<double(const std::function<void()>&)>& measure = seconds_of) {
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(std::max(runs, 0)));
  for (int i = 0; i < runs; ++i) times.push_back(measure(work));
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

bool wanted(const BenchCommand& command, const std::string& section) {
  return command.only.empty() || std::find(command.only.begin(), command.only.end(), section) != command.only.end();
}

std::filesystem::path scratch_dir() {
  auto dir = std::filesystem::temp_directory_path() / "footfall-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path testdata_dir() {
  if (const char* env = std::getenv("FOOTFALL_TESTDATA"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(FOOTFALL_SOURCE_ASSETS).parent_path().parent_path() / "shared" / "testdata";
}

double decode_fps(const std::filesystem::path& video) {
  cv::VideoCapture capture(video.string());
  cv::Mat frame;
  std::int64_t frames = 0;
  const double seconds = seconds_of([&] {
    while (capture.read(frame)) ++frames;
  });
  return seconds > 0.0 ? static_cast<double>(frames) / seconds : 0.0;
}

void bench_vision(const BenchCommand& command) {
  const auto truth_dir = testdata_dir() / "truth";
  if (!std::filesystem::is_directory(truth_dir)) {
    std::printf("vision: skipped, %s not found (set FOOTFALL_TESTDATA)\n", truth_dir.c_str());
    return;
  }
  const auto truth_files = vision::truth_files_in(truth_dir);
  const auto model = shipped_model_path();

  std::printf("vision: frames/s with decoding included; 'x decode' = counter fps / plain decode fps (1 is ideal)\n");
  std::printf("  %-40s %9s %9s %8s %9s %9s %9s\n", "clip", "decode", "bgsub/1c", "x decode", "x realtime",
              "dnn/2c", "x decode");
  for (const auto& truth_path : truth_files) {
    const auto truth = vision::load_truth(truth_path);
    cv::setNumThreads(1);
    const double decode = decode_fps(truth.video);
    vision::EvalOptions options;
    options.detector = vision::DetectorKind::BackgroundSubtraction;
    const auto background = vision::run_eval(truth, options);
    cv::VideoCapture probe(truth.video.string());
    const double clip_fps = truth.fps.value_or(probe.get(cv::CAP_PROP_FPS));
    double dnn_fps = 0.0;
    if (!command.quick && std::filesystem::exists(model)) {
      cv::setNumThreads(2);
      options.detector = vision::DetectorKind::Dnn;
      options.model_path = model.string();
      dnn_fps = vision::run_eval(truth, options).fps;
    }
    std::printf("  %-40s %9.0f %9.0f %8.2f %9.1f %9.0f %9.2f\n", truth_path.filename().c_str(), decode,
                background.fps, decode > 0 ? background.fps / decode : 0.0,
                clip_fps > 0 ? background.fps / clip_fps : 0.0, dnn_fps, decode > 0 ? dnn_fps / decode : 0.0);
  }
  cv::setNumThreads(-1);
}

void bench_store(const BenchCommand& command) {
  const auto dir = scratch_dir();
  const auto db_path = (dir / "year.db").string();
  data::Store store(db_path);
  // Summaries read the history in the zone it was made in, with the shifts the day has.
  data::StoreSettings settings;
  settings.time_zone = "Europe/Paris";
  store.save_settings(settings);
  store.set_shifts({{"Morning", 0x7F, 9 * 60, 14 * 60}, {"Afternoon", 0x7F, 14 * 60, 20 * 60}});
  const int days = command.quick ? 60 : 365;
  data::HistoryOptions history;
  history.days = days;
  history.end_date = "2026-10-31";
  data::HistoryResult generated;
  const double generate_s = seconds_of([&] { generated = data::generate_history(store, history); });
  std::printf("store: %d days of history: %lld count events, %lld transactions, generated in %.1f s\n", days,
              static_cast<long long>(generated.count_events), static_cast<long long>(generated.transactions),
              generate_s);

  std::int64_t scanned = 0;
  const double scan_s = median_seconds(3, [&] { scanned = store.full_scan_count_events(); }, cpu_seconds_of);
  // Each of these takes milliseconds: medians of many runs, since other builds share the machine.
  const double day_s = median_seconds(15, [&] { (void)data::day_summary(store, "2026-10-15"); }, cpu_seconds_of);
  const double month_s = median_seconds(9, [&] {
    (void)data::range_summary(store, "2026-10-01", "2026-10-31", data::GroupBy::Hour);
  }, cpu_seconds_of);
  const std::string year_from = command.quick ? "2026-09-02" : "2025-11-01";
  const double year_s = median_seconds(9, [&] {
    (void)data::range_summary(store, year_from, "2026-10-31", data::GroupBy::Day);
  }, cpu_seconds_of);
  std::printf("  (CPU time of the querying thread, medians of 3 to 15 runs)\n");
  std::printf("  full scan of count_events (%lld rows):  %8.2f ms  (reference)\n", static_cast<long long>(scanned),
              scan_s * 1e3);
  std::printf("  day summary (hourly, shifts, sellers, comparisons): %8.2f ms  = scan / %.0f  (target >= 100)\n",
              day_s * 1e3, scan_s / day_s);
  std::printf("  month by hour:                         %8.2f ms  = %.1f x day summary (target <= 10)\n",
              month_s * 1e3, month_s / day_s);
  std::printf("  %s by day:                          %8.2f ms  = %.1f x day summary (target <= 10)\n",
              command.quick ? "60 d" : "year", year_s * 1e3, year_s / day_s);

  // Writing: the batched writer, durable once a second, against the same rows in one bare transaction.
  const int events = command.quick ? 50000 : 300000;
  const auto writer_path = (dir / "writer.db").string();
  { data::Store create(writer_path); }
  const double writer_s = seconds_of([&] {
    data::CountEventWriter writer(writer_path);
    for (int i = 0; i < events; ++i) writer.push({1'790'000'000'000 + i * 50LL, "main", i % 2 == 0, i, 0.9F});
    writer.flush();
  });
  std::printf("  count events written through the writer: %.0f events/s (target >= 50,000)\n",
              events / writer_s);
}

void bench_import(const BenchCommand& command) {
  const auto dir = scratch_dir();
  const std::int64_t rows = command.quick ? 100000 : 1000000;
  const auto csv = dir / "sales.csv";
  const auto profile = dir / "profile.toml";
  data::write_bench_sales_csv(csv, rows);
  std::ofstream(profile) << data::bench_sales_profile_toml();

  const auto bare = dir / "bare.db";
  const std::string sqlite_command =
      "sqlite3 " + bare.string() + " \".mode csv\" \".import " + csv.string() + " bare\" 2>/dev/null";
  int sqlite_status = 0;
  // CPU time too: wall time on a shared machine depends on what else runs.
  const auto children_cpu = [] {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  };
  const double children_before = children_cpu();
  const double sqlite_s = seconds_of([&] { sqlite_status = std::system(sqlite_command.c_str()); });
  const double sqlite_cpu_s = children_cpu() - children_before;
  if (sqlite_status != 0) {
    std::printf("import: skipped, the sqlite3 command is not available\n");
    return;
  }
  data::Store store((dir / "import.db").string());
  data::ImportOptions options;
  options.profile = "generic";
  options.profile_file = profile;
  data::ImportResult result;
  double import_cpu_s = 0.0;
  const double import_s = seconds_of(
      [&] { import_cpu_s = cpu_seconds_of([&] { result = data::import_pos_file(store, csv, options); }); });
  std::printf("import: %lld-row generic CSV\n", static_cast<long long>(rows));
  std::printf("  sqlite3 .import into a bare table: %8.2f s wall %6.2f s CPU  (reference)\n", sqlite_s, sqlite_cpu_s);
  std::printf("  footfall import:                   %8.2f s wall %6.2f s CPU  = %.2f x reference wall, %.2f x CPU "
              "(target <= 3), %lld transactions\n",
              import_s, import_cpu_s, import_s / sqlite_s, sqlite_cpu_s > 0 ? import_cpu_s / sqlite_cpu_s : 0.0,
              static_cast<long long>(result.transactions));
}

void bench_ui(const BenchCommand& command) {
  if (std::getenv("DISPLAY") == nullptr) {
    std::printf("ui: skipped, no display (run under xvfb-run -a -s \"-screen 0 1920x1080x24\")\n");
    return;
  }
  ui::SnapshotHub hub;
  auto camera = std::make_shared<ui::CameraView>();
  camera->width = 640;
  camera->height = 480;
  camera->rgba.assign(static_cast<std::size_t>(camera->width) * static_cast<std::size_t>(camera->height) * 4U, 128);
  camera->state = ui::CameraState::Ok;
  camera->line = {{0.F, 0.5F}, {1.F, 0.5F}, {0.5F, 0.9F}};
  hub.publish_camera(camera);
  ui::KioskOptions options;
  options.width = 1920;
  options.height = 1080;
  const double frame_ms = ui::measure_frame_ms(options, hub, command.quick ? 60 : 300);
  std::printf("ui: 1920x1080 with the live camera panel: %.2f ms per frame = %.2f of the 16 ms budget\n", frame_ms,
              frame_ms / 16.0);
}

// A throwaway PostgreSQL: one store's year synced against COPY of the same rows, then a chain's month
// report against the same report of a chain of that one store.
void bench_chain(const BenchCommand& command) {
  namespace chain = data::chain;
  if (!chain::ScratchServer::available()) {
    std::printf("chain: skipped, PostgreSQL 15 is not installed (%s)\n", chain::ScratchServer::bin);
    return;
  }
  chain::ScratchServer cluster;
  const chain::Server admin{cluster.admin_url(), {}};
  chain::migrate_central(admin);
  const auto dir = scratch_dir();
  data::Store store((dir / "chain-year.db").string());
  data::StoreSettings settings;
  settings.time_zone = "Europe/Paris";
  settings.currency = "EUR";
  store.save_settings(settings);
  data::HistoryOptions history;
  history.days = command.quick ? 60 : 365;
  history.end_date = "2026-10-31";
  (void)data::generate_history(store, history);
  const auto sync = chain::sync_against_copy(store, cluster, "bench_year");
  std::printf("chain: one store's %d days, %lld transactions and %lld quarter hours of traffic\n",
              history.days, static_cast<long long>(sync.transactions),
              static_cast<long long>(sync.traffic_rows));
  std::printf("  COPY of the same rows into bare tables: %8.2f s  (reference)\n", sync.copy_seconds);
  std::printf("  footfall sync:                          %8.2f s  = %.1f x COPY (target <= 3)\n",
              sync.sync_seconds, sync.sync_seconds / sync.copy_seconds);

  const std::string month_from = "2026-10-01";
  const std::string month_to = "2026-10-31";
  const auto month_report = [&] {
    (void)chain::chain_report(admin, month_from, month_to, chain::ChainGroup::Store);
  };
  const double one_store_s = median_seconds(5, month_report);
  const int stores = command.quick ? 50 : 500;
  chain::GeneratedChain generated;
  const double generate_s = seconds_of([&] {
    generated = chain::generate_chain(admin, stores, history.days, month_to, command.quick ? 20 : 40);
  });
  std::printf("  %lld more stores, %lld hourly traffic rows and %lld transactions, made in SQL in %.0f s\n",
              static_cast<long long>(generated.stores), static_cast<long long>(generated.traffic_rows),
              static_cast<long long>(generated.transactions), generate_s);
  const double chain_s = median_seconds(3, month_report);
  std::printf("  chain report --by store of a month, that one store alone: %8.3f s  (reference)\n",
              one_store_s);
  std::printf(
      "  the same with %d stores more:                            %8.3f s  (target <= 1 s) = %.1f x one "
      "store (target <= 20)\n",
      stores, chain_s, chain_s / one_store_s);
}

}  // namespace

int run_bench_command(const BenchCommand& command) {
  if (wanted(command, "vision")) bench_vision(command);
  if (wanted(command, "store")) bench_store(command);
  if (wanted(command, "import")) bench_import(command);
  if (wanted(command, "ui")) bench_ui(command);
  if (wanted(command, "chain")) bench_chain(command);
  return 0;
}

}  // namespace footfall::app
