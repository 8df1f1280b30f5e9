#include "footfall/data/locale_format.hpp"

#include <date/tz.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

#include "footfall/data/business_time.hpp"
#include "footfall/data/time_text.hpp"

namespace footfall::data {
namespace {

constexpr const char* narrow_no_break_space = "\u202F";
constexpr const char* no_break_space = "\u00A0";

struct NumberStyle {
  const char* group;
  const char* decimal;
  const char* before_percent;
};

NumberStyle style_of(const std::string& language) {
  if (language == "fr") return {narrow_no_break_space, ",", narrow_no_break_space};
  if (language == "ru") return {no_break_space, ",", no_break_space};
  return {",", ".", ""};
}

std::string grouped(const std::string& digits, const char* group) {
  std::string result;
  const auto size = digits.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (i > 0 && (size - i) % 3 == 0) result += group;
    result += digits[i];
  }
  return result;
}

std::string currency_symbol(const std::string& currency) {
  static const std::map<std::string, std::string> symbols = {{"EUR", "€"},   {"USD", "$"}, {"GBP", "£"},
                                                             {"RUB", "₽"}, {"JPY", "¥"}, {"CHF", "CHF"}};
  const auto found = symbols.find(currency);
  return found != symbols.end() ? found->second : currency;
}

using Dictionary = std::map<std::string, std::pair<const char*, const char*>>;  // key → (fr, ru)

const Dictionary& dictionary() {
  static const Dictionary words = {
      {"Day report", {"Rapport du jour", "Отчёт за день"}},
      {"Range report", {"Rapport de période", "Отчёт за период"}},
      {"Visitors", {"Visiteurs", "Посетители"}},
      {"Entries", {"Entrées", "Входы"}},
      {"Exits", {"Sorties", "Выходы"}},
      {"Buyers", {"Tickets", "Чеки"}},
      {"Conversion", {"Taux de transformation", "Конверсия"}},
      {"95% interval", {"Intervalle à 95 %", "Интервал 95 %"}},
      {"Net sales", {"CA net", "Выручка"}},
      {"Average ticket", {"Panier moyen", "Средний чек"}},
      {"Sales per visitor", {"CA par visiteur", "Выручка на посетителя"}},
      {"Items per ticket", {"Indice de vente", "Товаров в чеке"}},
      {"Units", {"Articles", "Товары"}},
      {"Visitors per staff hour", {"Visiteurs par heure-vendeur", "Посетителей на час персонала"}},
      {"Staff hours", {"Heures-vendeur", "Часы персонала"}},
      {"Floor hours", {"Heures en magasin", "Часы в зале"}},
      {"Camera down (min)", {"Caméra coupée (min)", "Камера не работала (мин)"}},
      {"Hour", {"Heure", "Час"}},
      {"Hours", {"Heures", "Часы"}},
      {"Shift", {"Créneau", "Смена"}},
      {"Shifts", {"Créneaux", "Смены"}},
      {"Seller", {"Vendeur", "Продавец"}},
      {"Sellers", {"Vendeurs", "Продавцы"}},
      {"Period", {"Période", "Период"}},
      {"Day", {"Jour", "День"}},
      {"Week", {"Semaine", "Неделя"}},
      {"Month", {"Mois", "Месяц"}},
      {"Weekday", {"Jour de la semaine", "День недели"}},
      {"Total", {"Total", "Итого"}},
      {"Peak hour", {"Heure de pointe", "Пиковый час"}},
      {"Same time last week", {"Même heure la semaine dernière", "То же время неделю назад"}},
      {"Average of last four", {"Moyenne des quatre derniers", "Среднее за четыре прошлых"}},
      {"Same day last year", {"Même jour l'an dernier", "Тот же день год назад"}},
      {"Comparisons", {"Comparaisons", "Сравнения"}},
      {"%s: %s", {"%s : %s", "%s: %s"}},
      {"Table", {"Tableau", "Таблица"}},
      {"Row", {"Ligne", "Строка"}},
      {"Start", {"Début", "Начало"}},
      {"Note", {"Remarque", "Примечание"}},
      {"partial period: %s", {"période partielle : %s", "неполный период: %s"}},
      {"%s of %s in the range", {"%s sur %s dans la période", "%s из %s в отчёте"}},
      {"%s without camera", {"%s sans caméra", "%s без камеры"}},
      {"%s without sales", {"%s sans ventes", "%s без продаж"}},
      {"† Partial period: the range cuts the week or month, or some of its days had no camera or no sales, "
       "so "
       "its figures are not a whole period's.",
       {"† Période partielle : la période du rapport coupe la semaine ou le mois, ou certains de ses jours "
        "n'ont pas de caméra ou pas de ventes ; ses chiffres ne couvrent donc pas toute la période.",
        "† Неполный период: отчёт захватывает неделю или месяц не целиком, или в какие-то дни не работала "
        "камера или не было продаж, поэтому цифры не за весь период."}},
      {"vs last week", {"vs S-1", "к прошлой неделе"}},
      {"vs the 4-week average", {"vs moyenne S-1 à S-4", "к среднему за 4 недели"}},
      {"%s: no data", {"%s : pas de données", "%s: нет данных"}},
      {"pts", {"pts", "п.п."}},
      {"Data quality", {"Qualité des données", "Качество данных"}},
      {"Last import", {"Dernier import", "Последний импорт"}},
      {"never", {"jamais", "никогда"}},
      {"low data", {"peu de données", "мало данных"}},
      {"camera down", {"caméra coupée", "камера не работала"}},
      {"roster inferred", {"présence déduite", "смена восстановлена"}},
      {"Camera down", {"Caméra coupée", "Камера не работала"}},
      {"Sales but no visitors counted", {"Ventes sans visiteurs comptés", "Продажи без посетителей"}},
      {"No roster: floor time inferred from first and last sale",
       {"Pas de planning : présence déduite de la première et de la dernière vente",
        "Нет графика: время в зале по первой и последней продаже"}},
      {"No data-quality issues", {"Aucun problème de données", "Проблем с данными нет"}},
      {"Hourly visitors, buyers and conversion",
       {"Visiteurs, tickets et taux de transformation par heure", "Посетители, чеки и конверсия по часам"}},
      {"Visitors, buyers and conversion",
       {"Visiteurs, tickets et taux de transformation", "Посетители, чеки и конверсия"}},
      {"Conversion by weekday and hour",
       {"Taux de transformation par jour et heure", "Конверсия по дням недели и часам"}},
      {"as of", {"à", "на"}},
      {"%s h %s min", {"%s h %s min", "%s ч %s мин"}},
      {"camera covered %s of %s open",
       {"caméra active %s sur %s d'ouverture", "камера работала %s из %s работы магазина"}},
      {"%s; partial", {"%s ; partiel", "%s; неполные данные"}},
      {"Camera coverage", {"Couverture caméra", "Работа камеры"}},
      {"no camera", {"pas de caméra", "камера не работала"}},
      {"no visitors", {"aucun visiteur", "нет посетителей"}},
      {"Conversion and sales per visitor use covered time only.",
       {"Le taux de transformation et le CA par visiteur ne portent que sur le temps couvert.",
        "Конверсия и выручка на посетителя считаются только за время работы камеры."}},
      {"buyers above visitors", {"plus de tickets que de visiteurs", "чеков больше, чем посетителей"}},
      {"%s: buyers %s, visitors %s — a data problem, not a real conversion.",
       {"%s : tickets %s, visiteurs %s — problème de données, pas un vrai taux de transformation.",
        "%s: чеков %s, посетителей %s — ошибка данных, а не реальная конверсия."}},
      {"Likely causes: a camera gap, a wrong time zone or door, a till outside the counted entrance.",
       {"Causes probables : une coupure de caméra, un mauvais fuseau horaire ou une mauvaise porte, une "
        "caisse hors de l'entrée comptée.",
        "Вероятные причины: перерыв в работе камеры, неверный часовой пояс или вход, касса вне учитываемого "
        "входа."}},
      {"The day", {"La journée", "За день"}},
      {"Definitions", {"Définitions", "Определения"}},
      {"Visitors: people counted coming in while a camera counted.",
       {"Visiteurs : personnes comptées à l'entrée pendant que la caméra comptait.",
        "Посетители: вошедшие, подсчитанные камерой за время её работы."}},
      {"Buyers: completed sales, one per receipt; voids, cancellations and refunds are not buyers.",
       {"Tickets : ventes conclues, un ticket par vente ; annulations et remboursements ne comptent pas.",
        "Чеки: завершённые продажи, по одной на чек; аннулированные чеки и возвраты не считаются."}},
      {"Conversion: buyers in covered time ÷ visitors.",
       {"Taux de transformation : tickets du temps couvert ÷ visiteurs.",
        "Конверсия: чеки за время работы камеры ÷ посетители."}},
      {"Net sales: sales minus refunds, each on the day it happened.",
       {"CA net : ventes moins remboursements, chacun le jour où il a eu lieu.",
        "Выручка: продажи минус возвраты; возврат учитывается в день, когда он был."}},
      {"Average ticket: net sales ÷ buyers, so average ticket × buyers = net sales.",
       {"Panier moyen : CA net ÷ tickets, donc panier moyen × tickets = CA net.",
        "Средний чек: выручка ÷ чеки, поэтому средний чек × чеки = выручка."}},
      {"Sales per visitor: net sales in covered time ÷ visitors, so sales per visitor × visitors = net "
       "sales in covered time.",
       {"CA par visiteur : CA net du temps couvert ÷ visiteurs, donc CA par visiteur × visiteurs = CA net du "
        "temps couvert.",
        "Выручка на посетителя: выручка за время работы камеры ÷ посетители, поэтому выручка на посетителя × "
        "посетители = выручка за это время."}},
      {"Items per ticket: items sold ÷ buyers.",
       {"Indice de vente : articles vendus ÷ tickets.", "Товаров в чеке: проданные товары ÷ чеки."}},
      {"Covered time: the time a camera counted; any other time is a gap, not zero visitors.",
       {"Temps couvert : le temps où une caméra comptait ; le reste est une lacune, pas zéro visiteur.",
        "Время работы камеры: время, когда камера считала; остальное — пропуск, а не ноль посетителей."}},
      {"A seller's visitors are everyone counted while the seller was on the floor (the roster, or first to "
       "last sale without one). Sellers on the floor together are each credited with all of those "
       "visitors, so the sellers' visitors add up to more than the store's; buyers are each seller's own "
       "sales.",
       {"Les visiteurs d'un vendeur sont toutes les personnes comptées pendant sa présence en magasin (le "
        "planning, ou de la première à la dernière vente sans planning). Des vendeurs présents ensemble "
        "reçoivent chacun tous ces visiteurs : leur somme dépasse donc les visiteurs du magasin ; les "
        "tickets sont les ventes de chaque vendeur.",
        "Посетители продавца — все вошедшие, пока он был в зале (по графику, а без графика — от первой до "
        "последней продажи). Продавцам, работавшим в зале одновременно, засчитываются все эти посетители "
        "каждому, поэтому в сумме их больше, чем у магазина; чеки — собственные продажи продавца."}},
      {"Camera down on door %s %s–%s%s: excluded from conversion",
       {"Caméra coupée sur la porte %s %s–%s%s : exclu du taux de transformation",
        "Камера не работала на входе %s %s–%s%s: исключено из конверсии"}},
      {"Camera down on door %s from %s %s for %s min%s",
       {"Caméra coupée sur la porte %s le %s à %s pendant %s min%s",
        "Камера не работала на входе %s с %s %s, %s мин%s"}},
      {"%s: conversion and sales per visitor use covered time only",
       {"%s : le taux de transformation et le CA par visiteur ne portent que sur le temps couvert",
        "%s: конверсия и выручка на посетителя считаются только за время работы камеры"}},
      {"Sales at %s but no visitors counted",
       {"Ventes à %s sans visiteurs comptés", "Продажи в %s без посетителей"}},
      {"No roster for %s: floor time inferred from first and last sale",
       {"Pas de planning pour %s : présence déduite de la première et de la dernière vente",
        "Нет графика для %s: время в зале по первой и последней продаже"}},
      {"No roster for %s on %s: floor time inferred from first and last sale",
       {"Pas de planning pour %s sur %s : présence déduite de la première et de la dernière vente",
        "Нет графика для %s (%s): время в зале по первой и последней продаже"}},
      {"Mon", {"lun.", "пн"}},
      {"Tue", {"mar.", "вт"}},
      {"Wed", {"mer.", "ср"}},
      {"Thu", {"jeu.", "чт"}},
      {"Fri", {"ven.", "пт"}},
      {"Sat", {"sam.", "сб"}},
      {"Sun", {"dim.", "вс"}},
      {"Monday", {"lundi", "понедельник"}},
      {"Tuesday", {"mardi", "вторник"}},
      {"Wednesday", {"mercredi", "среда"}},
      {"Thursday", {"jeudi", "четверг"}},
      {"Friday", {"vendredi", "пятница"}},
      {"Saturday", {"samedi", "суббота"}},
      {"Sunday", {"dimanche", "воскресенье"}},
      // A day of the month ("1 décembre", "1 декабря": Russian takes the genitive) and a month heading.
      {"%s January", {"%s janvier", "%s января"}},
      {"%s February", {"%s février", "%s февраля"}},
      {"%s March", {"%s mars", "%s марта"}},
      {"%s April", {"%s avril", "%s апреля"}},
      {"%s May", {"%s mai", "%s мая"}},
      {"%s June", {"%s juin", "%s июня"}},
      {"%s July", {"%s juillet", "%s июля"}},
      {"%s August", {"%s août", "%s августа"}},
      {"%s September", {"%s septembre", "%s сентября"}},
      {"%s October", {"%s octobre", "%s октября"}},
      {"%s November", {"%s novembre", "%s ноября"}},
      {"%s December", {"%s décembre", "%s декабря"}},
      {"January %s", {"janvier %s", "январь %s"}},
      {"February %s", {"février %s", "февраль %s"}},
      {"March %s", {"mars %s", "март %s"}},
      {"April %s", {"avril %s", "апрель %s"}},
      {"May %s", {"mai %s", "май %s"}},
      {"June %s", {"juin %s", "июнь %s"}},
      {"July %s", {"juillet %s", "июль %s"}},
      {"August %s", {"août %s", "август %s"}},
      {"September %s", {"septembre %s", "сентябрь %s"}},
      {"October %s", {"octobre %s", "октябрь %s"}},
      {"November %s", {"novembre %s", "ноябрь %s"}},
      {"December %s", {"décembre %s", "декабрь %s"}},
      // A noun's forms after a count (format_count): one|other; Russian one|few|many.
      {"visitor|visitors", {"visiteur|visiteurs", "посетитель|посетителя|посетителей"}},
      {"buyer|buyers", {"ticket|tickets", "чек|чека|чеков"}},
      {"day|days", {"jour|jours", "день|дня|дней"}},
  };
  return words;
}

constexpr std::array<const char*, 7> weekday_names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> day_of_month_patterns = {
    "%s January", "%s February", "%s March",     "%s April",   "%s May",      "%s June",
    "%s July",    "%s August",   "%s September", "%s October", "%s November", "%s December"};
constexpr std::array<const char*, 12> month_patterns = {
    "January %s", "February %s", "March %s",     "April %s",   "May %s",      "June %s",
    "July %s",    "August %s",   "September %s", "October %s", "November %s", "December %s"};

// Day, month and year of "YYYY-MM-DD".
std::optional<date::year_month_day> parse_ymd(const std::string& iso_date) {
  const auto day = try_parse_date(iso_date);
  if (!day) return std::nullopt;
  return date::year_month_day{*day};
}

// Which of a noun's forms follows `count`: CLDR's cardinal rules for whole numbers.
std::size_t plural_index(std::int64_t count, const std::string& language) {
  const std::int64_t n = count < 0 ? -count : count;
  if (language == "ru") {
    if (n % 10 == 1 && n % 100 != 11) return 0;
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 1;
    return 2;
  }
  if (language == "fr") return n <= 1 ? 0 : 1;
  return n == 1 ? 0 : 1;
}

}  // namespace

