#include "commands/cli.hpp"

#include "commands/commands.hpp"
#include "config/config.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <utility>

namespace footfall::app {
namespace {

void add_common(CLI::App& command, CommonOptions& common) {
  command.add_option("--db", common.db, "SQLite database file (default: $XDG_DATA_HOME/footfall/footfall.db)");
  command.add_option("--config", common.config, "TOML configuration file (default: the bundled assets/config.toml)")
      ->check(CLI::ExistingFile);
}

bool is_subcommand(CLI::App& app, const std::string& name) {
  try {
    return app.get_subcommand(name) != nullptr;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Footfall: counts visitors at the shop door and shows offline conversion (buyers / visitors)."};
  // Where the assets come from tells support whether an installed package or a build tree runs.
  app.set_version_flag("--version", [] { return std::string("footfall ") + FOOTFALL_VERSION + "\nassets: " + assets_dir().string(); });
  app.require_subcommand(1, 1);
  app.footer("Run 'footfall COMMAND --help' for a command's options.");

  KioskCommand kiosk;
  auto* kiosk_cmd = app.add_subcommand("kiosk", "Open the counter screen (camera, counting, live conversion)");
  add_common(*kiosk_cmd, kiosk.common);
  kiosk_cmd->add_option("--source", kiosk.source, "Camera source, overriding the config");
  kiosk_cmd->add_flag("--fullscreen", kiosk.fullscreen, "Kiosk mode: fullscreen, no decorations");
  kiosk_cmd->add_flag("--windowed", kiosk.windowed, "Back-office mode: a normal window");
  kiosk_cmd->add_option("--language", kiosk.language, "en, fr or ru")->check(CLI::IsMember({"en", "fr", "ru"}));
  kiosk_cmd->add_option("--screenshot", kiosk.screenshot, "Render, save the screen as PNG to FILE and exit");
  kiosk_cmd->add_option("--after", kiosk.after_s, "Seconds to run before the screenshot")
      ->check(CLI::Range(0.0, 3600.0));
  kiosk_cmd->add_option("--import", kiosk.import_file, "Import this POS export at start, as if dropped on the window")
      ->check(CLI::ExistingFile);
  kiosk_cmd->add_option("--screen", kiosk.screen, "Open this screen at start: settings, tally or setup")
      ->check(CLI::IsMember({"settings", "tally", "contest", "setup"}));
  kiosk_cmd->add_flag("--restore-if-damaged", kiosk.restore_if_damaged,
                      "If the database fails its integrity check, put the newest backup back and start");
  kiosk_cmd->add_flag("--set-pin", kiosk.set_pin, "Read a new admin PIN from standard input and print its hash");

  KioskCommand demo;
  demo.demo = true;
  auto* demo_cmd = app.add_subcommand("demo", "The kiosk on the bundled demo: a synthetic door and demo sales");
  demo_cmd->add_option("--db", demo.common.db, "Demo database (default: a fresh file in the temp folder)");
  demo_cmd->add_flag("--fullscreen", demo.fullscreen, "Kiosk mode: fullscreen, no decorations");
  demo_cmd->add_option("--language", demo.language, "en, fr or ru")->check(CLI::IsMember({"en", "fr", "ru"}));
  demo_cmd->add_option("--screenshot", demo.screenshot, "Render, save the screen as PNG to FILE and exit");
  demo_cmd->add_option("--import", demo.import_file, "Import this POS export at start, as if dropped on the window")
      ->check(CLI::ExistingFile);
  demo_cmd->add_option("--screen", demo.screen, "Open this screen at start: settings, tally or setup")
      ->check(CLI::IsMember({"settings", "tally", "contest", "setup"}));
  demo_cmd->add_option("--after", demo.after_s, "Seconds to run before the screenshot")->check(CLI::Range(0.0, 3600.0));

  CountCommand count;
  auto* count_cmd = app.add_subcommand("count", "Count a camera, stream or video file headless into the database");
  add_common(*count_cmd, count.common);
  count_cmd->add_option("source", count.source, "synthetic[:seed], camera index, /dev/videoN, rtsp:// URL or file");
  count_cmd->add_option("--detector", count.detector, "auto, background, dnn or hog");
  count_cmd->add_option("--model", count.model, "DNN weights (.weights or .onnx)")->check(CLI::ExistingFile);
  count_cmd->add_option("--start", count.start,
                       "Time of a recording's first frame, e.g. 2026-11-23T09:00:00+01:00 (default: the file's creation_time)");
  count_cmd->add_option("--fps", count.fps, "Override the container's frame rate")->check(CLI::PositiveNumber);
  count_cmd->add_option("--seconds", count.seconds, "Stop after this many seconds of video")
      ->check(CLI::PositiveNumber);
  count_cmd->add_flag("--json", count.json, "Print each crossing as a JSON line on standard output");
  count_cmd->add_flag("--quiet", count.quiet, "No progress line");

  AuditCommand audit;
  auto* audit_cmd = app.add_subcommand(
      "audit", "Record a short clip with the line and the counts drawn on it, to check the counter by eye");
  add_common(*audit_cmd, audit.common);
  audit_cmd->add_option("source", audit.source, "The camera to audit (default: the configured one)");
  audit_cmd->add_option("--minutes", audit.minutes, "How long to record (default 10)")->check(CLI::Range(0.01, 120.0));
  audit_cmd->add_option("--to", audit.to, "Folder for the clip (default: audits/ beside the database)");

  ImportCommand import;
  auto* import_cmd = app.add_subcommand("import", "Import POS sales exports (CSV) beside the counts");
  add_common(*import_cmd, import.common);
  import_cmd->add_option("files", import.files, "CSV files to import")->required()->check(CLI::ExistingFile);
  import_cmd->add_option("--profile", import.profile,
                         "auto, square-items, square-transactions, shopify, loyverse, payments or generic");
  import_cmd->add_option("--profile-file", import.profile_file, "A TOML profile for the generic importer")
      ->check(CLI::ExistingFile);
  import_cmd->add_option("--date", import.date, "Date (YYYY-MM-DD) for files that carry times only");
  import_cmd->add_option("--default-time", import.default_time,
                         "Time of day (HH:MM, local) for rows that carry a day but no time; without it they are errors");
  import_cmd->add_option("--currency", import.currency,
                         "ISO 4217 code (e.g. EUR) for exports with no currency column; default: the symbol of their "
                         "amounts ($ is USD), else the store's");
  import_cmd->add_flag("--dry-run", import.dry_run, "Show what would change, change nothing");
  import_cmd->add_flag("--skip-bad-rows", import.skip_bad_rows, "Import the good rows, write the bad ones aside");
  import_cmd->add_option("--reject-file", import.reject_file, "Where --skip-bad-rows writes rejected rows");
  import_cmd->add_flag("--guess", import.guess, "Propose a generic TOML profile for the file and import nothing");

  ReportCommand report;
  auto* report_cmd = app.add_subcommand("report", "Daily summaries and period comparisons");
  report_cmd->require_subcommand(1, 1);
  auto* day_cmd = report_cmd->add_subcommand("day", "One business day's summary");
  add_common(*day_cmd, report.common);
  day_cmd->add_option("date", report.date, "YYYY-MM-DD (default: the last complete business day)");
  auto* range_cmd = report_cmd->add_subcommand("range", "Any period, grouped");
  add_common(*range_cmd, report.common);
  range_cmd->add_option("--from", report.from, "First business day, YYYY-MM-DD")->required();
  range_cmd->add_option("--to", report.to, "Last business day, YYYY-MM-DD")->required();
  range_cmd->add_option("--by", report.by, "hour, day, week, month, shift, seller or weekday")
      ->check(CLI::IsMember({"hour", "day", "week", "month", "shift", "seller", "weekday"}));
  auto* contest_cmd = report_cmd->add_subcommand(
      "contest", "The seller contest: sellers ranked by conversion this week or month");
  add_common(*contest_cmd, report.common);
  contest_cmd->add_option("--period", report.period, "week (from Monday) or month (from the 1st)")
      ->check(CLI::IsMember({"week", "month"}));
  contest_cmd->add_option("--date", report.date, "Up to this business day, YYYY-MM-DD (default: today)");
  for (auto* sub : {day_cmd, range_cmd, contest_cmd}) {
    sub->add_option("--format", report.format,
                    "text, csv (for programs: epoch ms, '.' decimals), json, md, html, or spreadsheet (a CSV "
                    "in the store's language: ';' and decimal comma in fr/ru, local date-times, UTF-8 BOM)")
        ->check(CLI::IsMember({"text", "csv", "json", "md", "html", "spreadsheet"}));
    sub->add_option("--output,-o", report.output, "Write to FILE instead of standard output");
    sub->add_option("--language", report.language, "en, fr or ru (default: the store's)")
        ->check(CLI::IsMember({"en", "fr", "ru"}));
  }

  StoreCommand store;
  auto* store_cmd = app.add_subcommand("store", "The store profile: name, language, time zone, hours, currency");
  store_cmd->require_subcommand(1, 1);
  auto* store_show_cmd = store_cmd->add_subcommand("show", "Print the store profile");
  add_common(*store_show_cmd, store.common);
  auto* store_set_cmd = store_cmd->add_subcommand("set", "Change one field of the store profile");
  add_common(*store_set_cmd, store.common);
  store_set_cmd->add_option("key", store.key,
                            "name, language, time_zone, day_start, open, close, currency, visitor_rule or "
                            "low_data_visitors")
      ->required();
  store_set_cmd->add_option("value", store.value, "The new value, e.g. fr, Europe/Paris, 09:30, EUR")->required();

  EvalCommand eval;
  auto* eval_cmd = app.add_subcommand("eval", "Score the counter against ground-truth crossings");
  eval_cmd->add_option("--truth", eval.truth_files, "Truth file(s) (JSON), or a folder of them")
      ->required()
      ->check(CLI::ExistingPath);
  eval_cmd->add_option("--detector", eval.detector, "auto, background, dnn or hog");
  eval_cmd->add_option("--model", eval.model, "DNN weights (.weights or .onnx)")->check(CLI::ExistingFile);
  eval_cmd->add_flag("--json", eval.json, "Print the scores as JSON");
  eval_cmd->add_option("--debug-dir", eval.debug_dir,
                       "Write a strip of annotated frames around each miss and extra here (for developers)");

  BenchCommand bench;
  auto* bench_cmd = app.add_subcommand("bench", "Measure speed as ratios against references run alongside");
  add_common(*bench_cmd, bench.common);
  bench_cmd->add_option("--only", bench.only, "Run only these: vision, store, import, ui, chain");
  bench_cmd->add_flag("--quick", bench.quick, "Smaller inputs, for a smoke run");

  BackupCommand backup;
  auto* backup_cmd = app.add_subcommand("backup", "Copy the database safely, even while the kiosk runs");
  add_common(*backup_cmd, backup.common);
  backup_cmd->add_option("--to", backup.to, "Target file (default: backups/footfall-DATE-TIME.db beside the database, where restore looks)");
  BackupCommand restore;
  restore.restore = true;
  auto* restore_cmd = app.add_subcommand("restore", "Replace the database with a backup (stop the kiosk first)");
  add_common(*restore_cmd, restore.common);
  restore_cmd->add_option("backup", restore.from, "The backup file (default: the newest in backups/)")
      ->check(CLI::ExistingFile);

  SyncCommand sync;
  auto* sync_cmd = app.add_subcommand("sync", "Push what changed since the last sync to the chain's central PostgreSQL");
  add_common(*sync_cmd, sync.common);
  sync_cmd->add_option("--server", sync.server,
                       "libpq URL, e.g. postgresql://store_paris@hq.example.com/chain?sslmode=verify-full "
                       "(default: [chain] server)");
  sync_cmd->add_option("--store-code", sync.store_code, "This store's code on the server (default: [chain] store_code)");
  sync_cmd->add_option("--credentials", sync.credentials,
                       "libpq password file (host:port:db:user:password), chmod 600 (default: [chain] credentials, "
                       "else PGPASSFILE or ~/.pgpass)");
  sync_cmd->add_option("--batch", sync.batch_rows, "Rows per server transaction")->check(CLI::Range(1, 100000));
  sync_cmd->add_flag("--status", sync.status, "Only say what waits to be sent (no server needed)");

  ChainCommand chain;
  auto* chain_cmd = app.add_subcommand("chain", "The head office's side of a chain: schema, stores, reports");
  chain_cmd->require_subcommand(1, 1);
  auto add_server = [&](CLI::App& sub) {
    sub.add_option("--server", chain.server, "libpq URL of the central database (the owner's login)")->required();
    sub.add_option("--credentials", chain.credentials, "libpq password file, chmod 600 (default: PGPASSFILE or ~/.pgpass)");
  };
  auto* migrate_cmd = chain_cmd->add_subcommand("migrate", "Create or upgrade the central schema");
  add_server(*migrate_cmd);
  auto* add_store_cmd = chain_cmd->add_subcommand(
      "add-store", "Register a store and make its login; reads its new password from standard input");
  add_server(*add_store_cmd);
  add_store_cmd->add_option("--code", chain.code, "The store's code: a-z, 0-9 and _")->required();
  add_store_cmd->add_option("--region", chain.region, "The store's region, for --by region");
  auto* chain_report_cmd = chain_cmd->add_subcommand("report", "Compare the chain's stores from the central database");
  add_server(*chain_report_cmd);
  chain_report_cmd->add_option("--from", chain.from, "First business day, YYYY-MM-DD (default: 7 days ago)");
  chain_report_cmd->add_option("--to", chain.to, "Last business day, YYYY-MM-DD (default: yesterday)");
  chain_report_cmd->add_option("--by", chain.by, "store, region, day, week, month, weekday, shift or seller")
      ->check(CLI::IsMember({"store", "region", "day", "week", "month", "weekday", "shift", "seller"}));
  chain_report_cmd->add_option("--format", chain.format, "text, csv, json, md or html")
      ->check(CLI::IsMember({"text", "csv", "json", "md", "html"}));
  chain_report_cmd->add_option("-o,--output", chain.output, "Write to this file instead of standard output");

  if (argc > 1 && argv[1][0] != '-' && !is_subcommand(app, argv[1])) {
    std::cerr << "footfall: unknown command '" << argv[1] << "'\n" << "Run 'footfall --help' for the commands.\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }

  try {
    if (*kiosk_cmd) return run_kiosk_command(kiosk);
    if (*demo_cmd) return run_kiosk_command(demo);
    if (*count_cmd) return run_count_command(count);
    if (*audit_cmd) return run_audit_command(audit);
    if (*import_cmd) return run_import_command(import);
    if (*day_cmd) {
      report.kind = "day";
      return run_report_command(report);
    }
    if (*range_cmd) {
      report.kind = "range";
      return run_report_command(report);
    }
    if (*contest_cmd) {
      report.kind = "contest";
      return run_report_command(report);
    }
    if (*store_show_cmd) return run_store_command(store);
    if (*store_set_cmd) {
      store.set = true;
      return run_store_command(store);
    }
    if (*eval_cmd) return run_eval_command(eval);
    if (*bench_cmd) return run_bench_command(bench);
    if (*backup_cmd) return run_backup_command(backup);
    if (*restore_cmd) return run_backup_command(restore);
    if (*sync_cmd) return run_sync_command(sync);
    for (const auto& [sub, kind] : {std::pair{migrate_cmd, "migrate"}, std::pair{add_store_cmd, "add-store"},
                                    std::pair{chain_report_cmd, "report"}}) {
      if (*sub) {
        chain.kind = kind;
        return run_chain_command(chain);
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "footfall: " << error.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace footfall::app
