#pragma once
// Text put into an HTML page: the one escaping the day, range and chain reports share.
#include <string>

namespace footfall::data::report_detail {

std::string escape_html(const std::string& text);

}  // namespace footfall::data::report_detail
