#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace footfall::ui {

enum class Language { En, Fr, Ru };

std::optional<Language> parse_language(std::string_view code);  // "en", "fr", "ru"
const char* language_code(Language language);

// Every visible string of the kiosk; the table in translations.cpp has one row per entry, in this order.
enum class Text : std::size_t {
  Visitors,
  Buyers,
  Conversion,
  NetSales,
  AverageTicket,
  SalesPerVisitor,
  InsideNow,
  VsLastWeek,
  LowData,
  Range95,
  NoSalesImported,
  NoVisitorsCounted,
  PointsUnit,
  InOutFormat,
  Today,
  HourlyTitle,
  LastWeek,
  Now,
  CameraDownHours,
  NoFiguresYet,
  Shifts,
  Sellers,
  Shift,
  Seller,
  Transactions,
  FloorHours,
  RosterInferred,
  NoShifts,
  NoSellers,
  Camera,
  Fps,
  FrameAge,
  CameraStarting,
  CameraDown,
  CameraFrozen,
  Inside,
  In,
  Out,
  NoCameraImage,
  Import,
  DropHint,
  Profile,
  File,
  Importing,
  ImportFailed,
  ImportDone,
  Settings,
  AdminPin,
  Unlock,
  WrongPin,
  NoPinSet,
  Language,
  EditLine,
  EditLineHint,
  SaveLine,
  Close,
  Store,
  Currency,
  EnglishName,
  FrenchName,
  RussianName,
  WarnCameraDown,
  WarnNoSales,
  WarnFewVisitors,
  WarnNoFigures,
  WorkerError,
  DataNotes,
  LastImport,
  CameraSource,
  CameraSourceHint,
  Detector,
  DetectorAuto,
  DetectorBackground,
  DetectorDnn,
  DetectorHog,
  ModelFile,
  Door,
  ImportFolder,
  ImportFolderHint,
  TimeZone,
  DayStartsAt,
  Start,
  End,
  Days,
  MondayShort,
  TuesdayShort,
  WednesdayShort,
  ThursdayShort,
  FridayShort,
  SaturdayShort,
  SundayShort,
  AddShift,
  Remove,
  RosterToday,
  Add,
  NoRosterToday,
  Save,
  Saved,
  SavedInMemory,
  NotSaved,
  SettingsFile,
  SettingsInMemory,
  ErrSourceEmpty,
  ErrBadZone,
  ErrCutoff,
  ErrTime,
  ErrShiftName,
  ErrShiftOrder,
  ErrShiftDays,
  ErrSellerEmpty,
  ErrRosterOrder,
  ImportSummary,
  RejectedRows,
  NothingImported,
  PreviewTitle,
  Time,
  Kind,
  Amount,
  PosId,
  KindSale,
  KindRefund,
  KindVoid,
  KindCancelled,
  WatchFolder,
  Imported,
  Rejected,
  LabelValue,
  Count
};

struct Translation {
  Text id;
  const char* key;
  const char* en;
  const char* fr;
  const char* ru;
};

std::span<const Translation> translation_table();
const char* tr(Language language, Text text);

}  // namespace footfall::ui
