#include "footfall/data/history.hpp"

#include "footfall/data/business_time.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace footfall::data {
namespace {

constexpr int minutes_per_day = 24 * 60;
constexpr TimeMs minute_ms = 60'000;

// Mon … Sun: Saturdays are the busiest, Sundays (short opening in many towns) the quietest.
constexpr std::array<double, 7> weekday_traffic = {0.85, 0.85, 0.9, 0.95, 1.1, 1.45, 0.6};

std::vector<ShiftDefinition> default_shifts() {
  return {{"Morning", 0x7F, 9 * 60, 14 * 60}, {"Afternoon", 0x7F, 14 * 60, 20 * 60}};
}

// People arrive in two waves: lunch around 12:30 and after work around 18:00.
double arrival_intensity(double minute_of_day) {
  auto bump = [minute_of_day](double centre, double width, double height) {
    const double x = (minute_of_day - centre) / width;
    return height * std::exp(-0.5 * x * x);
  };
  return 0.35 + bump(12.5 * 60, 45, 1.0) + bump(18.0 * 60, 60, 0.9) + bump(15.5 * 60, 90, 0.25);
}

// Lunch crowds browse more than they buy; evening visitors come to buy.
double hourly_conversion(int hour) {
  if (hour >= 12 && hour < 14) return 0.8;
  if (hour >= 17 && hour < 20) return 1.15;
  if (hour < 10) return 0.9;
  return 1.0;
}

double seller_skill(std::size_t index) { return 0.8 + 0.1 * static_cast<double>((index * 3) % 5); }

bool day_has_counts(Store& store, TimeMs start_ms, TimeMs end_ms) {
  SQLite::Statement query(store.db(), "SELECT 1 FROM count_rollup WHERE bucket_ms >= ? AND bucket_ms < ? LIMIT 1");
  query.bind(1, start_ms);
  query.bind(2, end_ms);
  return query.executeStep();
}

struct DayPlan {
  date::local_days day;
  TimeMs open_ms = 0;
  TimeMs close_ms = 0;
  std::vector<RosterEntry> roster;
};

class Generator {
 public:
  Generator(Store& store, const HistoryOptions& options, const StoreSettings& settings)
      : store_(store), options_(options), settings_(settings), clock_(settings), random_(options.seed) {
    shifts_ = !options.shifts.empty() ? options.shifts : store.shifts();
    if (shifts_.empty()) shifts_ = default_shifts();
  }

  DayPlan plan(date::local_days day, int day_number) {
    DayPlan plan;
    plan.day = day;
    const int close = settings_.close_minutes > settings_.open_minutes ? settings_.close_minutes
                                                                       : settings_.close_minutes + minutes_per_day;
    plan.open_ms = clock_.at_local(day, settings_.open_minutes);
    plan.close_ms = clock_.at_local(day, close);
    const auto& sellers = options_.sellers;
    const int weekday_bit = 1 << weekday_index(day);
    int slot = 0;
    for (const auto& shift : shifts_) {
      if ((shift.weekday_mask & weekday_bit) == 0) continue;
      const int length = ((shift.end_minutes - shift.start_minutes) % minutes_per_day + minutes_per_day) %
                         minutes_per_day;
      const TimeMs start = clock_.at_local(day, shift.start_minutes);
      const TimeMs end = clock_.at_local(day, shift.start_minutes + (length == 0 ? minutes_per_day : length));
      const std::size_t on_shift = std::min<std::size_t>(2, sellers.size());
      for (std::size_t k = 0; k < on_shift; ++k) {
        // Rotate who works which shift so every seller meets every part of the day.
        const auto index = (static_cast<std::size_t>(day_number) + static_cast<std::size_t>(slot) * on_shift + k) %
                           sellers.size();
        plan.roster.push_back({sellers[index], start, end});
      }
      ++slot;
    }
    return plan;
  }

