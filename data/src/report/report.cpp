#include "footfall/data/report/report.hpp"

#include <map>
#include <stdexcept>

#include "report/model.hpp"

namespace footfall::data {
namespace {

using namespace report_detail;

std::string render_model(const Context& context, const Model& model, ReportFormat format) {
  switch (format) {
    case ReportFormat::Markdown:
      return render_markdown(context, model);
    case ReportFormat::Html:
      return render_html(context, model);
    case ReportFormat::Spreadsheet:
      return render_spreadsheet(context, model);
    default:
      return render_text(context, model);
  }
}

}  // namespace

ReportFormat parse_report_format(const std::string& text) {
  static const std::map<std::string, ReportFormat> names = {
      {"text", ReportFormat::Text},   {"txt", ReportFormat::Text},
      {"csv", ReportFormat::Csv},     {"json", ReportFormat::Json},
      {"md", ReportFormat::Markdown}, {"markdown", ReportFormat::Markdown},
      {"html", ReportFormat::Html},   {"spreadsheet", ReportFormat::Spreadsheet}};
  const auto found = names.find(text);
  if (found == names.end())
    throw std::invalid_argument("report format \"" + text +
                                "\": expected text, csv, json, md, html or spreadsheet");
  return found->second;
}

const char* report_format_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::Text:
      return "txt";
    case ReportFormat::Csv:
      return "csv";
    case ReportFormat::Json:
      return "json";
    case ReportFormat::Markdown:
      return "md";
    case ReportFormat::Html:
      return "html";
    case ReportFormat::Spreadsheet:
      return "spreadsheet.csv";
  }
  return "txt";
}

std::string render_day_report(const DaySummary& summary, const StoreSettings& settings, ReportFormat format,
                              const std::string& language) {
  if (format == ReportFormat::Json) return day_json(summary, settings);
  if (format == ReportFormat::Csv) return day_csv(summary, settings);
  const Context context(settings, language);
  return render_model(context, day_model(context, summary), format);
}

std::string render_range_report(const RangeSummary& summary, const StoreSettings& settings,
                                ReportFormat format, const std::string& language) {
  if (format == ReportFormat::Json) return range_json(summary, settings);
  if (format == ReportFormat::Csv) return range_csv(summary, settings);
  const Context context(settings, language);
  return render_model(context, range_model(context, summary), format);
}

std::string render_contest_report(const SellerContest& contest, const StoreSettings& settings,
                                  ReportFormat format, const std::string& language) {
  if (format == ReportFormat::Json) return contest_json(contest, settings);
  if (format == ReportFormat::Csv) return contest_csv(contest, settings);
  const Context context(settings, language);
  return render_model(context, contest_model(context, contest), format);
}

}  // namespace footfall::data
