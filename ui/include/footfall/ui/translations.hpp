#pragma once
// The kiosk's words are rows of the one table in data, shared with the reports and the error messages.
#include "footfall/data/words.hpp"

namespace footfall::ui {

using data::Language;
using data::language_code;
using data::parse_language;
using data::Text;
using data::tr;
using data::Translation;
using data::translation_table;

}  // namespace footfall::ui
