#include "kiosk_screenshot.hpp"

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

  // Write beside the target and rename, so a failed write leaves nothing half-written.
  const std::string partial = path + ".partial";
  stbi_flip_vertically_on_write(1);
  const int written = stbi_write_png(partial.c_str(), width, height, 4, pixels.data(), width * 4);
  if (written == 0) {
    std::filesystem::remove(partial);
    throw std::runtime_error("screenshot " + path + ": could not write the PNG");
  }
  std::filesystem::rename(partial, path);
}

}  // namespace footfall::ui
