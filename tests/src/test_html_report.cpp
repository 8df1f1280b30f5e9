#include "scratch_path.hpp"
#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/store/store.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

// The owner reads the day's HTML in a browser: render one with headless Chromium and look at it.
TEST_CASE("the HTML day report renders in Chromium and is not blank") {
  if (std::system("command -v chromium > /dev/null 2>&1") != 0) {
    MESSAGE("skipped: chromium is not installed (scripts/setup.sh installs it)");
    return;
  }
  const auto dir = footfall::testing::scratch_path("footfall-html-report");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto db = dir / "footfall.db";
  {
    footfall::data::Store store(db.string());
    footfall::data::seed_demo_day(store, "2026-11-20", 0);
  }
  const auto html = dir / "day.html";
  const std::string report = std::string(FOOTFALL_BINARY) + " report day 2026-11-19 --format html --language fr --db " +
                             db.string() + " -o " + html.string() + " 2>/dev/null";
  REQUIRE(std::system(report.c_str()) == 0);
  REQUIRE(fs::file_size(html) > 2000);

  const auto shot = dir / "day.png";
  const std::string chromium =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
      "--disable-component-update --disable-sync --user-data-dir=" +
      (dir / "profile").string() + " --window-size=1240,1754 --screenshot=" + shot.string() + " file://" +
      html.string() + " > " + (dir / "chromium.log").string() + " 2>&1";
  REQUIRE(std::system(chromium.c_str()) == 0);
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(shot.c_str(), &width, &height, &channels, 3);
  REQUIRE(pixels != nullptr);
  // Count pixels that are not page background: text, table rules and the SVG chart.
  long inked = 0;
  for (long i = 0; i < static_cast<long>(width) * height; ++i) {
    const unsigned char* p = pixels + i * 3;
    if (p[0] < 200 || p[1] < 200 || p[2] < 200) ++inked;
  }
  stbi_image_free(pixels);
  const double share = static_cast<double>(inked) / (static_cast<double>(width) * height);
  MESSAGE("inked share of the page: " << share);
  CHECK(share > 0.02);
  CHECK(share < 0.8);
}
