#include "footfall/vision/audit_clip.hpp"

#include "footfall/vision/overlay.hpp"

#include <stdexcept>
#include <string>

namespace footfall::vision {
namespace {

constexpr const char* kPrefix = "audit-";
constexpr const char* kExtension = ".mp4";

bool is_audit_clip(const std::filesystem::path& path) {
  return path.filename().string().starts_with(kPrefix) && path.extension() == kExtension;
}

}  // namespace

AuditClipWriter::AuditClipWriter(std::filesystem::path path, double fps) : path_(std::move(path)), fps_(fps) {}

void AuditClipWriter::add(const Frame& frame, const PeopleCounter& counter, std::int64_t entries, std::int64_t exits) {
  if (frame.image.empty()) return;
  if (!writer_.isOpened()) {
    // MPEG-4 through FFmpeg: any player opens it, and ten minutes stay tens of megabytes.
    writer_.open(path_.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('m', 'p', '4', 'v'), fps_, frame.image.size());
    if (!writer_.isOpened()) throw std::runtime_error(path_.string() + ": cannot write the audit clip");
  }
  cv::Mat drawn = frame.image.clone();
  draw_counting_overlay(drawn, counter.config().line, counter.tracks(),
                        "in " + std::to_string(entries) + "  out " + std::to_string(exits));
  writer_.write(drawn);
  ++frames_;
}

std::filesystem::path audit_clip_path(const std::filesystem::path& folder, const std::string& stamp) {
  return folder / (kPrefix + stamp + kExtension);
}

std::vector<std::filesystem::path> remove_expired_audit_clips(const std::filesystem::path& folder,
                                                              std::chrono::hours max_age) {
  std::vector<std::filesystem::path> removed;
  if (!std::filesystem::is_directory(folder)) return removed;
  const auto oldest_kept = std::filesystem::file_time_type::clock::now() - max_age;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto& clip = entry.path();
    if (!entry.is_regular_file() || !is_audit_clip(clip)) continue;
    if (std::filesystem::exists(clip.string() + ".keep")) continue;
    if (entry.last_write_time() >= oldest_kept) continue;
    std::filesystem::remove(clip);
    removed.push_back(clip);
  }
  return removed;
}

}  // namespace footfall::vision
