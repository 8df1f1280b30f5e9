#include <algorithm>
#include <array>
#include <vector>

#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

constexpr std::int64_t flash_ms = 800;
constexpr std::int64_t stale_frame_ms = 5000;

// Labels over a live image need their own background to stay readable on light floors.
void draw_label(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                const std::string& text) {
  const ImVec2 measured = text_size(font, size, text);
  draw_list.AddRectFilled(ImVec2{position.x - 3.F, position.y - 1.F},
                          ImVec2{position.x + measured.x + 3.F, position.y + measured.y + 1.F},
                          IM_COL32(0, 0, 0, 170), 3.F);
  draw_text(draw_list, font, size, position, color, text);
}

ImVec2 to_screen(Point point, ImVec2 min, ImVec2 max) {
  return ImVec2{min.x + point.x * (max.x - min.x), min.y + point.y * (max.y - min.y)};
}

void draw_banner(ImDrawList& draw_list, const PanelContext& context, ImVec2 min, float width, ImU32 color,
                 const std::string& text) {
  ImFont* font = context.state.fonts.bold;
  const float size = size_of(font);
  draw_list.AddRectFilled(min, ImVec2{min.x + width, min.y + size * 1.8F}, color);
  draw_text_fitted(draw_list, font, size, ImVec2{min.x + 10.F, min.y + size * 0.4F}, palette::text, text,
                   width - 20.F);
}

// Tints the part of the image on the inside of the counting line (the line taken as infinite).
void tint_inside(ImDrawList& draw_list, ImVec2 a, ImVec2 b, ImVec2 inside, ImVec2 min, ImVec2 max) {
  const auto side = [&](ImVec2 point) {
    return (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
  };
  const float inside_side = side(inside);
  if (inside_side == 0.F || (a.x == b.x && a.y == b.y)) return;
  const std::array<ImVec2, 4> corners{min, ImVec2{max.x, min.y}, max, ImVec2{min.x, max.y}};
  std::vector<ImVec2> polygon;  // Sutherland–Hodgman against one half-plane
  for (std::size_t index = 0; index < corners.size(); ++index) {
    const ImVec2 current = corners[index];
    const ImVec2 next = corners[(index + 1) % corners.size()];
    const float current_side = side(current) * inside_side;
    const float next_side = side(next) * inside_side;
    if (current_side >= 0.F) polygon.push_back(current);
    if ((current_side >= 0.F) != (next_side >= 0.F)) {
      const float t = current_side / (current_side - next_side);
      polygon.emplace_back(current.x + t * (next.x - current.x), current.y + t * (next.y - current.y));
    }
  }
  if (polygon.size() >= 3) {
    draw_list.AddConvexPolyFilled(polygon.data(), static_cast<int>(polygon.size()),
                                  with_alpha(palette::good, 40));
  }
}

// The counting line, and the tracked people when there is an image to put their boxes on.
void draw_overlay(ImDrawList& draw_list, const PanelContext& context, const CameraView& camera, ImVec2 min,
                  ImVec2 max, bool with_tracks) {
  const LineEdit& edit = context.state.line_edit;
  const LineView& shown = edit.active ? edit.line : camera.line;
  const Point line_a = shown.a;
  const Point line_b = shown.b;
  const Point inside = shown.inside;
  ImFont* font = context.state.fonts.regular;
  const float font_size = size_of(font);

  for (const TrackBox& track : camera.tracks) {
    if (!with_tracks) break;
    const ImVec2 top_left = to_screen(track.top_left, min, max);
    draw_list.AddRect(top_left, to_screen(track.bottom_right, min, max), IM_COL32(90, 220, 255, 230), 0.F, 0,
                      2.F);
    const std::string id = std::to_string(track.id);
    draw_label(draw_list, font, font_size * 0.8F, ImVec2{top_left.x + 3.F, top_left.y + 1.F},
               IM_COL32(90, 220, 255, 255), id);
  }

  const std::int64_t since_crossing = context.state.now_ms - camera.last_crossing_ms;
  const bool flash = camera.last_crossing_ms > 0 && since_crossing >= 0 && since_crossing < flash_ms;
  const ImU32 flash_color = camera.last_crossing_in ? palette::good : palette::warning;
  if (flash) {
    const int alpha = static_cast<int>(255 - 200 * since_crossing / flash_ms);
    draw_list.AddRect(min, max, with_alpha(flash_color, alpha), 0.F, 0, 8.F);
  }
  const ImVec2 a = to_screen(line_a, min, max);
  const ImVec2 b = to_screen(line_b, min, max);
  tint_inside(draw_list, a, b, to_screen(inside, min, max), min, max);
  draw_list.AddLine(a, b, flash ? flash_color : IM_COL32(255, 230, 60, 255), flash ? 6.F : 3.F);
  const ImVec2 inside_point = to_screen(inside, min, max);
  draw_list.AddCircleFilled(inside_point, 7.F, palette::good);
  draw_label(draw_list, font, font_size, ImVec2{inside_point.x + 12.F, inside_point.y - font_size / 2.F},
             palette::good, context.text(Text::Inside));
}

// "15,2 im/s · âge de l’image 231 ms", or the rate alone when `short_form` (a narrow panel).
std::string camera_stats(const PanelContext& context, const CameraView& camera, bool short_form) {
  const Language language = context.state.language;
  const std::string rate = format_decimal(camera.fps, 1, language) + " " + context.text(Text::Fps);
  if (short_form) return rate;
  return rate + " · " + context.text(Text::FrameAge) + " " + format_integer(camera.frame_age_ms, language) +
         " " + context.text(Text::MillisecondsUnit);
}

}  // namespace

