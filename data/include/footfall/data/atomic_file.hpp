#pragma once
// The one way Footfall replaces a file: written beside the target, then renamed over it, so a reader
// (or a crash, or a full disk) never leaves half a file where a whole one was.
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

namespace footfall::data {

// `write` fills the partial file it is given; when it throws, the partial is removed and the target
// is as it was. Throws std::runtime_error naming the target when the rename fails.
void replace_file_atomically(const std::filesystem::path& target,
                             const std::function<void(const std::filesystem::path& partial)>& write);

// `text` as the whole new content; `permissions` are set before anything is written (e.g. owner-only).
void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           std::optional<std::filesystem::perms> permissions = std::nullopt);

}  // namespace footfall::data
