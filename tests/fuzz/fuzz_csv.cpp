// CSV reader: encoding detection, iconv conversion, separator detection and libcsv records.
#include "footfall/data/pos/csv_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto text = footfall::data::csv_text_from_bytes(bytes);
    std::int64_t last_line = 0;
    footfall::data::parse_csv(text, "fuzz.csv", [&](const footfall::data::CsvRecord& record) {
      if (record.line <= last_line) __builtin_trap();  // lines only move forward
      last_line = record.line;
      (void)footfall::data::csv_quote(record.raw, text.separator);
      return true;
    });
  } catch (const std::exception&) {
    // Rejecting bad input with an exception is the contract; crashing is not.
  }
  return 0;
}
