#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace footfall::data {

enum class TextEncoding { Utf8, Windows1251, Windows1252, Utf16LE, Utf16BE };

[[nodiscard]] const char* encoding_name(TextEncoding encoding);

// A UTF-16 BOM (Excel's "Unicode text") decides first; then valid UTF-8 (with or without BOM) wins;
// otherwise letter statistics pick 1251 (Cyrillic) or 1252.
[[nodiscard]] TextEncoding detect_encoding(std::string_view bytes);

// Converts to UTF-8 with iconv and drops a UTF-8 BOM; throws std::runtime_error on bytes iconv rejects.
[[nodiscard]] std::string to_utf8(std::string_view bytes, TextEncoding encoding);

// Picks ',', ';' or '\t' from the first record, ignoring separators inside quotes.
// (An Excel "sep=X" first line is honoured by csv_text_from_bytes.)
[[nodiscard]] char detect_separator(std::string_view text);

struct CsvRecord {
  std::int64_t line = 0;             // physical line (1-based) where the record starts
  std::vector<std::string> fields;
  std::string_view raw;              // the record's original text (UTF-8), for reject files
};

// Thrown for a file that cannot be read as CSV at all (unterminated quote, unreadable file).
class CsvError : public std::runtime_error {
 public:
  CsvError(const std::string& message, std::int64_t line);
  [[nodiscard]] std::int64_t line() const { return line_; }

 private:
  std::int64_t line_;
};

struct CsvText {
  std::string utf8;                  // the whole file, converted
  TextEncoding encoding = TextEncoding::Utf8;
  char separator = ',';
  std::size_t data_offset = 0;       // past Excel's "sep=;" line when the file starts with one
};

[[nodiscard]] CsvText load_csv_text(const std::filesystem::path& file);
[[nodiscard]] CsvText csv_text_from_bytes(std::string_view bytes);

// Streams records to `on_record` (return false to stop). Blank lines are skipped.
// `name` only labels error messages. Throws CsvError on an unterminated quoted field.
void parse_csv(const CsvText& text, const std::string& name,
               const std::function<bool(const CsvRecord&)>& on_record);

// Quotes a field for writing back (reject files, generated CSV).
[[nodiscard]] std::string csv_quote(std::string_view field, char separator);

}  // namespace footfall::data
