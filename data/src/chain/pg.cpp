#include "chain/pg.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>

namespace footfall::data::chain {
namespace {

// libpq's messages run over several lines ("...failed: X\n\tIs the server running..."): the
// first says what is wrong.
std::string first_line(const char* message) {
  std::string text = message == nullptr ? "" : message;
  if (const auto end = text.find('\n'); end != std::string::npos) text.erase(end);
  if (text.rfind("ERROR:  ", 0) == 0) text.erase(0, 8);
  if (text.rfind("FATAL:  ", 0) == 0) text.erase(0, 8);
  return text.empty() ? "unknown error" : text;
}

void check_credentials_file(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0)
    throw ChainError(file.string() + ": chain credentials file not found");
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    throw ChainError(file.string() + ": chain credentials file is readable by others; chmod 600 it");
  }
}

}  // namespace

bool url_names_password(const std::string& url) {
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), nullptr);
  if (parsed == nullptr) return false;
  bool found = false;
  for (const PQconninfoOption* option = parsed; option->keyword != nullptr; ++option) {
    found = found ||
            (std::string(option->keyword) == "password" && option->val != nullptr && *option->val != '\0');
  }
  PQconninfoFree(parsed);
  return found;
}

std::int64_t Result::integer(int row, int column) const {
  if (null(row, column)) return 0;
  const char* text = PQgetvalue(result_.get(), row, column);
  std::int64_t value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

std::int64_t Result::affected() const {
  const char* text = PQcmdTuples(result_.get());
  std::int64_t value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

Connection::Connection(const Server& server) : conn_(nullptr, PQfinish) {
  if (server.url.empty()) throw ChainError("chain server: no URL given (--server or [chain] server)");
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(server.url.c_str(), &parse_error);
  if (parsed == nullptr) {
    const std::string why = first_line(parse_error);
    PQfreemem(parse_error);
    throw ChainError("chain server URL \"" + server.url + "\" is not valid: " + why);
  }
  PQconninfoFree(parsed);
  // Defaults first, then the URL, so what the URL says wins (libpq keeps the last value of a key):
  // a dead network ends a connect after 10 s and a silent one within about a minute, not never.
  std::vector<const char*> keys = {
      "application_name", "connect_timeout",  "keepalives_idle", "keepalives_interval",
      "keepalives_count", "tcp_user_timeout", "dbname"};
  std::vector<const char*> values = {"footfall", "10", "20", "10", "3", "60000", server.url.c_str()};
  const std::string passfile = server.credentials.string();
  if (!server.credentials.empty()) {
    check_credentials_file(server.credentials);
    keys.push_back("passfile");
    values.push_back(passfile.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  conn_.reset(PQconnectdbParams(keys.data(), values.data(), 1));
  if (conn_ == nullptr) throw ChainError("chain server: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw ChainError("chain server: " + first_line(PQerrorMessage(conn_.get())));
  }
  exec("SET client_min_messages = warning");
}

namespace {
Result checked(PGconn* conn, PGresult* raw) {
  Result result(raw);
  const auto status = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw ChainError("chain server: " +
                     first_line(raw == nullptr ? PQerrorMessage(conn) : PQresultErrorMessage(raw)));
  }
  return result;
}

std::vector<const char*> values_of(const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return values;
}
}  // namespace

Result Connection::exec(const std::string& sql) {
  return checked(conn_.get(), PQexec(conn_.get(), sql.c_str()));
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params) {
  const auto values = values_of(params);
  return checked(conn_.get(), PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                           values.data(), nullptr, nullptr, 0));
}

Result Connection::exec_prepared(const std::string& name, const std::string& sql,
                                 const std::vector<Param>& params) {
  if (std::find(prepared_.begin(), prepared_.end(), name) == prepared_.end()) {
    checked(conn_.get(), PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
    prepared_.push_back(name);
  }
  const auto values = values_of(params);
  return checked(conn_.get(), PQexecPrepared(conn_.get(), name.c_str(), static_cast<int>(values.size()),
                                             values.data(), nullptr, nullptr, 0));
}

void Connection::copy_in(const std::string& sql, const std::string& data) {
  PGconn* conn = conn_.get();
  {
    PGresult* start = PQexec(conn, sql.c_str());
    Result owned(start);
    if (start == nullptr || PQresultStatus(start) != PGRES_COPY_IN) {
      throw ChainError("chain server: " +
                       first_line(start == nullptr ? PQerrorMessage(conn) : PQresultErrorMessage(start)));
    }
  }
  constexpr std::size_t chunk = 1 << 20;
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    const auto size = std::min(chunk, data.size() - at);
    if (PQputCopyData(conn, data.data() + at, static_cast<int>(size)) != 1) break;
  }
  PQputCopyEnd(conn, nullptr);
  // The COPY's own result, then the end of the command; an error in either is the server's word.
  std::optional<std::string> error;
  while (PGresult* raw = PQgetResult(conn)) {
    Result result(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !error) error = first_line(PQresultErrorMessage(raw));
  }
  if (PQstatus(conn) != CONNECTION_OK && !error) error = first_line(PQerrorMessage(conn));
  if (error) throw ChainError("chain server: " + *error);
}

namespace {
// PQescapeLiteral or PQescapeIdentifier, its result freed.
std::string escaped(PGconn* conn, char* (*escape)(PGconn*, const char*, std::size_t),
                    const std::string& text) {
  char* quoted = escape(conn, text.c_str(), text.size());
  if (quoted == nullptr) throw ChainError("chain server: " + first_line(PQerrorMessage(conn)));
  std::string result = quoted;
  PQfreemem(quoted);
  return result;
}
}  // namespace

std::string Connection::quote_literal(const std::string& text) {
  return escaped(conn_.get(), PQescapeLiteral, text);
}

std::string Connection::quote_identifier(const std::string& text) {
  return escaped(conn_.get(), PQescapeIdentifier, text);
}

ServerTransaction::~ServerTransaction() {
  if (done_) return;
  // A connection that broke has nothing to roll back; the server drops the transaction itself.
  if (PQstatus(connection_.raw()) == CONNECTION_OK) Result(PQexec(connection_.raw(), "ROLLBACK"));
}

std::optional<int> server_schema_version(Connection& connection) {
  const auto table = connection.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (table.text(0, 0) != "t") return std::nullopt;
  return static_cast<int>(
      connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations").integer(0, 0));
}

void require_current_schema(Connection& connection) {
  const auto version = server_schema_version(connection);
  const int wanted = central_schema_version();
  if (!version) {
    throw ChainError(
        "chain server has no Footfall schema; the head office runs 'footfall chain migrate' first");
  }
  if (*version < wanted) {
    throw ChainError("chain server schema is version " + std::to_string(*version) +
                     ", older than this footfall's " + std::to_string(wanted) +
                     "; the head office runs 'footfall chain migrate'");
  }
  if (*version > wanted) {
    throw ChainError("chain server schema is version " + std::to_string(*version) +
                     ", newer than this footfall's " + std::to_string(wanted) +
                     "; upgrade footfall on this kiosk");
  }
}

namespace {

// COPY's text format for one value: tabs, newlines and backslashes escaped, NULL as \N.
void append_copy_value(std::string& out, const Param& value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (const char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::string copy_text(const std::vector<Param>& values, std::size_t columns) {
  std::string data;
  data.reserve(values.size() * 12);
  for (std::size_t at = 0; at < values.size(); ++at) {
    append_copy_value(data, values[at]);
    data += (at + 1) % columns == 0 ? '\n' : '\t';
  }
  return data;
}

// Rows of `columns` values each into `table`: COPY into a session's staging copy of the table
// (emptied at every commit), then one INSERT ... SELECT ... `tail` (its ON CONFLICT clause).
// PostgreSQL's own bulk path: a multi-row VALUES of thousands of parameters spent most of a
// year's sync planning its statements.
void upsert_rows(Connection& server, const std::string& table, const std::string& column_list,
                 std::size_t columns, const std::vector<Param>& values, const std::string& tail) {
  if (values.empty()) return;
  const std::string staging = "staging_" + table;
  server.exec("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + table + ") ON COMMIT DELETE ROWS");
  server.copy_in("COPY " + staging + " (" + column_list + ") FROM STDIN", copy_text(values, columns));
  server.exec("INSERT INTO " + table + " (" + column_list + ") SELECT " + column_list + " FROM " + staging +
              " " + tail);
  server.exec("TRUNCATE " + staging);
}

}  // namespace footfall::data::chain
