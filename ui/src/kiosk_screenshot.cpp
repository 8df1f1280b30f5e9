#include "kiosk_screenshot.hpp"

#include "footfall/data/atomic_file.hpp"

#include <GL/gl.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace footfall::ui {

void save_back_buffer_png(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) throw std::runtime_error("screenshot " + path + ": empty framebuffer");
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4U);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (std::size_t alpha = 3; alpha < pixels.size(); alpha += 4) pixels[alpha] = 255;  // the window is opaque

  stbi_flip_vertically_on_write(1);
  data::replace_file_atomically(path, [&](const std::filesystem::path& partial) {
    if (stbi_write_png(partial.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
      throw std::runtime_error("screenshot " + path + ": could not write the PNG");
    }
  });
}

}  // namespace footfall::ui
