#include <algorithm>

#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

Text kind_text(const std::string& kind) {
  if (kind == "refund") return Text::KindRefund;
  if (kind == "void") return Text::KindVoid;
  if (kind == "cancelled") return Text::KindCancelled;
  return Text::KindSale;
}

// "1 234 rows, 412 transactions: 400 new, 10 updated, 2 unchanged" in the screen's language.
std::string outcome_summary(const PanelContext& context, const ImportOutcome& outcome) {
  const Language language = context.state.language;
  return fill(context.text(Text::ImportSummary),
              {format_integer(outcome.rows, language), format_integer(outcome.transactions, language),
               format_integer(outcome.added, language), format_integer(outcome.updated, language),
               format_integer(outcome.unchanged, language)});
}

}  // namespace

Text import_advice(data::ImportFailure failure) {
  switch (failure) {
    case data::ImportFailure::Unreadable:
      return Text::ImportAdviceUnreadable;
    case data::ImportFailure::NotText:
      return Text::ImportAdviceNotText;
    case data::ImportFailure::Empty:
      return Text::ImportAdviceEmpty;
    case data::ImportFailure::NoProfileMatch:
      return Text::ImportAdviceNoProfile;
    case data::ImportFailure::MissingColumns:
      return Text::ImportAdviceMissingColumns;
    case data::ImportFailure::Truncated:
      return Text::ImportAdviceTruncated;
    case data::ImportFailure::BadRows:
      return Text::ImportAdviceBadRows;
    case data::ImportFailure::NoDate:
      return Text::ImportAdviceNoDate;
    case data::ImportFailure::NoTime:
      return Text::ImportAdviceNoTime;
    case data::ImportFailure::NoCurrency:
      return Text::ImportAdviceNoCurrency;
    case data::ImportFailure::OtherCurrency:
      return Text::ImportAdviceOtherCurrency;
    case data::ImportFailure::Other:
      break;
  }
  return Text::ImportAdviceOther;
}

namespace {

// The till a POS profile reads, as a manager knows it.
std::string profile_label(const PanelContext& context, const std::string& profile) {
  if (profile == "auto") return context.text(Text::ProfileAuto);
  if (profile == "shopify") return "Shopify";
  if (profile == "square-items") return "Square — " + std::string(context.text(Text::ProfileSquareItems));
  if (profile == "square-transactions")
    return "Square — " + std::string(context.text(Text::ProfileSquareTransactions));
  if (profile == "loyverse") return "Loyverse";
  if (profile == "payments") return context.text(Text::ProfilePayments);
  return profile;
}

// Which till the next file comes from, and after a refusal the same file again with that choice.
void draw_profile_choice(PanelContext& context, const ImportView& import) {
  if (import.profiles.empty()) return;
  std::string& chosen = context.state.import_profile;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(context.text(Text::PosExport));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.F);
  if (ImGui::BeginCombo("##pos_profile", profile_label(context, chosen).c_str())) {
    std::vector<std::string> choices{"auto"};
    choices.insert(choices.end(), import.profiles.begin(), import.profiles.end());
    for (const std::string& profile : choices) {
      if (ImGui::Selectable(profile_label(context, profile).c_str(), profile == chosen)) chosen = profile;
    }
    ImGui::EndCombo();
  }
  if (import.failed && !import.path.empty() && !import.running) {
    ImGui::SameLine();
    if (ImGui::Button(context.text(Text::TryAgain)) && context.intents.import_file) {
      context.intents.import_file(import.path, chosen);
    }
  }
}

void wrapped(ImU32 color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.F);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void draw_outcome(PanelContext& context, const ImportView& import) {
  const ImportOutcome& outcome = import.outcome;
  const Language language = context.state.language;
  if (outcome.imported && !import.failed) {
    wrapped(palette::good,
            std::string(context.text(Text::ImportDone)) + " — " + outcome_summary(context, outcome));
    if (outcome.rejected_rows > 0) {
      wrapped(palette::warning,
              fill(context.text(Text::LabelValue),
                   fill(context.text(Text::RejectedRows), format_integer(outcome.rejected_rows, language)),
                   outcome.first_rejection));
    }
    // Money is never relabelled later, so the manager should see which currency the shop now counts in.
    if (!outcome.store_currency_set.empty()) {
      wrapped(palette::muted, fill(context.text(Text::StoreCurrencySet), outcome.store_currency_set));
    }
  } else {
    wrapped(palette::bad,
            std::string(context.text(Text::ImportFailed)) + " — " + context.text(Text::NothingImported));
    wrapped(palette::bad, context.text(import_advice(outcome.failure)));
    // The details list below names the rows; without it, the first one here.
    if (!outcome.first_rejection.empty() && import.lines.empty())
      wrapped(palette::muted, outcome.first_rejection);
  }
}

