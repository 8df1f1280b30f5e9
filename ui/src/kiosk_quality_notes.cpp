// The day's quality notes (data::QualityNote) in the screen's language: the same sentences as the
// reports', from the one table of words.
#include "draw_helpers.hpp"
#include "footfall/data/metrics/quality_notes.hpp"

namespace footfall::ui {

std::vector<std::string> quality_note_lines(const PanelContext& context) {
  if (!context.snapshot.today) return {};
  return data::quality_note_texts(context.snapshot.today->notes, language_code(context.state.language));
}

}  // namespace footfall::ui