  void generate_day(const DayPlan& plan, TimeMs history_end_ms, HistoryResult& result) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double traffic = weekday_traffic[static_cast<std::size_t>(weekday_index(plan.day))] *
                           std::uniform_real_distribution<double>(0.9, 1.1)(random_);
    const auto entries = std::lround(options_.entries_per_day * traffic);
    const double base_conversion =
        options_.entries_per_day > 0
            ? static_cast<double>(options_.transactions_per_day) / static_cast<double>(options_.entries_per_day)
            : 0.0;
    const double open_span = static_cast<double>(plan.close_ms - plan.open_ms);
    const double peak_intensity = 1.6;
    std::lognormal_distribution<double> basket(std::log(options_.median_basket), 0.6);
    std::geometric_distribution<int> extra_units(0.45);
    std::uniform_int_distribution<TimeMs> dwell(3 * minute_ms, 40 * minute_ms);

    std::vector<CountEvent> events;
    events.reserve(static_cast<std::size_t>(entries) * 2);
    int track = 0;
    int sale_number = 0;
    for (long i = 0; i < entries; ++i) {
      TimeMs arrival = 0;
      do {
        arrival = plan.open_ms + static_cast<TimeMs>(unit(random_) * open_span);
      } while (unit(random_) * peak_intensity > arrival_intensity(clock_.local_minutes(arrival)));
      const TimeMs stay = dwell(random_);
      ++track;
      const TimeMs departure = std::min(arrival + stay, plan.close_ms + 15 * minute_ms);
      const TimeMs until = options_.until_ms.value_or(std::numeric_limits<TimeMs>::max());
      if (arrival < until) events.push_back({arrival, "main", true, track, 0.9F});
      if (departure < until) events.push_back({departure, "main", false, track, 0.9F});
      if (!options_.with_sales) continue;

      const TimeMs sale_time = std::min(arrival + stay * 7 / 10, plan.close_ms - minute_ms);
      std::vector<const RosterEntry*> on_floor;
      for (const auto& entry : plan.roster) {
        if (entry.start_ms <= sale_time && sale_time < entry.end_ms) on_floor.push_back(&entry);
      }
      const RosterEntry* seller = on_floor.empty() ? nullptr : on_floor[random_() % on_floor.size()];
      const double skill = seller == nullptr ? 0.7 : seller_skill(seller_index(seller->seller));
      if (unit(random_) >= base_conversion * hourly_conversion(clock_.local_hour(arrival)) * skill) continue;

      Transaction sale;
      sale.source = "history";
      sale.pos_id = format_date(plan.day) + "-" + std::to_string(++sale_number);
      sale.time_ms = sale_time;
      sale.currency = settings_.currency;
      sale.seller = seller == nullptr ? "" : seller->seller;
      sale.register_name = "1";
      const int units = 1 + std::min(extra_units(random_), 7);
      sale.units = units;
      sale.total = std::max<Money>(100, std::llround(basket(random_) / 10.0) * 10);
      const int lines = std::min(units, 3);
      for (int item = 0; item < lines; ++item) {
        const Money share = item == lines - 1 ? sale.total - sale.total / lines * item : sale.total / lines;
        const int quantity = item == 0 ? units - lines + 1 : 1;
        sale.items.push_back({"Item " + std::to_string(item + 1), static_cast<double>(quantity), share});
      }
      const double fate = unit(random_);
      if (fate < 0.005) sale.kind = TransactionKind::Void;
      store_.upsert_transaction(sale);
      ++result.transactions;
      if (fate >= 0.005 && fate < 0.015) {
        // A refund some days later, only if that day is still inside the generated history.
        Transaction refund = sale;
        refund.kind = TransactionKind::Refund;
        refund.pos_id += "-refund";
        refund.total = -sale.total;
        refund.time_ms = sale.time_ms + std::uniform_int_distribution<TimeMs>(1, 5)(random_) * 24 * 3'600'000;
        if (refund.time_ms < history_end_ms) {
          store_.upsert_transaction(refund);
          ++result.transactions;
        }
      }
    }
    store_.add_count_events(events);
    // The made-up camera ran through opening hours (up to until_ms): that is the covered time.
    // Kept as a recording's span, so it says nothing of when a live camera was last up.
    const TimeMs counted_until =
        std::min(plan.close_ms + 15 * minute_ms, options_.until_ms.value_or(history_end_ms));
    if (counted_until > plan.open_ms) store_.add_recording_span("main", plan.open_ms, counted_until);
    if (options_.with_roster) store_.add_roster(plan.roster);
    result.count_events += static_cast<std::int64_t>(events.size());
  }

