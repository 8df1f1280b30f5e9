#pragma once
// An ImGui context with no backend: panels are laid out and tessellated, nothing is shown.
#include "footfall/ui/kiosk_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include <filesystem>

namespace footfall::ui::testing {

inline bool dejavu_present() {
  const KioskOptions options;
  return std::filesystem::exists(options.font_path) && std::filesystem::exists(options.bold_font_path);
}

class HeadlessImGui {
 public:
  explicit HeadlessImGui(float text_scale = 1.F) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2{1920.F, 1080.F};
    io.DeltaTime = 1.F / 60.F;
    io.IniFilename = nullptr;
    if (text_scale != 1.F) ImGui::GetStyle().ScaleAllSizes(text_scale);
    if (dejavu_present()) state.fonts = add_kiosk_fonts(*io.Fonts, KioskOptions{}, text_scale);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
  ~HeadlessImGui() { ImGui::DestroyContext(context_); }

  // Runs one frame of `draw` inside a plain window of `size`; returns the vertices that frame produced.
  template <typename Draw>
  int frame_in_window(Draw draw, ImVec2 size = ImVec2{1000.F, 600.F}) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2{0.F, 0.F});
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##panel", nullptr, ImGuiWindowFlags_NoDecoration);
    draw();
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  }

  // The text one frame of `draw` puts on screen, through ImGui's own text log.
  template <typename Draw>
  std::string text_of(Draw draw, ImVec2 size = ImVec2{1000.F, 1000.F}) {
    std::string text;
    frame_in_window(
        [&] {
          ImGui::LogToBuffer();
          draw();
          text = ImGui::GetCurrentContext()->LogBuffer.c_str();
          ImGui::LogFinish();
        },
        size);
    return text;
  }

  template <typename Draw>
  int frame(Draw draw) {
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  }

  KioskState state;

 private:
  ImGuiContext* context_ = nullptr;
};

}  // namespace footfall::ui::testing
