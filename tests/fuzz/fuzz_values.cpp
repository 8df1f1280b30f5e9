// Per-field parsers: money, numbers, dates/times and zone names never throw, whatever the text.
#include "footfall/data/pos/values.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footfall::data;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char decimal : {'\0', '.', ','}) {
    (void)parse_money(text, decimal);
    (void)parse_number(text, decimal);
  }
  for (const auto order : {DateOrder::Auto, DateOrder::YMD, DateOrder::DMY, DateOrder::MDY}) {
    const auto local = parse_local_datetime(text, order);
    if (local.ok()) (void)to_utc_ms(*local.value, find_time_zone("Europe/Paris"));
  }
  (void)date_order_evidence(text);
  (void)fold_case(text);
  if (size < 64) (void)find_time_zone(text);
  return 0;
}
