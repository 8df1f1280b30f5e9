#include <algorithm>
#include <utility>

#include "footfall/ui/snapshot.hpp"

namespace footfall::ui {
namespace {

const char* source_name(WarningSource source) {
  switch (source) {
    case WarningSource::Storage:
      return "storage";
    case WarningSource::Backup:
      return "backup";
    case WarningSource::Reports:
      return "reports";
    case WarningSource::Chain:
      return "chain";
  }
  return "worker";
}

}  // namespace

void set_warning(std::vector<WorkerWarning>& warnings, WarningSource source, std::string detail) {
  std::erase_if(warnings, [source](const WorkerWarning& warning) { return warning.source == source; });
  if (!detail.empty()) warnings.push_back({source, std::move(detail)});
}

std::string warning_text(const WorkerWarning& warning) {
  return std::string(source_name(warning.source)) + ": " + warning.detail;
}

}  // namespace footfall::ui
