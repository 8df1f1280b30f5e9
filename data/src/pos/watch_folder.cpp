#include <algorithm>
#include <chrono>
#include <fstream>

#include "footfall/data/pos/import.hpp"
#include "footfall/data/pos/profiles.hpp"
#include "footfall/data/wall_clock.hpp"

// The watch folder: every settled export in it imported, then moved to imported/ or rejected/.
namespace footfall::data {

std::vector<ImportResult> import_watch_folder(Store& store, const std::filesystem::path& folder,
                                              const ImportOptions& options, int settle_seconds) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  const auto settled_before = fs::file_time_type::clock::now() - std::chrono::seconds(settle_seconds);
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const auto extension = fold_case(entry.path().extension().string());
    if (extension != ".csv" && extension != ".txt") continue;
    if (settle_seconds > 0 && entry.last_write_time() > settled_before) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const auto move_to = [](const fs::path& file, const fs::path& directory) {
    fs::create_directories(directory);
    auto target = directory / file.filename();
    if (fs::exists(target))
      target = directory /
               (file.stem().string() + "-" + std::to_string(wall_clock_ms()) + file.extension().string());
    fs::rename(file, target);
    return target;
  };
  std::vector<ImportResult> results;
  for (const auto& file : files) {
    ImportOptions file_options = options;
    if (options.skip_bad_rows && options.reject_file.empty()) {
      fs::create_directories(folder / "rejected");
      file_options.reject_file = folder / "rejected" / (file.filename().string() + ".rejected.csv");
    }
    try {
      auto result = import_pos_file(store, file, file_options);
      if (!options.dry_run) result.moved_to = move_to(file, folder / "imported");
      results.push_back(std::move(result));
    } catch (const ImportError& e) {
      // The file itself is at fault: set it aside with the reason so the next scan skips it.
      ImportResult result;
      result.file = file.string();
      result.error = e.what();
      result.failure = e.failure();
      result.rejected = e.errors();
      if (!options.dry_run) {
        result.moved_to = move_to(file, folder / "rejected");
        std::ofstream(result.moved_to.string() + ".error.txt") << e.what() << '\n';
      }
      results.push_back(std::move(result));
    } catch (const std::exception& e) {
      // The database or the disk failed (e.g. busy): leave the file where it is for the next scan.
      ImportResult result;
      result.file = file.string();
      result.error = e.what();
      results.push_back(std::move(result));
    }
  }
  return results;
}

}  // namespace footfall::data
