#include "footfall/data/pos/csv_reader.hpp"

#include <csv.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "footfall/data/file_text.hpp"

namespace footfall::data {

CsvError::CsvError(const std::string& message, std::int64_t line)
    : std::runtime_error(message), line_(line) {}

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Windows1251:
      return "WINDOWS-1251";
    case TextEncoding::Windows1252:
      return "WINDOWS-1252";
    case TextEncoding::Utf16LE:
      return "UTF-16LE";
    case TextEncoding::Utf16BE:
      return "UTF-16BE";
  }
  return "UTF-8";
}

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= n) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0U) != 0x80U) return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string fold_ascii_prefix(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_high_letter(unsigned char c) { return c >= 0xC0; }
bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

TextEncoding detect_encoding(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return TextEncoding::Utf16LE;
  if (bytes.substr(0, 2) == "\xFE\xFF") return TextEncoding::Utf16BE;
  if (is_valid_utf8(bytes)) return TextEncoding::Utf8;
  // Cyrillic words in 1251 are runs of bytes >= 0xC0; accented Latin letters in 1252 sit
  // alone between ASCII letters. Count which neighbourhood the high letters live in.
  std::int64_t in_runs = 0;
  std::int64_t beside_ascii = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (!is_high_letter(c)) continue;
    const auto prev = i > 0 ? static_cast<unsigned char>(bytes[i - 1]) : 0U;
    const auto next = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0U;
    if (is_high_letter(static_cast<unsigned char>(prev)) ||
        is_high_letter(static_cast<unsigned char>(next))) {
      ++in_runs;
    } else if (is_ascii_letter(static_cast<unsigned char>(prev)) ||
               is_ascii_letter(static_cast<unsigned char>(next))) {
      ++beside_ascii;
    }
  }
  return in_runs > beside_ascii ? TextEncoding::Windows1251 : TextEncoding::Windows1252;
}

std::string to_utf8(std::string_view bytes, TextEncoding encoding) {
  if (encoding == TextEncoding::Utf8) {
    if (bytes.substr(0, utf8_bom.size()) == utf8_bom) bytes.remove_prefix(utf8_bom.size());
    return std::string(bytes);
  }
  if (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE)
    bytes.remove_prefix(2);  // the BOM
  iconv_t converter = iconv_open("UTF-8", encoding_name(encoding));
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error(std::string("iconv cannot convert from ") + encoding_name(encoding));
  }
  const std::unique_ptr<void, int (*)(iconv_t)> guard(converter, iconv_close);
  std::string out(bytes.size() * 3 + 16, '\0');  // UTF-8 never needs more than 3 bytes per input byte here
  std::string input(bytes);
  char* in_ptr = input.data();
  std::size_t in_left = input.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
    const auto offset = input.size() - in_left;
    throw std::runtime_error(std::string("byte ") + std::to_string(offset) + " is not valid " +
                             encoding_name(encoding) + ": " + std::strerror(errno));
  }
  out.resize(out.size() - out_left);
  return out;
}

char detect_separator(std::string_view text) {
  std::array<std::int64_t, 3> counts{};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      if (c == ',') ++counts[0];
      if (c == ';') ++counts[1];
      if (c == '\t') ++counts[2];
    }
  }
  if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
  if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
  return ',';
}

namespace {

// Text has no NUL bytes and hardly any other control bytes; a spreadsheet, an archive or a picture has many.
void refuse_binary(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    return;  // UTF-16 text: NULs are normal
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    throw std::runtime_error(
        "not a text file but a ZIP archive (an .xlsx workbook?): save or export it as CSV");
  }
  const std::string_view head = bytes.substr(0, 65536);
  std::size_t control = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (c == 0)
      throw std::runtime_error("not a text file (byte " + std::to_string(i) +
                               " is NUL): a POS export is CSV or tab-separated text");
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  if (control * 100 > head.size()) {
    throw std::runtime_error("not a text file (" + std::to_string(control) +
                             " control bytes at its start): a POS export is CSV or tab-separated text");
  }
}

}  // namespace

