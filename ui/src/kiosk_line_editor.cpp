// The counting line on the camera image: the settings screen's switch and the drag handles the
// camera panel draws while it is on.
#include <algorithm>
#include <array>

#include "footfall/ui/kiosk_view.hpp"
#include "settings_widgets.hpp"

namespace footfall::ui {

void draw_line_editor(PanelContext& context) {
  LineEdit& edit = context.state.line_edit;
  const CameraView* camera = context.snapshot.camera.get();
  if (camera == nullptr) return;
  bool active = edit.active;
  if (ImGui::Checkbox(context.text(Text::EditLine), &active)) {
    edit = LineEdit{};
    edit.active = active;
    edit.line = camera->line;
  }
  if (!edit.active) return;
  ImGui::TextDisabled("%s", context.text(Text::EditLineHint));
  if (ImGui::Button(context.text(Text::SaveLine))) {
    if (context.intents.set_line) context.intents.set_line(edit.line);
    edit.active = false;
  }
}

void edit_counting_line(PanelContext& context, ImVec2 image_min, ImVec2 image_max) {
  LineEdit& edit = context.state.line_edit;
  const ImVec2 size{image_max.x - image_min.x, image_max.y - image_min.y};
  if (size.x < 1.F || size.y < 1.F) return;
  const ImVec2 saved_cursor = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(image_min);
  ImGui::InvisibleButton("##line_edit", size);  // keeps drags from moving the window
  ImGui::SetCursorScreenPos(saved_cursor);

  std::array<Point*, 3> handles{&edit.line.a, &edit.line.b, &edit.line.inside};
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  if (ImGui::IsItemActivated()) {
    edit.dragging = -1;
    float best = 24.F * 24.F;
    for (std::size_t index = 0; index < handles.size(); ++index) {
      const float dx = image_min.x + handles[index]->x * size.x - mouse.x;
      const float dy = image_min.y + handles[index]->y * size.y - mouse.y;
      if (dx * dx + dy * dy < best) {
        best = dx * dx + dy * dy;
        edit.dragging = static_cast<int>(index);
      }
    }
  }
  if (ImGui::IsItemActive() && edit.dragging >= 0) {
    Point& point = *handles[static_cast<std::size_t>(edit.dragging)];
    point.x = std::clamp((mouse.x - image_min.x) / size.x, 0.F, 1.F);
    point.y = std::clamp((mouse.y - image_min.y) / size.y, 0.F, 1.F);
  } else {
    edit.dragging = -1;
  }
  for (std::size_t index = 0; index < handles.size(); ++index) {
    const ImVec2 center{image_min.x + handles[index]->x * size.x, image_min.y + handles[index]->y * size.y};
    draw_list.AddCircle(center, 12.F,
                        static_cast<int>(index) == edit.dragging ? palette::good : palette::text, 0, 3.F);
  }
}

}  // namespace footfall::ui