std::string format_number(double value, int decimals, const std::string& language) {
  const auto style = style_of(language);
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, std::fabs(value));
  std::string plain(text);
  const auto point = plain.find('.');
  std::string result = grouped(plain.substr(0, point), style.group);
  if (point != std::string::npos) result.append(style.decimal).append(plain, point + 1);
  if (value < 0 && result.find_first_not_of("0.,") != std::string::npos) result.insert(0, 1, '-');
  return result;
}

std::string format_integer(std::int64_t value, const std::string& language) {
  std::string result = grouped(std::to_string(value < 0 ? -value : value), style_of(language).group);
  if (value < 0) result.insert(0, 1, '-');
  return result;
}

std::string format_percent(double fraction, int decimals, const std::string& language) {
  return format_number(fraction * 100.0, decimals, language) + style_of(language).before_percent + "%";
}

int currency_decimals(const std::string& currency) {
  return currency == "JPY" || currency == "KRW" || currency == "CLP" || currency == "ISK" ? 0 : 2;
}

std::string format_money(double minor_units, const std::string& currency, const std::string& language) {
  const int decimals = currency_decimals(currency);
  const double major = minor_units / std::pow(10.0, decimals);
  const std::string amount = format_number(std::fabs(major), decimals, language);
  std::string result = major < 0 && amount.find_first_not_of("0.,") != std::string::npos ? "-" : "";
  if (language == "fr" || language == "ru") {
    result.append(amount).append(no_break_space).append(currency_symbol(currency));
  } else {
    result.append(currency_symbol(currency)).append(amount);
  }
  return result;
}

