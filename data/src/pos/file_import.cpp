// A POS export imported in one SQLite transaction: the file read and its profile chosen here, its rows
// read by import_rows.cpp, grouped into transactions by transaction_grouper.cpp and written in
// batches by batch_writer.cpp.
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <fstream>

#include "footfall/data/atomic_file.hpp"
#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/pos/profiles.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/wall_clock.hpp"
#include "pos/transaction_grouper.hpp"
#include "store/connection.hpp"

namespace footfall::data {

std::string RowError::to_string() const {
  return file + ":" + std::to_string(line) + ": column \"" + column + "\": " + reason;
}

ImportError::ImportError(const std::string& message, std::vector<RowError> errors, ImportFailure failure)
    : std::runtime_error(message), errors_(std::move(errors)), failure_(failure) {}

const std::vector<RowError>& ImportError::errors() const { return errors_; }

namespace {

// Rows that all lack the same thing say so; any other mix is just bad rows.
ImportFailure failure_of_rows(const std::vector<RowError>& errors) {
  const auto all = [&errors](RowProblem problem) {
    return !errors.empty() && std::all_of(errors.begin(), errors.end(),
                                          [problem](const RowError& row) { return row.problem == problem; });
  };
  if (all(RowProblem::NoDate)) return ImportFailure::NoDate;
  if (all(RowProblem::NoTime)) return ImportFailure::NoTime;
  return ImportFailure::BadRows;
}

std::string join_errors(const std::string& headline, const std::vector<RowError>& errors,
                        std::int64_t total) {
  std::string message = headline;
  constexpr std::size_t shown = 20;
  for (std::size_t i = 0; i < errors.size() && i < shown; ++i) message += "\n  " + errors[i].to_string();
  if (total > static_cast<std::int64_t>(shown))
    message += "\n  ... and " + std::to_string(total - static_cast<std::int64_t>(shown)) + " more";
  return message;
}

void record_failure(Store& store, const std::string& file, const std::string& hash, std::int64_t rows,
                    const std::string& message) {
  try {
    store.record_import(ImportRecord{file, hash, rows, 0, "failed", message, wall_clock_ms()});
  } catch (const std::exception&) {
    // The log entry is best effort; the import error itself is what the caller must see.
  }
}

std::vector<std::string> read_header(const CsvText& text, const std::string& name, std::int64_t& line) {
  std::vector<std::string> header;
  parse_csv(text, name, [&](const CsvRecord& record) {
    header = record.fields;
    line = record.line;
    return false;
  });
  return header;
}

std::string header_list(const std::vector<std::string>& header) {
  std::string list;
  for (const auto& h : header) list += (list.empty() ? "\"" : ", \"") + h + "\"";
  return list;
}

ProfileSpec choose_profile(const ImportOptions& options, const std::vector<std::string>& header,
                           const std::string& name) {
  if (!options.profile_file.empty()) {
    try {
      return load_profile_toml(options.profile_file);
    } catch (const std::runtime_error& e) {
      throw ImportError(e.what(), {});
    }
  }
  if (options.profile.empty() || options.profile == "auto") {
    if (const auto* detected = detect_profile(header)) return *detected;
    throw ImportError(name + ": no POS profile matches the columns " + header_list(header), {},
                      ImportFailure::NoProfileMatch);
  }
  if (const auto* named = find_profile(options.profile)) return *named;
  if (options.profile == "generic")
    throw ImportError(name + ": the generic profile needs a TOML profile file", {});
  throw ImportError("unknown POS profile \"" + options.profile + "\"", {});
}

void write_reject_file(const std::filesystem::path& path, const CsvText& text, std::string_view header_raw,
                       const std::vector<std::pair<std::string_view, std::string>>& rows) {
  replace_file_atomically(path, [&](const std::filesystem::path& partial) {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path.string() + ": cannot write the reject file");
    out << header_raw << text.separator << "Reject reason\n";
    for (const auto& [raw, reason] : rows)
      out << raw << text.separator << csv_quote(reason, text.separator) << '\n';
    if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write the reject file");
  });
}

// Savepoints and trigger upserts inside one long transaction write statement journals; in memory
// they cost a third less time on a large file. The connection's own setting is restored after.
// (Switching temp_store drops TEMP tables; the store keeps none.)
class MemoryTempStore {
 public:
  static constexpr int memory = 2;
  explicit MemoryTempStore(SQLite::Database& db)
      : db_(db), previous_(db.execAndGet("PRAGMA temp_store").getInt()) {
    if (previous_ != memory) db_.exec("PRAGMA temp_store = MEMORY");
  }
  ~MemoryTempStore() {
    try {
      if (previous_ != memory) db_.exec("PRAGMA temp_store = " + std::to_string(previous_));
    } catch (const std::exception&) {
      // Restoring a pragma cannot fail on an open connection; nothing useful to do if it did.
    }
  }
  MemoryTempStore(const MemoryTempStore&) = delete;
  MemoryTempStore& operator=(const MemoryTempStore&) = delete;

 private:
  SQLite::Database& db_;
  int previous_;
};

std::int64_t count_transactions(Store& store) {
  return connection(store).execAndGet("SELECT count(*) FROM pos_transactions").getInt64();
}

}  // namespace