CsvText csv_text_from_bytes(std::string_view bytes) {
  refuse_binary(bytes);
  CsvText text;
  text.encoding = detect_encoding(bytes);
  text.utf8 = to_utf8(bytes, text.encoding);
  const std::string_view all(text.utf8);
  if (all.size() >= 5 && fold_ascii_prefix(all.substr(0, 4)) == "sep=" &&
      (all.size() == 5 || all[5] == '\r' || all[5] == '\n')) {
    text.separator = all[4];
    const auto newline = all.find('\n');
    text.data_offset = newline == std::string_view::npos ? all.size() : newline + 1;
  } else {
    text.separator = detect_separator(all);
  }
  return text;
}

CsvText load_csv_text(const std::filesystem::path& file) {
  std::string bytes;
  try {
    bytes = read_file_text(file);
  } catch (const std::runtime_error& e) {
    throw CsvError(e.what(), 0);
  }
  try {
    return csv_text_from_bytes(bytes);
  } catch (const std::runtime_error& e) {
    throw CsvError(file.string() + ": " + e.what(), 0);
  }
}

namespace {

struct ParseState {
  const std::string* text = nullptr;
  const std::function<bool(const CsvRecord&)>* on_record = nullptr;
  CsvRecord record;
  std::size_t field_count = 0;
  std::size_t record_start = std::string::npos;  // offset of the record's first line
  std::size_t line_end = 0;                      // end of the line being fed, without the newline
  bool stop = false;
};

void on_field(void* data, std::size_t length, void* state_ptr) {
  auto& state = *static_cast<ParseState*>(state_ptr);
  if (state.field_count == state.record.fields.size()) state.record.fields.emplace_back();
  auto& field = state.record.fields[state.field_count++];
  if (data == nullptr) {
    field.clear();
  } else {
    field.assign(static_cast<const char*>(data), length);
  }
}

void on_record_end(int /*terminator*/, void* state_ptr) {
  auto& state = *static_cast<ParseState*>(state_ptr);
  state.record.fields.resize(state.field_count);
  state.field_count = 0;
  bool blank = true;
  for (const auto& field : state.record.fields) blank = blank && field.empty();
  if (!blank && !state.stop && state.record_start != std::string::npos) {
    state.record.raw =
        std::string_view(*state.text).substr(state.record_start, state.line_end - state.record_start);
    if (!(*state.on_record)(state.record)) state.stop = true;
  }
  state.record_start = std::string::npos;
}

int only_space_is_space(unsigned char c) { return c == ' ' ? 1 : 0; }

}  // namespace

void parse_csv(const CsvText& text, const std::string& name,
               const std::function<bool(const CsvRecord&)>& on_record) {
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT_FINI) != 0) throw CsvError(name + ": cannot start the CSV parser", 0);
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(text.separator));
  csv_set_space_func(&parser, only_space_is_space);

  ParseState state;
  state.text = &text.utf8;
  state.on_record = &on_record;
  const std::string& all = text.utf8;
  std::size_t pos = text.data_offset;
  std::int64_t line = text.data_offset > 0 ? 1 : 0;
  while (pos < all.size() && !state.stop) {
    ++line;
    std::size_t end = all.find('\n', pos);
    const std::size_t next = end == std::string::npos ? all.size() : end + 1;
    if (end == std::string::npos) end = all.size();
    std::size_t content_end = end;
    if (content_end > pos && all[content_end - 1] == '\r') --content_end;
    if (state.record_start == std::string::npos && content_end > pos) {
      state.record_start = pos;
      state.record.line = line;
    }
    state.line_end = content_end;
    if (csv_parse(&parser, all.data() + pos, next - pos, on_field, on_record_end, &state) != next - pos) {
      throw CsvError(name + ":" + std::to_string(line) + ": " + csv_strerror(csv_error(&parser)), line);
    }
    pos = next;
  }
  if (state.stop) return;
  // libcsv only flags an open quote at the end in strict mode, which also rejects stray quotes
  // that real exports contain; an odd quote count in the unfinished record means the same thing.
  const bool open_quote =
      state.record_start != std::string::npos &&
      std::count(all.begin() + static_cast<std::ptrdiff_t>(state.record_start), all.end(), '"') % 2 == 1;
  if (open_quote || csv_fini(&parser, on_field, on_record_end, &state) != 0) {
    throw CsvError(name + ":" + std::to_string(state.record.line) +
                       ": unterminated quoted field (the file looks truncated)",
                   state.record.line);
  }
}

std::string csv_quote(std::string_view field, char separator) {
  if (field.find_first_of(std::string{'"', '\n', '\r', separator}) == std::string_view::npos) {
    return std::string(field);
  }
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace footfall::data