std::string format_money(Money minor_units, const std::string& currency, const std::string& language) {
  return format_money(static_cast<double>(minor_units), currency, language);
}

std::string translate(const std::string& key, const std::string& language) {
  if (language != "fr" && language != "ru") return key;
  const auto found = dictionary().find(key);
  if (found == dictionary().end()) return key;
  return language == "fr" ? found->second.first : found->second.second;
}

std::string fill(const std::string& pattern, std::initializer_list<std::string> values) {
  std::string out;
  auto next = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 's') {
      if (next != values.end()) out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string format_duration(int minutes, const std::string& language) {
  char rest[8];
  std::snprintf(rest, sizeof rest, "%02d", minutes % 60);
  return fill(translate("%s h %s min", language), {std::to_string(minutes / 60), rest});
}

std::string format_coverage(int covered_open_minutes, int open_minutes, bool partial,
                            const std::string& language) {
  const std::string text =
      fill(translate("camera covered %s of %s open", language),
           {format_duration(covered_open_minutes, language), format_duration(open_minutes, language)});
  return partial ? fill(translate("%s; partial", language), {text}) : text;
}

std::string format_buyers_above_visitors(const std::string& when, std::int64_t buyers, std::int64_t visitors,
                                         const std::string& language) {
  return fill(translate("%s: buyers %s, visitors %s — a data problem, not a real conversion.", language),
              {when, format_integer(buyers, language), format_integer(visitors, language)}) +
         " " +
         translate(
             "Likely causes: a camera gap, a wrong time zone or door, a till outside the counted entrance.",
             language);
}

std::string format_short_date(const std::string& iso_date, const std::string& language) {
  const auto ymd = parse_ymd(iso_date);
  if (!ymd || (language != "fr" && language != "ru")) return iso_date;
  char text[16];
  std::snprintf(text, sizeof text, language == "fr" ? "%02u/%02u/%04d" : "%02u.%02u.%04d",
                static_cast<unsigned>(ymd->day()), static_cast<unsigned>(ymd->month()),
                static_cast<int>(ymd->year()));
  return text;
}

std::string format_long_date(const std::string& iso_date, const std::string& language) {
  const auto ymd = parse_ymd(iso_date);
  if (!ymd) return iso_date;
  const auto weekday = static_cast<std::size_t>(weekday_index(date::local_days{*ymd}));
  const auto month = static_cast<std::size_t>(static_cast<unsigned>(ymd->month()) - 1);
  const std::string day_month = fill(translate(day_of_month_patterns.at(month), language),
                                     {std::to_string(static_cast<unsigned>(ymd->day()))});
  return translate(weekday_names.at(weekday), language) + (language == "ru" ? ", " : " ") + day_month + " " +
         std::to_string(static_cast<int>(ymd->year()));
}

std::string format_month(const std::string& iso_month, const std::string& language) {
  const auto ymd = parse_ymd(iso_month + "-01");
  if (!ymd) return iso_month;
  const auto month = static_cast<std::size_t>(static_cast<unsigned>(ymd->month()) - 1);
  return fill(translate(month_patterns.at(month), language), {std::to_string(static_cast<int>(ymd->year()))});
}

std::string format_date_time(TimeMs time_ms, const std::string& time_zone, const std::string& language) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(time_ms)};
  date::local_time<std::chrono::milliseconds> local{instant.time_since_epoch()};
  try {
    local = date::locate_zone(time_zone)->to_local(instant);
  } catch (const std::exception&) {
  }  // an unknown zone reads as UTC, as format_clock does
  const auto day = date::floor<date::days>(local);
  const auto minutes = std::chrono::floor<std::chrono::minutes>(local - day);
  return format_short_date(format_date(day), language) + " " + clock_text(static_cast<int>(minutes.count()));
}

std::string format_count(std::int64_t count, const std::string& forms, const std::string& language) {
  const std::string words = translate(forms, language);
  std::size_t index = plural_index(count, language);
  std::size_t begin = 0;
  for (; index > 0; --index) {
    const auto bar = words.find('|', begin);
    if (bar == std::string::npos) break;  // fewer forms than the rule wants: the last one
    begin = bar + 1;
  }
  const auto end = words.find('|', begin);
  return format_integer(count, language) + " " +
         words.substr(begin, end == std::string::npos ? end : end - begin);
}

std::string format_clock(TimeMs time_ms, const std::string& time_zone) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(time_ms)};
  std::chrono::minutes minutes_of_day{};
  try {
    const auto local = date::locate_zone(time_zone)->to_local(instant);
    minutes_of_day = std::chrono::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
  } catch (const std::exception&) {
    minutes_of_day = std::chrono::floor<std::chrono::minutes>(instant - date::floor<date::days>(instant));
  }
  return clock_text(static_cast<int>(minutes_of_day.count()));
}

}  // namespace footfall::data
