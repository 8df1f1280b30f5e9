#pragma once

namespace footfall::data {

// Why a whole file was refused, so that each front end can say what its user can do about it: the
// command line names options, the kiosk says what the manager can do at the till.
enum class ImportFailure {
  Other,
  Unreadable,  // the file could not be opened or read
  NotText,     // not CSV text in a known encoding (a binary file, a spreadsheet)
  Empty,
  NoProfileMatch,  // the header matches no known POS export
  MissingColumns,  // the chosen profile needs columns the header lacks
  Truncated,       // cut in the middle of a quoted field
  BadRows,         // rows with bad values (RowError lists them)
  NoDate,          // rows with a time but no day
  NoTime,          // rows with a day but no time
  NoCurrency,      // neither the export nor the store names a currency
  OtherCurrency,   // the export is not in the store's currency, or mixes currencies
};

}  // namespace footfall::data