void draw_preview(PanelContext& context, const ImportView& import) {
  if (import.preview.empty()) return;
  const Language language = context.state.language;
  ImGui::TextDisabled("%s", context.text(Text::PreviewTitle));
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (!ImGui::BeginTable("##import_preview", 5, flags)) return;
  for (const Text header : {Text::Time, Text::Kind, Text::Amount, Text::Seller, Text::PosId}) {
    ImGui::TableSetupColumn(context.text(header));
  }
  ImGui::TableHeadersRow();
  for (const ImportPreviewRow& row : import.preview) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(local_time_text(row.time_ms, context.snapshot.time_zone).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(context.text(kind_text(row.kind)));
    ImGui::TableNextColumn();
    const std::string amount =
        format_money(static_cast<double>(row.total),
                     row.currency.empty() ? context.snapshot.currency : row.currency, language);
    ImGui::TextUnformatted(amount.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.seller.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.pos_id.c_str());
  }
  ImGui::EndTable();
}

void draw_watch_folder(PanelContext& context, const ImportView& import) {
  if (import.watch_folder.empty()) return;
  ImGui::Spacing();
  ImGui::TextDisabled("%s", context.text(Text::WatchFolder));
  for (const ImportOutcome& outcome : import.watch_folder) {
    const std::string when = local_time_text(outcome.time_ms, context.snapshot.time_zone);
    if (outcome.imported) {
      std::string line = when + "  " + outcome.file + " — " +
                         fill(context.text(Text::LabelValue), std::string(context.text(Text::Imported)),
                              outcome_summary(context, outcome));
      if (outcome.rejected_rows > 0) {
        line += "; " + fill(context.text(Text::RejectedRows),
                            format_integer(outcome.rejected_rows, context.state.language));
      }
      wrapped(palette::text, line);
    } else {
      wrapped(palette::bad,
              when + "  " + outcome.file + " — " +
                  fill(context.text(Text::LabelValue), std::string(context.text(Text::Rejected)),
                       std::string(context.text(import_advice(outcome.failure)))));
      if (!outcome.first_rejection.empty()) wrapped(palette::muted, outcome.first_rejection);
    }
  }
}

}  // namespace

void draw_import_panel(PanelContext& context) {
  const ImportView& import = context.snapshot.import;
  ImGui::PushFont(context.state.fonts.bold != nullptr ? context.state.fonts.bold : ImGui::GetFont());
  ImGui::TextUnformatted(context.text(Text::Import));
  ImGui::PopFont();

  if (import.file.empty() && !import.running) {
    ImGui::PushTextWrapPos(0.F);
    ImGui::TextDisabled("%s", context.text(Text::DropHint));
    ImGui::PopTextWrapPos();
    draw_watch_folder(context, import);
    return;
  }
  ImGui::TextUnformatted(
      fill(context.text(Text::LabelValue), std::string(context.text(Text::File)), import.file).c_str());
  if (!import.profile.empty()) {
    ImGui::SameLine(0.F, ImGui::GetFontSize() * 1.5F);
    ImGui::TextUnformatted(
        fill(context.text(Text::LabelValue), std::string(context.text(Text::Profile)), import.profile)
            .c_str());
  }
  if (import.running) {
    const double progress = std::clamp(import.progress, 0.0, 1.0);
    const std::string label = std::string(context.text(Text::Importing)) + " " +
                              format_percent(progress, 0, context.state.language);
    ImGui::ProgressBar(static_cast<float>(progress), ImVec2{-1.F, 0.F}, label.c_str());
  } else if (import.has_outcome) {
    draw_outcome(context, import);
  } else if (import.failed) {
    wrapped(palette::bad, context.text(Text::ImportFailed));
  }
  draw_profile_choice(context, import);
  draw_preview(context, import);
  draw_watch_folder(context, import);
  // Every rejected line with its reason, under the summary: the details a manager passes on.
  if (!import.running && !import.lines.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted);
    ImGui::TextUnformatted(context.text(Text::ImportDetails));
    ImGuiListClipper clipper;  // a rejected file may list thousands of rows
    clipper.Begin(static_cast<int>(import.lines.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const std::string& line = import.lines[static_cast<std::size_t>(row)];
        ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
      }
    }
    ImGui::PopStyleColor();
  }
}

}  // namespace footfall::ui