ImportResult import_pos_file(Store& store, const std::filesystem::path& file, const ImportOptions& options) {
  const std::string name = file.string();
  CsvText text;
  try {
    text = load_csv_text(file);
  } catch (const CsvError& e) {
    record_failure(store, name, "", 0, e.what());
    throw ImportError(
        e.what(), {},
        std::filesystem::is_regular_file(file) ? ImportFailure::NotText : ImportFailure::Unreadable);
  }
  const std::string hash = pos_import::hex64(pos_import::fnv1a(text.utf8));
  std::int64_t header_line = 0;
  std::vector<std::string> header;
  try {
    header = read_header(text, name, header_line);
  } catch (const CsvError& e) {
    record_failure(store, name, hash, 0, e.what());
    throw ImportError(e.what(), {RowError{name, e.line(), "(header)", e.what()}});
  }
  if (header.empty()) throw ImportError(name + ": the file is empty", {}, ImportFailure::Empty);
  const ProfileSpec profile = choose_profile(options, header, name);
  {
    const auto columns = map_columns(profile, header);
    std::vector<RowError> missing;
    for (const auto role : profile.required) {
      if (columns[static_cast<std::size_t>(role)] < 0) {
        missing.push_back(RowError{name, header_line,
                                   profile.columns[static_cast<std::size_t>(role)].empty()
                                       ? role_name(role)
                                       : profile.columns[static_cast<std::size_t>(role)].front(),
                                   "not in the header (profile " + profile.name + ")"});
      }
    }
    if (!missing.empty()) {
      const auto message = join_errors(name + ": required columns are missing", missing,
                                       static_cast<std::int64_t>(missing.size()));
      record_failure(store, name, hash, 0, message);
      throw ImportError(message, missing, ImportFailure::MissingColumns);
    }
  }
  std::string zone = options.time_zone;
  if (zone.empty()) zone = profile.time_zone;
  if (zone.empty()) zone = store.settings().time_zone;

  const MemoryTempStore temp_store(connection(store));
  const auto run = [&](bool buffer_all) {
    ImportResult result;
    result.file = name;
    result.profile = profile.name;
    SQLite::Transaction sql(connection(store));
    const std::int64_t before = count_transactions(store);
    const std::string store_currency = store.settings().currency;
    pos_import::TransactionGrouper importer(store, options, profile, header, name, zone, store_currency,
                                            buffer_all);
    importer.expect_lines(static_cast<std::size_t>(std::count(text.utf8.begin(), text.utf8.end(), '\n')));
    std::string_view header_raw;
    bool first = true;
    std::int64_t records = 0;
    const double size = static_cast<double>(std::max<std::size_t>(text.utf8.size(), 1));
    try {
      parse_csv(text, name, [&](const CsvRecord& record) {
        if (first) {
          first = false;
          header_raw = record.raw;
          return true;
        }
        importer.add_record(record);
        if (options.progress && (++records % 4096) == 0) {
          options.progress(static_cast<double>(record.raw.data() - text.utf8.data()) / size);
        }
        return true;
      });
    } catch (const CsvError& e) {
      std::vector<RowError> errors = importer.errors();
      errors.push_back(
          RowError{name, e.line(), "(record)", "unterminated quoted field: the file looks truncated"});
      const auto message = join_errors(name + ": cannot be read as CSV, nothing imported", errors,
                                       static_cast<std::int64_t>(errors.size()));
      throw ImportError(message, errors, ImportFailure::Truncated);
    }
    importer.finish();
    importer.announce_preview();
    result.preview = importer.preview();
    result.rows = importer.rows();
    result.rejected = importer.errors();
    if (importer.error_count() > 0 && !options.skip_bad_rows) {
      const auto message =
          join_errors(name + ": " + std::to_string(importer.error_count()) + " bad row(s), nothing imported",
                      importer.errors(), importer.error_count());
      throw ImportError(message, importer.errors(), failure_of_rows(importer.errors()));
    }
    if (!importer.refusal().empty()) throw ImportError(importer.refusal(), {}, importer.refusal_failure());
    result.transactions = importer.transactions();
    result.net_sales = importer.net_sales();
    result.default_time_rows = importer.default_time_rows();
    result.currency = importer.currency();
    result.set_store_currency = store_currency.empty() && !result.currency.empty();
    result.added = count_transactions(store) - before;
    result.updated = importer.changed() - result.added;
    result.unchanged = result.transactions - result.added - result.updated;
    if (options.progress) options.progress(1.0);
    if (options.dry_run) return result;  // `sql` rolls back
    if (result.set_store_currency) {
      StoreSettings settings = store.settings();
      settings.currency = result.currency;
      store.save_settings(settings);
    }
    store.record_import(
        ImportRecord{name, hash, result.rows, result.transactions, "committed", "", wall_clock_ms()});
    sql.commit();
    result.committed = true;
    if (options.skip_bad_rows && !importer.rejected_rows().empty()) {
      const auto reject_path =
          options.reject_file.empty() ? std::filesystem::path(name + ".rejected.csv") : options.reject_file;
      write_reject_file(reject_path, text, header_raw, importer.rejected_rows());
    }
    return result;
  };

  try {
    try {
      return run(false);
    } catch (const pos_import::NeedsBuffering&) {
      return run(true);  // a transaction's rows are spread over the file: group it all in memory
    }
  } catch (const ImportError& e) {
    record_failure(store, name, hash, 0, e.what());
    throw;
  }
}

}  // namespace footfall::data