void draw_camera_panel(PanelContext& context) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 region = ImGui::GetContentRegionAvail();
  if (region.x < 60.F || region.y < 60.F) return;
  ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  const KioskFonts& fonts = context.state.fonts;
  const float heading_size = size_of(fonts.bold);
  const CameraView* camera = context.snapshot.camera.get();

  const float heading_width =
      draw_text(draw_list, fonts.bold, heading_size, origin, palette::text, context.text(Text::Camera)).x;
  if (camera != nullptr && camera->state == CameraState::Ok) {  // a dead camera has no rate to show
    const float size = size_of(fonts.regular);
    std::string stats = camera_stats(context, *camera, false);
    ImVec2 measured = text_size(fonts.regular, size, stats);
    if (heading_width + size + measured.x > region.x) {
      stats = camera_stats(context, *camera, true);
      measured = text_size(fonts.regular, size, stats);
    }
    draw_text(draw_list, fonts.regular, size, ImVec2{origin.x + region.x - measured.x, origin.y + 2.F},
              palette::muted, stats);
  }

  // Fit the image (or a 16:9 placeholder) below the heading, centred.
  const float top = origin.y + heading_size * 1.4F;
  const ImVec2 box{region.x, origin.y + region.y - top};
  const float aspect = camera != nullptr && camera->width > 0 && camera->height > 0
                           ? static_cast<float>(camera->width) / static_cast<float>(camera->height)
                           : 16.F / 9.F;
  const float width = std::min(box.x, box.y * aspect);
  const float height = width / aspect;
  const ImVec2 image_min{origin.x + (box.x - width) / 2.F, top};
  const ImVec2 image_max{image_min.x + width, image_min.y + height};

  const bool has_frame = camera != nullptr && camera->width > 0 && camera->height > 0 &&
                         camera->rgba.size() >= static_cast<std::size_t>(camera->width) *
                                                    static_cast<std::size_t>(camera->height) * 4U;
  ImTextureID texture = nullptr;
  if (has_frame && context.state.camera_texture) texture = context.state.camera_texture(*camera);
  if (texture != nullptr) {
    draw_list.AddImage(texture, image_min, image_max);
  } else {
    draw_list.AddRectFilled(image_min, image_max, IM_COL32(8, 10, 12, 255));
    if (camera != nullptr && camera->state != CameraState::Starting) {
      const char* message = context.text(Text::NoCameraImage);
      const ImVec2 size = text_size(fonts.regular, heading_size, message);
      draw_text(
          draw_list, fonts.regular, heading_size,
          ImVec2{(image_min.x + image_max.x - size.x) / 2.F, (image_min.y + image_max.y - size.y) / 2.F},
          palette::muted, message);
    }
  }
  if (camera != nullptr) draw_overlay(draw_list, context, *camera, image_min, image_max, texture != nullptr);
  if (camera != nullptr && camera->state != CameraState::Ok) {
    draw_list.AddRectFilled(image_min, image_max, IM_COL32(0, 0, 0, 120));  // the last frame is not live
  }

  if (camera == nullptr || camera->state == CameraState::Starting) {
    draw_banner(draw_list, context, image_min, width, IM_COL32(70, 78, 90, 230),
                context.text(Text::CameraStarting));
  } else if (camera->state == CameraState::Down) {
    draw_banner(draw_list, context, image_min, width, with_alpha(palette::bad, 235),
                std::string(context.text(Text::CameraDown)) +
                    (camera->message.empty() ? "" : ": " + camera->message));
  } else if (camera->state == CameraState::Frozen || camera->frame_age_ms > stale_frame_ms) {
    draw_banner(draw_list, context, image_min, width, IM_COL32(200, 120, 30, 235),
                std::string(context.text(Text::CameraFrozen)) +
                    (camera->message.empty() ? "" : ": " + camera->message));
  }

  ImGui::Dummy(region);
  if (context.state.line_edit.active && camera != nullptr) edit_counting_line(context, image_min, image_max);
}

}  // namespace footfall::ui
