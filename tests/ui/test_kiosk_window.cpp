#include "fixtures.hpp"
#include "footfall/ui/kiosk_app.hpp"

#include <doctest/doctest.h>

#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#include <dlfcn.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

namespace ui = footfall::ui;

namespace {

bool display_present() {
  const char* display = std::getenv("DISPLAY");
  return display != nullptr && *display != '\0';
}

struct Image {
  int width = 0;
  int height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};
};

Image load_png(const std::string& path) {
  Image image;
  int channels = 0;
  image.pixels.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 3));
  return image;
}

// Distinct colours in a region: a uniform (blank) region has one.
std::size_t distinct_colours(const Image& image, int x0, int y0, int x1, int y1) {
  std::set<unsigned> colours;
  for (int y = y0; y < y1 && y < image.height; y += 2) {
    for (int x = x0; x < x1 && x < image.width; x += 2) {
      const unsigned char* pixel =
          image.pixels.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                static_cast<std::size_t>(x)) *
                                   3U;
      colours.insert(static_cast<unsigned>(pixel[0]) << 16U | static_cast<unsigned>(pixel[1]) << 8U |
                     pixel[2]);
    }
  }
  return colours.size();
}

// Mesa's drivers are unloaded at glfwTerminate, after which LeakSanitizer can no longer name them and
// tests/lsan.supp cannot match their leaks; keeping them mapped keeps our own code checked.
void keep_gl_drivers_loaded() {
  static const bool loaded = [] {
    for (const char* library : {"libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"}) {
      dlopen(library, RTLD_LAZY | RTLD_NODELETE);
    }
    return true;
  }();
  static_cast<void>(loaded);
}

int shoot(const ui::KioskSnapshot& snapshot, const std::string& language, const std::string& path,
          double after_s = 0.5) {
  keep_gl_drivers_loaded();
  ui::SnapshotHub hub;
  hub.update([&](ui::KioskSnapshot& target) { target = snapshot; });
  ui::KioskOptions options;
  options.language = language;
  options.screenshot_path = path;
  options.screenshot_after_s = after_s;
  return ui::run_kiosk(options, hub, ui::KioskIntents{});
}

}  // namespace

TEST_CASE("the kiosk renders a fixture snapshot to a non-blank screenshot") {
  if (!display_present()) {
    MESSAGE("skipped: no DISPLAY (run under xvfb-run -a -s \"-screen 0 1920x1080x24\")");
    return;
  }
  const auto directory =
      std::filesystem::temp_directory_path() / ("footfall-ui-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "kiosk.png").string();
  REQUIRE(shoot(ui::fixtures::busy_snapshot(), "fr", path) == 0);
  REQUIRE(std::filesystem::exists(path));

  const Image image = load_png(path);
  REQUIRE(image.pixels != nullptr);
  CHECK(image.width == 1920);
  CHECK(image.height == 1080);
  CHECK(distinct_colours(image, 0, 0, image.width, image.height) > 50);
  // The tile area (top left) and the camera area (top right) both carry text or pixels.
  CHECK(distinct_colours(image, 20, 90, 1100, 500) > 10);
  CHECK(distinct_colours(image, 1130, 90, 1900, 500) > 10);
  std::filesystem::remove_all(directory);
}

TEST_CASE("a screenshot path that cannot be written fails with a non-zero exit code") {
  if (!display_present()) {
    MESSAGE("skipped: no DISPLAY");
    return;
  }
  CHECK(shoot(ui::fixtures::empty_snapshot(), "en", "/nonexistent-dir/kiosk.png") != 0);
  CHECK_FALSE(std::filesystem::exists("/nonexistent-dir/kiosk.png.partial"));
}

TEST_CASE("frame time can be measured for footfall bench") {
  if (!display_present()) {
    MESSAGE("skipped: no DISPLAY");
    return;
  }
  ui::SnapshotHub hub;
  hub.update([](ui::KioskSnapshot& target) { target = ui::fixtures::busy_snapshot(); });
  keep_gl_drivers_loaded();
  const double frame_ms = ui::measure_frame_ms(ui::KioskOptions{}, hub, 10);
  MESSAGE("mean frame time at 1920x1080: " << frame_ms << " ms");
  CHECK(frame_ms > 0.0);
}

// Writes en/fr/ru screenshots for people to look at: FOOTFALL_UI_SHOTS_DIR=/tmp/ui-shots.
TEST_CASE("screenshots for review") {
  const char* directory = std::getenv("FOOTFALL_UI_SHOTS_DIR");
  if (directory == nullptr || !display_present()) {
    MESSAGE("skipped: set FOOTFALL_UI_SHOTS_DIR and run under a display to write review screenshots");
    return;
  }
  std::filesystem::create_directories(directory);
  for (const std::string language : {"en", "fr", "ru"}) {
    const std::string path = std::string(directory) + "/kiosk-" + language + ".png";
    CHECK(shoot(ui::fixtures::busy_snapshot(), language, path) == 0);
    CHECK(std::filesystem::exists(path));
  }
  CHECK(shoot(ui::fixtures::empty_snapshot(), "en", std::string(directory) + "/kiosk-empty-en.png") == 0);
  ui::KioskSnapshot broken = ui::fixtures::busy_snapshot();
  auto camera = std::make_shared<ui::CameraView>(*broken.camera);
  camera->state = ui::CameraState::Down;
  camera->message = "rtsp://door: connection refused";
  camera->last_crossing_ms = 0;
  broken.camera = camera;
  broken.worker_error = "figures: database is locked";
  CHECK(shoot(broken, "ru", std::string(directory) + "/kiosk-camera-down-ru.png") == 0);
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Idle cost of the screen with nothing moving: FOOTFALL_UI_IDLE_SECONDS=20 (goal: at most 5% of one core).
TEST_CASE("idle CPU use of the kiosk") {
  const char* seconds = std::getenv("FOOTFALL_UI_IDLE_SECONDS");
  if (seconds == nullptr || !display_present()) {
    MESSAGE("skipped: set FOOTFALL_UI_IDLE_SECONDS and run under a display to measure idle CPU");
    return;
  }
  ui::KioskSnapshot still = ui::fixtures::busy_snapshot();
  auto camera = std::make_shared<ui::CameraView>(*still.camera);
  camera->last_crossing_ms = 0;  // no flash animation
  still.camera = camera;
  const double duration = std::stod(seconds);
  const auto path =
      std::filesystem::temp_directory_path() / ("footfall-ui-idle-" + std::to_string(getpid()) + ".png");
  const double cpu_before = cpu_seconds();
  const auto wall_before = std::chrono::steady_clock::now();
  CHECK(shoot(still, "en", path.string(), duration) == 0);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_before;
  MESSAGE("idle CPU: " << 100.0 * (cpu_seconds() - cpu_before) / wall.count() << "% of one core over "
                       << wall.count() << " s (includes window creation)");
  std::filesystem::remove(path);
}
