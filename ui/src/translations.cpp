#include "footfall/ui/translations.hpp"

#include <array>

namespace footfall::ui {
namespace {

constexpr std::array translations{
    Translation{Text::Visitors, "visitors", "Visitors", "Visiteurs", "Посетители"},
    Translation{Text::Buyers, "buyers", "Buyers", "Acheteurs", "Покупатели"},
    Translation{Text::Conversion, "conversion", "Conversion", "Conversion", "Конверсия"},
    Translation{Text::NetSales, "net_sales", "Net sales", "Ventes nettes", "Чистые продажи"},
    Translation{Text::AverageTicket, "average_ticket", "Average ticket", "Panier moyen", "Средний чек"},
    Translation{Text::SalesPerVisitor, "sales_per_visitor", "Sales per visitor", "Ventes par visiteur",
                "Продажи на посетителя"},
    Translation{Text::InsideNow, "inside_now", "Inside now", "Présents", "Сейчас в магазине"},
    Translation{Text::VsLastWeek, "vs_last_week", "vs last week", "vs sem. dernière", "к прошлой неделе"},
    Translation{Text::LowData, "low_data", "low data", "peu de données", "мало данных"},
    Translation{Text::Range95, "range_95", "95% range", "intervalle 95 %", "интервал 95 %"},
    Translation{Text::NoSalesImported, "no_sales_imported", "no sales imported", "ventes non importées",
                "продажи не загружены"},
    Translation{Text::NoVisitorsCounted, "no_visitors_counted", "no visitors counted",
                "aucun visiteur compté", "посетители не подсчитаны"},
    Translation{Text::PointsUnit, "points_unit", "pts", "pts", "п.п."},
    Translation{Text::InOutFormat, "in_out", "in %s · out %s", "entrées %s · sorties %s",
                "вход %s · выход %s"},
    Translation{Text::Today, "today", "Today", "Aujourd’hui", "Сегодня"},
    Translation{Text::HourlyTitle, "hourly_title", "By hour", "Par heure", "По часам"},
    Translation{Text::LastWeek, "last_week", "Last week", "Semaine dernière", "Прошлая неделя"},
    Translation{Text::Now, "now", "now", "maintenant", "сейчас"},
    Translation{Text::CameraDownHours, "camera_down_hours", "camera down", "caméra coupée",
                "камера не работала"},
    Translation{Text::NoFiguresYet, "no_figures_yet", "No figures yet", "Pas encore de chiffres",
                "Данных пока нет"},
    Translation{Text::Shifts, "shifts", "Shifts", "Équipes", "Смены"},
    Translation{Text::Sellers, "sellers", "Sellers", "Vendeurs", "Продавцы"},
    Translation{Text::Shift, "shift", "Shift", "Équipe", "Смена"},
    Translation{Text::Seller, "seller", "Seller", "Vendeur", "Продавец"},
    Translation{Text::Transactions, "transactions", "Sales", "Ventes", "Чеки"},
    Translation{Text::FloorHours, "floor_hours", "Hours", "Heures", "Часы"},
    Translation{Text::RosterInferred, "roster_inferred", "hours guessed from sales",
                "heures déduites des ventes", "часы определены по продажам"},
    Translation{Text::NoShifts, "no_shifts", "No shifts defined", "Aucune équipe définie", "Смены не заданы"},
    Translation{Text::NoSellers, "no_sellers", "No seller sales yet", "Pas encore de ventes par vendeur",
                "Продаж по продавцам пока нет"},
    Translation{Text::Camera, "camera", "Camera", "Caméra", "Камера"},
    Translation{Text::Fps, "fps", "fps", "i/s", "к/с"},
    Translation{Text::FrameAge, "frame_age", "frame age", "âge de l’image", "возраст кадра"},
    Translation{Text::CameraStarting, "camera_starting", "Camera starting…", "Démarrage de la caméra…",
                "Камера запускается…"},
    Translation{Text::CameraDown, "camera_down", "CAMERA DOWN — visitors are not counted",
                "CAMÉRA COUPÉE — les visiteurs ne sont pas comptés",
                "КАМЕРА НЕ РАБОТАЕТ — посетители не считаются"},
    Translation{Text::CameraFrozen, "camera_frozen", "CAMERA FROZEN — no new frames",
                "CAMÉRA FIGÉE — plus de nouvelles images", "КАМЕРА ЗАВИСЛА — нет новых кадров"},
    Translation{Text::Inside, "inside", "inside", "intérieur", "внутрь"},
    Translation{Text::In, "in", "in", "entrée", "вход"},
    Translation{Text::Out, "out", "out", "sortie", "выход"},
    Translation{Text::NoCameraImage, "no_camera_image", "No image", "Pas d’image", "Нет изображения"},
    Translation{Text::Import, "import", "Import", "Import", "Импорт"},
    Translation{Text::DropHint, "drop_hint", "Drop a POS export file on this window to import sales",
                "Déposez un export de caisse sur cette fenêtre pour importer les ventes",
                "Перетащите выгрузку кассы в это окно, чтобы загрузить продажи"},
    Translation{Text::Profile, "profile", "Profile", "Profil", "Профиль"},
    Translation{Text::File, "file", "File", "Fichier", "Файл"},
    Translation{Text::Importing, "importing", "Importing…", "Import en cours…", "Загрузка…"},
    Translation{Text::ImportFailed, "import_failed", "Import failed", "Échec de l’import", "Ошибка загрузки"},
    Translation{Text::ImportDone, "import_done", "Import finished", "Import terminé", "Загрузка завершена"},
    Translation{Text::Settings, "settings", "Settings", "Réglages", "Настройки"},
    Translation{Text::AdminPin, "admin_pin", "Admin PIN", "Code administrateur", "PIN администратора"},
    Translation{Text::Unlock, "unlock", "Unlock", "Déverrouiller", "Открыть"},
    Translation{Text::WrongPin, "wrong_pin", "Wrong PIN", "Code incorrect", "Неверный PIN"},
    Translation{Text::NoPinSet, "no_pin_set", "No admin PIN set", "Aucun code administrateur défini",
                "PIN администратора не задан"},
    Translation{Text::Language, "language", "Language", "Langue", "Язык"},
    Translation{Text::EditLine, "edit_line", "Edit the counting line", "Modifier la ligne de comptage",
                "Изменить линию подсчёта"},
    Translation{Text::EditLineHint, "edit_line_hint",
                "Drag the line ends and the inside marker on the camera image",
                "Faites glisser les extrémités et le repère intérieur sur l’image",
                "Перетащите концы линии и метку «внутрь» на изображении"},
    Translation{Text::SaveLine, "save_line", "Save line", "Enregistrer la ligne", "Сохранить линию"},
    Translation{Text::Close, "close", "Close", "Fermer", "Закрыть"},
    Translation{Text::Store, "store", "Store", "Magasin", "Магазин"},
    Translation{Text::Currency, "currency", "Currency", "Devise", "Валюта"},
    Translation{Text::EnglishName, "english_name", "English", "English", "English"},
    Translation{Text::FrenchName, "french_name", "Français", "Français", "Français"},
    Translation{Text::RussianName, "russian_name", "Русский", "Русский", "Русский"},
    Translation{Text::WarnCameraDown, "warn_camera_down", "Camera down: visitor counts are incomplete",
                "Caméra coupée : comptage incomplet", "Камера не работает: подсчёт неполный"},
    Translation{Text::WarnNoSales, "warn_no_sales", "Sales not imported yet", "Ventes pas encore importées",
                "Продажи ещё не загружены"},
    Translation{Text::WarnFewVisitors, "warn_few_visitors", "Too few visitors to judge conversion",
                "Trop peu de visiteurs pour juger la conversion",
                "Слишком мало посетителей для оценки конверсии"},
    Translation{Text::WarnNoFigures, "warn_no_figures", "Figures not available yet",
                "Chiffres pas encore disponibles", "Показатели пока недоступны"},
    Translation{Text::WorkerError, "worker_error", "Error", "Erreur", "Ошибка"},
    Translation{Text::DataNotes, "data_notes", "Data notes", "Remarques sur les données",
                "Замечания к данным"},
    Translation{Text::LastImport, "last_import", "sales imported at %s", "ventes importées à %s",
                "продажи загружены в %s"},
};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < translations.size(); ++i) {
    if (static_cast<std::size_t>(translations[i].id) != i) return false;
  }
  return translations.size() == static_cast<std::size_t>(Text::Count);
}
static_assert(table_in_enum_order(), "translation rows must follow the Text enum");

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::En;
  if (code == "fr") return Language::Fr;
  if (code == "ru") return Language::Ru;
  return std::nullopt;
}

const char* language_code(Language language) {
  switch (language) {
    case Language::Fr:
      return "fr";
    case Language::Ru:
      return "ru";
    case Language::En:
      break;
  }
  return "en";
}

std::span<const Translation> translation_table() { return translations; }

const char* tr(Language language, Text text) {
  const auto index = static_cast<std::size_t>(text);
  if (index >= translations.size()) return "?";
  const Translation& row = translations[index];
  switch (language) {
    case Language::Fr:
      return row.fr;
    case Language::Ru:
      return row.ru;
    case Language::En:
      break;
  }
  return row.en;
}

}  // namespace footfall::ui
