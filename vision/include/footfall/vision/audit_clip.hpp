#pragma once
#include "footfall/vision/counter.hpp"
#include "footfall/vision/frame_source.hpp"

#include <opencv2/videoio.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace footfall::vision {

// The one place camera frames reach the disk: a clip the owner asked for, with the line, the tracks
// and the running counts drawn, so they can count the people themselves and compare.
class AuditClipWriter {
 public:
  // Throws std::runtime_error naming the file when it cannot be written.
  AuditClipWriter(std::filesystem::path path, double fps);
  void add(const Frame& frame, const PeopleCounter& counter, std::int64_t entries, std::int64_t exits);
  [[nodiscard]] std::int64_t frames() const { return frames_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  double fps_;
  cv::VideoWriter writer_;
  std::int64_t frames_ = 0;
};

// Audit clips are audit-<stamp>.mp4 in their folder; one is kept past `max_age` (a week, as the
// owner is told) only while a file named <clip>.keep sits beside it. remove_expired_audit_clips
// returns the clips it deleted.
inline constexpr std::chrono::hours kAuditClipLifetime{7 * 24};
std::filesystem::path audit_clip_path(const std::filesystem::path& folder, const std::string& stamp);
std::vector<std::filesystem::path> remove_expired_audit_clips(const std::filesystem::path& folder,
                                                              std::chrono::hours max_age);

}  // namespace footfall::vision
