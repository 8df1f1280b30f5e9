#include <algorithm>
#include <cmath>

#include "footfall/data/metrics/metrics.hpp"
#include "metrics/day_tallies.hpp"

// The figures of any window from its tally: the one set of definitions metrics.hpp describes.
namespace footfall::data {

using metrics_detail::hour_ms;

Conversion wilson_conversion(std::int64_t buyers, std::int64_t visitors, int low_data_visitors) {
  Conversion result;
  result.low_data = visitors < low_data_visitors;
  if (visitors <= 0) return result;
  const double n = static_cast<double>(visitors);
  result.rate = static_cast<double>(buyers) / n;
  // The interval needs a proportion; more buyers than visitors (bad data) is pinned to 1.
  const double p = std::clamp(*result.rate, 0.0, 1.0);
  constexpr double z = 1.959963984540054;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half_width = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  // At p = 0 or 1 the bound is exactly 0 or 1; rounding would otherwise leave 5e-17.
  result.low = p == 0.0 ? 0.0 : std::max(0.0, centre - half_width);
  result.high = p == 1.0 ? 1.0 : std::min(1.0, centre + half_width);
  return result;
}

bool ranks_above(const Conversion& a, const Conversion& b) {
  const bool a_ranks = a.rate && !a.low_data;
  const bool b_ranks = b.rate && !b.low_data;
  if (a_ranks != b_ranks) return a_ranks;
  return a_ranks && a.low > b.low;
}

std::int64_t covered_buyers(const Figures& figures) { return figures.buyers - figures.buyers_in_camera_gaps; }

bool sales_but_no_visitors(const Figures& figures) {
  return covered_buyers(figures) > 0 && figures.visitors == 0;
}

FigureChanges changes_against(const Figures& current, const std::optional<Figures>& reference) {
  FigureChanges changes;
  if (!reference) return changes;
  const auto counted = [](const Figures& f) { return f.covered_minutes > 0; };
  const auto sold = [](const Figures& f) { return f.buyers > 0 || f.net_sales != 0; };
  const bool both_counted = counted(current) && counted(*reference);
  const bool both_sold = sold(current) && sold(*reference);
  const auto relative = [](double now, std::optional<double> before) -> std::optional<double> {
    if (!before || !(*before > 0.0)) return std::nullopt;
    return now / *before - 1.0;
  };
  if (both_counted) {
    changes.visitors =
        relative(static_cast<double>(current.visitors), static_cast<double>(reference->visitors));
  }
  if (both_sold) {
    changes.buyers = relative(static_cast<double>(current.buyers), static_cast<double>(reference->buyers));
    changes.net_sales =
        relative(static_cast<double>(current.net_sales), static_cast<double>(reference->net_sales));
    if (current.atv) changes.atv = relative(*current.atv, reference->atv);
  }
  if (both_counted && both_sold) {
    if (current.conversion.rate && reference->conversion.rate) {
      changes.conversion_points = (*current.conversion.rate - *reference->conversion.rate) * 100.0;
    }
    if (current.spv) changes.spv = relative(*current.spv, reference->spv);
  }
  return changes;
}

Figures make_figures(const Tally& tally, const StoreSettings& settings) {
  Figures figures;
  figures.entries = tally.entries;
  figures.exits = tally.exits;
  figures.visitors = visitors_from(settings.visitor_rule, tally.entries, tally.exits);
  figures.after_hours_visitors =
      visitors_from(settings.visitor_rule, tally.after_hours_entries, tally.after_hours_exits);
  figures.buyers = tally.buyers;
  figures.buyers_in_camera_gaps = tally.buyers_in_gaps;
  figures.net_sales = tally.net;
  figures.gross_sales = tally.gross;
  figures.units = tally.units;
  figures.conversion =
      wilson_conversion(tally.buyers - tally.buyers_in_gaps, figures.visitors, settings.low_data_visitors);
  // More receipts than people who came in is not a conversion: a gap, a zone, a door or a till is wrong.
  figures.buyers_above_visitors = figures.visitors > 0 && covered_buyers(figures) > figures.visitors;
  if (figures.buyers_above_visitors) figures.conversion.rate.reset();
  if (tally.buyers > 0) {
    const auto buyers = static_cast<double>(tally.buyers);
    figures.atv = static_cast<double>(tally.net) / buyers;
    figures.upt = tally.units / buyers;
  }
  if (figures.visitors > 0) {
    figures.spv = static_cast<double>(tally.net - tally.net_in_gaps) / static_cast<double>(figures.visitors);
  }
  figures.staff_hours = static_cast<double>(tally.staff_ms) / static_cast<double>(hour_ms);
  if (tally.staff_ms > 0)
    figures.visitors_per_staff_hour = static_cast<double>(figures.visitors) / figures.staff_hours;
  const auto minutes = [](TimeMs ms) { return static_cast<int>((ms + 30'000) / 60'000); };
  figures.camera_gap_minutes = minutes(tally.gap_ms);
  figures.covered_minutes = minutes(tally.covered_ms);
  figures.open_minutes = minutes(tally.open_ms);
  figures.covered_open_minutes = minutes(tally.open_covered_ms);
  // Heartbeats trail the clock by seconds: only a missed minute or more makes the figures partial.
  figures.partial = tally.open_ms - tally.open_covered_ms >= 60'000;
  return figures;
}

}  // namespace footfall::data