 private:
  std::size_t seller_index(const std::string& name) const {
    const auto found = std::find(options_.sellers.begin(), options_.sellers.end(), name);
    return static_cast<std::size_t>(found - options_.sellers.begin());
  }

  Store& store_;
  const HistoryOptions& options_;
  StoreSettings settings_;
  BusinessClock clock_;
  std::vector<ShiftDefinition> shifts_;
  std::mt19937_64 random_;
};

}  // namespace

HistoryResult generate_history(Store& store, const HistoryOptions& options) {
  if (options.days < 0) throw std::invalid_argument("history: days must not be negative");
  if (options.sellers.empty()) throw std::invalid_argument("history: at least one seller is needed");
  if (options.entries_per_day < 0 || options.transactions_per_day < 0) {
    throw std::invalid_argument("history: entries and transactions per day must not be negative");
  }
  auto settings = store.settings();
  if (!options.zone.empty()) settings.time_zone = options.zone;
  const auto last = parse_date(options.end_date);
  const BusinessClock clock(settings);
  const TimeMs history_end_ms = clock.day_end(last);

  HistoryResult result;
  Generator generator(store, options, settings);
  // A year is one big transaction; a larger page cache keeps SQLite from spilling it to the WAL page by page.
  const auto old_cache = store.db().execAndGet("PRAGMA cache_size").getInt();
  store.db().exec("PRAGMA cache_size = -131072");
  SQLite::Transaction transaction(store.db());
  for (int back = options.days - 1; back >= 0; --back) {
    const auto day = last - date::days{back};
    if (day_has_counts(store, clock.day_start(day), clock.day_end(day))) {
      ++result.days_skipped;
      continue;
    }
    generator.generate_day(generator.plan(day, static_cast<int>(day.time_since_epoch().count())), history_end_ms,
                           result);
    ++result.days_written;
  }
  transaction.commit();
  store.db().exec("PRAGMA cache_size = " + std::to_string(old_cache));
  return result;
}

StoreSettings demo_settings() {
  StoreSettings settings;
  settings.name = "Demo store";
  settings.time_zone = "Europe/Paris";
  settings.currency = "EUR";
  settings.open_minutes = 9 * 60;
  settings.close_minutes = 20 * 60;
  return settings;
}

void seed_demo_day(Store& store, const std::string& date, TimeMs now_ms) {
  const auto today = parse_date(date);
  const auto settings = demo_settings();
  store.save_settings(settings);
  store.set_shifts(default_shifts());

  HistoryOptions options;
  options.days = 28;
  options.end_date = format_date(today - date::days{1});
  options.seed = 20260101;
  options.entries_per_day = 1200;  // a small shop: the kiosk's live camera adds a few hundred a day
  options.transactions_per_day = 150;
  options.median_basket = 7000.0;  // like the till file's tickets, so "vs last week" compares like with like
  // The sellers of assets/demo/sales.csv (scripts/make_demo_sales.py), two per shift.
  options.sellers = {"Анна", "Élodie", "Rémi", "Zoé Martin"};
  for (const auto& seller : options.sellers) store.add_seller_alias(seller, seller);
  generate_history(store, options);

  // Today so far: the door's counts up to now (the live synthetic camera adds to them) and
  // today's roster, once; the sales come from the till file.
  const BusinessClock clock(settings);
  const TimeMs start = clock.day_start(today);
  const TimeMs end = clock.day_end(today);
  if (store.roster(start, end).empty() && now_ms < end) {
    store.add_roster({{"Анна", clock.at_local(today, 9 * 60), clock.at_local(today, 14 * 60)},
                      {"Élodie", clock.at_local(today, 9 * 60), clock.at_local(today, 14 * 60)},
                      {"Rémi", clock.at_local(today, 14 * 60), clock.at_local(today, 20 * 60)},
                      {"Zoé Martin", clock.at_local(today, 14 * 60), clock.at_local(today, 20 * 60)}});
  }
  options.days = 1;
  options.end_date = date;
  options.until_ms = now_ms;
  options.with_sales = false;
  options.with_roster = false;
  generate_history(store, options);
}

}  // namespace footfall::data
