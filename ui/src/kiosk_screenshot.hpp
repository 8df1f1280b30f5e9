#pragma once
#include <string>

namespace footfall::ui {

// Reads the current back buffer (width x height, RGBA) and writes it as a PNG, flipped upright.
// Throws std::runtime_error naming the file when it cannot be written.
void save_back_buffer_png(const std::string& path, int width, int height);

}  // namespace footfall::ui
