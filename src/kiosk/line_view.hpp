#pragma once
// The counting line between the screen (ui::LineView, no OpenCV) and the counter
// (vision::CountingLine): the one place either becomes the other.
#include "footfall/ui/snapshot.hpp"
#include "footfall/vision/types.hpp"

namespace footfall::app {

inline ui::Point to_ui(vision::NormPoint point) { return {point.x, point.y}; }
inline vision::NormPoint to_vision(ui::Point point) { return {point.x, point.y}; }

inline ui::LineView to_line_view(const vision::CountingLine& line) {
  return {to_ui(line.a), to_ui(line.b), to_ui(line.inside)};
}
inline vision::CountingLine to_counting_line(const ui::LineView& line) {
  return {to_vision(line.a), to_vision(line.b), to_vision(line.inside)};
}

}  // namespace footfall::app
