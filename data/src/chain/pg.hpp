#pragma once
// A thin RAII layer over libpq for the chain room and its tests: one connection, statements with
// text parameters, results that free themselves, and errors as ChainError naming what is wrong.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "footfall/data/chain/chain.hpp"

namespace footfall::data::chain {

using Param = std::optional<std::string>;  // nullopt: SQL NULL

class Result {
 public:
  explicit Result(PGresult* result) : result_(result, PQclear) {}
  [[nodiscard]] int rows() const { return PQntuples(result_.get()); }
  [[nodiscard]] int columns() const { return PQnfields(result_.get()); }
  [[nodiscard]] bool null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  [[nodiscard]] std::string text(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
  [[nodiscard]] std::int64_t integer(int row, int column) const;  // NULL reads 0
  [[nodiscard]] std::int64_t affected() const;                    // rows an INSERT/UPDATE/DELETE touched

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
 public:
  // Connects, or throws ChainError with the server's or libpq's first line.
  explicit Connection(const Server& server);
  Result exec(const std::string& sql);
  Result exec(const std::string& sql, const std::vector<Param>& params);
  // A statement kept prepared on this connection under `name`, prepared on first use.
  Result exec_prepared(const std::string& name, const std::string& sql, const std::vector<Param>& params);
  // COPY ... FROM STDIN with `data` in COPY's text format.
  void copy_in(const std::string& sql, const std::string& data);
  [[nodiscard]] std::string quote_literal(const std::string& text);
  [[nodiscard]] std::string quote_identifier(const std::string& text);
  [[nodiscard]] PGconn* raw() { return conn_.get(); }

 private:
  std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
  std::vector<std::string> prepared_;
};

// BEGIN on construction, ROLLBACK unless commit() ran.
class ServerTransaction {
 public:
  explicit ServerTransaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN"); }
  ~ServerTransaction();
  ServerTransaction(const ServerTransaction&) = delete;
  ServerTransaction& operator=(const ServerTransaction&) = delete;
  void commit() {
    connection_.exec("COMMIT");
    done_ = true;
  }

 private:
  Connection& connection_;
  bool done_ = false;
};

// Rows of `columns` values each (row after row in `values`) in COPY's text format.
std::string copy_text(const std::vector<Param>& values, std::size_t columns);

// Rows of `columns` values each (row after row in `values`) into `table`: COPY into a session's
// staging copy of the table, then one INSERT ... SELECT ... `tail` (its ON CONFLICT clause).
void upsert_rows(Connection& server, const std::string& table, const std::string& column_list,
                 std::size_t columns, const std::vector<Param>& values, const std::string& tail);

// The schema version the server records, or nullopt when it has no Footfall schema.
std::optional<int> server_schema_version(Connection& connection);
// Throws ChainError unless the server's schema is the one this build expects.
void require_current_schema(Connection& connection);

}  // namespace footfall::data::chain
