#include "footfall/data/words.hpp"

#include <array>
#include <string>
#include <unordered_map>

namespace footfall::data {
namespace {

constexpr std::array translations{
    Translation{Text::Visitors, "visitors", "Visitors", "Visiteurs", "Посетители"},
    Translation{Text::Buyers, "buyers", "Buyers", "Tickets", "Чеки"},
    Translation{Text::Conversion, "conversion", "Conversion", "Taux de transformation", "Конверсия"},
    Translation{Text::NetSales, "net_sales", "Net sales", "CA net", "Выручка"},
    Translation{Text::AverageTicket, "average_ticket", "Average ticket", "Panier moyen", "Средний чек"},
    Translation{Text::SalesPerVisitor, "sales_per_visitor", "Sales per visitor", "CA par visiteur",
                "Выручка на посетителя"},
    Translation{Text::InsideNow, "inside_now", "Inside now", "Présents", "Сейчас в магазине"},
    Translation{Text::VsLastWeek, "vs_last_week", "vs last week", "vs S-1", "к прошлой неделе"},
    Translation{Text::LowData, "low_data", "low data", "peu de données", "мало данных"},
    Translation{Text::Range95, "range_95", "95% range", "intervalle de confiance 95 %",
                "доверительный интервал 95 %"},
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
    Translation{Text::Shifts, "shifts", "Shifts", "Créneaux", "Смены"},
    Translation{Text::Sellers, "sellers", "Sellers", "Vendeurs", "Продавцы"},
    Translation{Text::Shift, "shift", "Shift", "Créneau", "Смена"},
    Translation{Text::Seller, "seller", "Seller", "Vendeur", "Продавец"},
    Translation{Text::FloorHours, "floor_hours", "Hours", "Heures", "Часы"},
    Translation{Text::RosterInferred, "roster_inferred", "hours guessed from sales",
                "heures déduites des ventes", "часы определены по продажам"},
    Translation{Text::NoShifts, "no_shifts", "No shifts defined", "Aucun créneau défini", "Смены не заданы"},
    Translation{Text::NoSellers, "no_sellers", "No seller sales yet", "Pas encore de ventes par vendeur",
                "Продаж по продавцам пока нет"},
    Translation{Text::Camera, "camera", "Camera", "Caméra", "Камера"},
    Translation{Text::Fps, "fps", "fps", "im/s", "кадр/с"},
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
    Translation{Text::CameraSource, "camera_source", "Camera source", "Source caméra", "Источник камеры"},
    Translation{Text::CameraSourceHint, "camera_source_hint",
                "synthetic, a camera number (0), /dev/video0, rtsp://… or a video file",
                "synthetic, un numéro de caméra (0), /dev/video0, rtsp://… ou une vidéo",
                "synthetic, номер камеры (0), /dev/video0, rtsp://… или видеофайл"},
    Translation{Text::Detector, "detector", "Detector", "Détecteur", "Детектор"},
    Translation{Text::DetectorAuto, "detector_auto", "Automatic", "Automatique", "Автоматически"},
    Translation{Text::DetectorBackground, "detector_background", "Motion (background)",
                "Mouvement (arrière-plan)", "Движение (фон)"},
    Translation{Text::DetectorDnn, "detector_dnn", "Neural network", "Réseau de neurones", "Нейросеть"},
    Translation{Text::DetectorHog, "detector_hog", "HOG people detector", "Détecteur HOG", "Детектор HOG"},
    Translation{Text::ModelFile, "model_file", "Model file", "Fichier du modèle", "Файл модели"},
    Translation{Text::Door, "door", "Door", "Porte", "Дверь"},
    Translation{Text::ImportFolder, "import_folder", "Import folder", "Dossier d’import", "Папка импорта"},
    Translation{Text::ImportFolderHint, "import_folder_hint", "files dropped here are imported; empty = off",
                "les fichiers déposés ici sont importés ; vide = désactivé",
                "файлы из этой папки загружаются; пусто = выключено"},
    Translation{Text::TimeZone, "time_zone", "Time zone", "Fuseau horaire", "Часовой пояс"},
    Translation{Text::DayStartsAt, "day_starts_at", "Business day starts at", "Début de journée",
                "Начало рабочего дня"},
    Translation{Text::Start, "start", "Start", "Début", "Начало"},
    Translation{Text::End, "end", "End", "Fin", "Конец"},
    Translation{Text::Days, "days", "Days", "Jours", "Дни"},
    Translation{Text::MondayShort, "monday_short", "Mo", "Lu", "Пн"},
    Translation{Text::TuesdayShort, "tuesday_short", "Tu", "Ma", "Вт"},
    Translation{Text::WednesdayShort, "wednesday_short", "We", "Me", "Ср"},
    Translation{Text::ThursdayShort, "thursday_short", "Th", "Je", "Чт"},
    Translation{Text::FridayShort, "friday_short", "Fr", "Ve", "Пт"},
    Translation{Text::SaturdayShort, "saturday_short", "Sa", "Sa", "Сб"},
    Translation{Text::SundayShort, "sunday_short", "Su", "Di", "Вс"},
    Translation{Text::AddShift, "add_shift", "Add a shift", "Ajouter un créneau", "Добавить смену"},
    Translation{Text::Remove, "remove", "Remove", "Supprimer", "Удалить"},
    Translation{Text::RosterToday, "roster_today", "On the floor today", "En boutique aujourd’hui",
                "Сегодня в зале"},
    Translation{Text::Add, "add", "Add", "Ajouter", "Добавить"},
    Translation{Text::NoRosterToday, "no_roster_today", "Nobody entered for today",
                "Personne pour aujourd’hui", "На сегодня никого нет"},
    Translation{Text::Save, "save", "Save", "Enregistrer", "Сохранить"},
    Translation{Text::Saved, "saved", "Saved", "Enregistré", "Сохранено"},
    Translation{Text::SavedInMemory, "saved_in_memory",
                "Saved for this session only: the demo writes no settings file",
                "Enregistré pour cette session : la démo n’écrit pas de fichier de réglages",
                "Сохранено до закрытия: демо не записывает файл настроек"},
    Translation{Text::NotSaved, "not_saved", "Not saved: %s", "Non enregistré : %s", "Не сохранено: %s"},
    Translation{Text::SettingsFile, "settings_file", "Settings file: %s", "Fichier de réglages : %s",
                "Файл настроек: %s"},
    Translation{Text::SettingsInMemory, "settings_in_memory", "Demo: changes last until the demo closes",
                "Démo : les changements durent jusqu’à la fermeture",
                "Демо: изменения действуют до закрытия"},
    Translation{Text::ErrSourceEmpty, "err_source_empty", "Enter a camera source",
                "Indiquez une source de caméra", "Укажите источник камеры"},
    Translation{Text::ErrBadZone, "err_bad_zone", "Unknown time zone “%s” (e.g. Europe/Paris)",
                "Fuseau horaire inconnu « %s » (ex. Europe/Paris)",
                "Неизвестный часовой пояс «%s» (например, Europe/Moscow)"},
    Translation{Text::ErrCutoff, "err_cutoff", "The business day must start between 00:00 and 12:00",
                "La journée doit commencer entre 00:00 et 12:00",
                "День должен начинаться между 00:00 и 12:00"},
    Translation{Text::ErrTime, "err_time", "Write times as HH:MM, e.g. 09:30",
                "Écrivez les heures en HH:MM, ex. 09:30", "Время пишется ЧЧ:ММ, например 09:30"},
    Translation{Text::ErrShiftName, "err_shift_name", "Every shift needs a name",
                "Chaque créneau doit avoir un nom", "У каждой смены должно быть название"},
    Translation{Text::ErrShiftOrder, "err_shift_order", "Shift “%s” starts and ends at the same time",
                "Le créneau « %s » commence et finit à la même heure",
                "Смена «%s» начинается и заканчивается в одно время"},
    Translation{Text::ErrShiftDays, "err_shift_days", "Shift “%s” has no day ticked",
                "Le créneau « %s » n’a aucun jour coché", "У смены «%s» не выбран ни один день"},
    Translation{Text::ErrSellerEmpty, "err_seller_empty", "Enter the seller’s name",
                "Indiquez le nom du vendeur", "Укажите имя продавца"},
    Translation{Text::ErrRosterOrder, "err_roster_order", "The end must be after the start",
                "La fin doit être après le début", "Конец должен быть позже начала"},
    Translation{Text::ImportSummary, "import_summary",
                "%s rows, %s transactions: %s new, %s updated, %s unchanged",
                "%s lignes, %s transactions : %s nouvelles, %s mises à jour, %s inchangées",
                "строк: %s, чеков: %s — новых: %s, обновлено: %s, без изменений: %s"},
    Translation{Text::RejectedRows, "rejected_rows", "%s rows rejected", "%s lignes rejetées",
                "отклонено строк: %s"},
    Translation{Text::NothingImported, "nothing_imported", "nothing was imported", "rien n’a été importé",
                "ничего не загружено"},
    Translation{Text::PreviewTitle, "preview_title", "First transactions", "Premières transactions",
                "Первые чеки"},
    Translation{Text::Time, "time", "Time", "Heure", "Время"},
    Translation{Text::Kind, "kind", "Type", "Type", "Тип"},
    Translation{Text::Amount, "amount", "Amount", "Montant", "Сумма"},
    Translation{Text::PosId, "pos_id", "Number", "Numéro", "Номер"},
    Translation{Text::KindSale, "kind_sale", "sale", "vente", "продажа"},
    Translation{Text::KindRefund, "kind_refund", "refund", "remboursement", "возврат"},
    Translation{Text::KindVoid, "kind_void", "void", "annulation", "аннулирован"},
    Translation{Text::KindCancelled, "kind_cancelled", "cancelled", "annulée", "отменён"},
    Translation{Text::WatchFolder, "watch_folder", "Watch folder", "Dossier surveillé", "Папка наблюдения"},
    Translation{Text::Imported, "imported", "imported", "importé", "загружен"},
    Translation{Text::Rejected, "rejected", "rejected", "rejeté", "отклонён"},
    Translation{Text::LabelValue, "label_value", "%s: %s", "%s : %s", "%s: %s"},
    Translation{Text::Tally, "tally", "Check the count", "Vérifier le comptage", "Проверить подсчёт"},
    Translation{
        Text::TallyExplain, "tally_explain",
        "Stand where you can see the door. Tap + In or + Out for each person who crosses the line; "
        "the screen then compares your count with the camera's.",
        "Placez-vous face à la porte. Touchez + Entrée ou + Sortie pour chaque personne qui franchit la "
        "ligne ; l’écran compare ensuite votre comptage à celui de la caméra.",
        "Встаньте так, чтобы видеть дверь. Нажимайте «+ Вход» или «+ Выход» за каждого, кто пересёк "
        "линию; затем экран сравнит ваш подсчёт с камерой."},
    Translation{Text::TallyStart, "tally_start", "Start (%s min)", "Commencer (%s min)", "Начать (%s мин)"},
    Translation{Text::TallyMinutes, "tally_minutes", "%s min", "%s min", "%s мин"},
    Translation{Text::TallyTimeLeft, "tally_time_left", "%s left", "reste %s", "осталось %s"},
    Translation{Text::TallyFinished, "tally_finished", "Finished", "Terminé", "Готово"},
    Translation{Text::TallyYou, "tally_you", "You", "Vous", "Вы"},
    Translation{Text::TallyAgreement, "tally_agreement", "Agreement", "Concordance", "Совпадение"},
    Translation{Text::TallyAddIn, "tally_add_in", "+ In", "+ Entrée", "+ Вход"},
    Translation{Text::TallyAddOut, "tally_add_out", "+ Out", "+ Sortie", "+ Выход"},
    Translation{Text::TallyAgain, "tally_again", "Again", "Recommencer", "Ещё раз"},
    Translation{Text::CoveragePartial, "coverage_partial", "partial: camera %s of %s open",
                "partiel : caméra %s sur %s d’ouverture", "неполные данные: камера %s из %s работы"},
    Translation{Text::AuditClip, "audit_clip", "Audit clip", "Vidéo de contrôle", "Контрольная запись"},
    Translation{
        Text::AuditExplain, "audit_explain",
        "Records a short video with the counting line and the counts drawn on it, so that you can count "
        "the people yourself and compare. This is the only time camera pictures are written to disk; the "
        "clip is deleted after 7 days unless a file named like it with .keep added sits beside it.",
        "Enregistre une courte vidéo avec la ligne de comptage et les comptes dessinés, pour que vous "
        "comptiez vous-même les personnes et compariez. C’est le seul cas où des images de la caméra sont "
        "écrites sur le disque ; la vidéo est effacée après 7 jours, sauf si un fichier du même nom suivi "
        "de .keep est placé à côté.",
        "Записывает короткое видео с линией подсчёта и счётчиками, чтобы вы сами пересчитали людей и "
        "сравнили. Только в этом случае кадры камеры записываются на диск; запись удаляется через 7 дней, "
        "если рядом не лежит файл с тем же именем и окончанием .keep."},
    Translation{Text::AuditFolder, "audit_folder", "Folder", "Dossier", "Папка"},
    Translation{Text::AuditRecordMinutes, "audit_record_minutes", "Record %s min", "Enregistrer %s min",
                "Записать %s мин"},
    Translation{Text::AuditRecording, "audit_recording", "Recording camera pictures to %s (%s left)",
                "Enregistrement des images de la caméra dans %s (reste %s)",
                "Идёт запись кадров камеры в %s (осталось %s)"},
    Translation{Text::AuditStop, "audit_stop", "Stop recording", "Arrêter l’enregistrement",
                "Остановить запись"},
    Translation{Text::AuditSaved, "audit_saved", "Clip saved: %s", "Vidéo enregistrée : %s",
                "Запись сохранена: %s"},
    Translation{Text::AuditFailed, "audit_failed", "The clip could not be recorded: %s",
                "La vidéo n’a pas pu être enregistrée : %s", "Не удалось записать видео: %s"},
    Translation{Text::AuditBadge, "audit_badge", "● Recording an audit clip",
                "● Enregistrement d’une vidéo de contrôle", "● Идёт контрольная запись"},
    Translation{Text::SetupTitle, "setup_title", "Set up Footfall", "Configurer Footfall",
                "Настройка Footfall"},
    Translation{Text::SetupStep, "setup_step", "Step %s of %s", "Étape %s sur %s", "Шаг %s из %s"},
    Translation{
        Text::SetupWelcome, "setup_welcome",
        "Welcome. A few questions and the counter screen is ready. First, choose the screen's language.",
        "Bienvenue. Quelques questions et l’écran de comptage est prêt. D’abord, choisissez la langue de "
        "l’écran.",
        "Добро пожаловать. Несколько вопросов, и экран счётчика готов. Сначала выберите язык экрана."},
    Translation{Text::SetupStoreName, "setup_store_name", "The shop's name, as reports should show it",
                "Le nom du magasin, tel que les rapports doivent l’afficher",
                "Название магазина, как его показывать в отчётах"},
    Translation{
        Text::SetupTimeZoneHint, "setup_time_zone_hint", "taken from this computer; e.g. Europe/Paris",
        "repris de cet ordinateur ; par ex. Europe/Paris", "взят с этого компьютера; например Europe/Moscow"},
    Translation{Text::SetupCurrency, "setup_currency", "Currency of the till (three letters: EUR, RUB, GBP…)",
                "Devise de la caisse (trois lettres : EUR, CHF, XOF…)",
                "Валюта кассы (три буквы: RUB, KZT, BYN…)"},
    Translation{Text::SetupHours, "setup_hours",
                "Opening hours: a day's figures are complete when the camera covered all of them.",
                "Heures d’ouverture : les chiffres d’une journée sont complets quand la caméra les a toutes "
                "couvertes.",
                "Часы работы: данные за день полные, когда камера работала все эти часы."},
    Translation{
        Text::SetupPin, "setup_pin",
        "An admin PIN, at least 4 digits. It protects the settings; the counter screen stays open to all.",
        "Un code PIN d’administration, au moins 4 chiffres. Il protège les réglages ; l’écran de comptage "
        "reste visible de tous.",
        "PIN администратора, не меньше 4 цифр. Он защищает настройки; экран счётчика остаётся открытым."},
    Translation{Text::SetupPinAgain, "setup_pin_again", "The PIN again", "Le code PIN, encore une fois",
                "PIN ещё раз"},
    Translation{Text::SetupBack, "setup_back", "Back", "Retour", "Назад"},
    Translation{Text::SetupNext, "setup_next", "Next", "Suivant", "Далее"},
    Translation{Text::SetupFinish, "setup_finish", "Finish", "Terminer", "Готово"},
    Translation{Text::ErrSetupName, "err_setup_name", "Give the shop a name", "Donnez un nom au magasin",
                "Укажите название магазина"},
    Translation{Text::ErrSetupCurrency, "err_setup_currency", "A currency is three letters, e.g. EUR",
                "Une devise s’écrit en trois lettres, par ex. EUR", "Валюта — три буквы, например RUB"},
    Translation{Text::ErrSetupHours, "err_setup_hours", "Hours as HH:MM, closing after opening",
                "Heures au format HH:MM, fermeture après l’ouverture",
                "Время в виде ЧЧ:ММ, закрытие позже открытия"},
    Translation{Text::ErrSetupPinShort, "err_setup_pin_short", "The PIN needs at least 4 digits",
                "Le code PIN doit avoir au moins 4 chiffres", "PIN должен содержать не меньше 4 цифр"},
    Translation{Text::ErrSetupPinMismatch, "err_setup_pin_mismatch", "The two PINs differ",
                "Les deux codes PIN diffèrent", "PIN-коды не совпадают"},
    Translation{Text::OpeningHours, "opening_hours", "Opening hours", "Heures d’ouverture", "Часы работы"},
    Translation{Text::BuyersAboveVisitors, "buyers_above_visitors", "data problem: buyers > visitors",
                "erreur : tickets > visiteurs", "ошибка: чеков > посетителей"},
    Translation{Text::BuyersAboveVisitorsCauses, "buyers_above_visitors_causes",
                "check camera, zone, door, till", "voir caméra, fuseau, porte, caisse",
                "проверьте камеру, пояс, вход, кассу"},
    Translation{
        Text::SellerVisitorsNote, "seller_visitors_note",
        "Visitors: everyone counted while the seller was on the floor; sellers on together each get all",
        "Visiteurs : tous ceux comptés pendant sa présence ; des vendeurs présents ensemble les ont tous",
        "Посетители: все вошедшие, пока продавец был в зале; работавшим вместе они засчитаны каждому"},
    Translation{Text::ErrDetector, "err_detector", "Unknown detector “%s”", "Détecteur inconnu « %s »",
                "Неизвестный детектор «%s»"},
    Translation{Text::MillisecondsUnit, "ms_unit", "ms", "ms", "мс"},
    Translation{Text::StoreCurrencySet, "store_currency_set",
                "The shop's currency is now %s, as in this export",
                "La devise du magasin est désormais %s, celle de cet export",
                "Валюта магазина теперь %s, как в этой выгрузке"},
    Translation{Text::AuditWaiting, "audit_waiting",
                "Waiting for the camera: the clip starts with its next picture",
                "En attente de la caméra : l’enregistrement commence à sa prochaine image",
                "Ожидание камеры: запись начнётся со следующего кадра"},
    // Quality notes of the day (data::QualityNote), in English as the summaries word them.
    Translation{Text::NoteCameraGap, "note_camera_gap",
                "Camera down on door %s %s–%s%s: excluded from conversion",
                "Caméra coupée porte %s %s–%s%s : hors taux de transformation",
                "Камера не работала, вход %s %s–%s%s: не входит в конверсию"},
    Translation{Text::NoteCameraGapInRange, "note_camera_gap_in_range",
                "Camera down on door %s from %s %s for %s min%s",
                "Caméra coupée porte %s le %s à %s pendant %s min%s",
                "Камера не работала, вход %s, %s %s, %s мин%s"},
    Translation{Text::NotePartialCoverage, "note_partial_coverage",
                "%s: conversion and sales per visitor use covered time only",
                "%s : taux de transformation et CA par visiteur sur le temps couvert seulement",
                "%s: конверсия и выручка на посетителя только за время работы камеры"},
    Translation{Text::NoteBuyersAboveVisitors, "note_buyers_above_visitors",
                "%s: buyers %s, visitors %s — a data problem, not a real conversion.",
                "%s : tickets %s, visiteurs %s — problème de données, pas un vrai taux de transformation.",
                "%s: чеков %s, посетителей %s — ошибка данных, а не реальная конверсия."},
    Translation{
        Text::NoteBuyersAboveVisitorsCauses, "note_buyers_above_visitors_causes",
        "Likely causes: a camera gap, a wrong time zone or door, a till outside the counted entrance.",
        "Causes probables : caméra coupée, mauvais fuseau ou mauvaise porte, caisse hors de l’entrée "
        "comptée.",
        "Вероятные причины: перерыв камеры, неверный часовой пояс или вход, касса вне учитываемого входа."},
    Translation{Text::NoteTheDay, "note_the_day", "The day", "La journée", "За день"},
    Translation{Text::NoteSalesButNoVisitors, "note_sales_but_no_visitors",
                "Sales at %s but no visitors counted", "Ventes à %s sans visiteurs comptés",
                "Продажи в %s без посетителей"},
    Translation{Text::NoteNoRoster, "note_no_roster",
                "No roster for %s: floor time inferred from first and last sale",
                "Pas de planning pour %s : présence déduite de la première et de la dernière vente",
                "Нет графика для %s: время в зале по первой и последней продаже"},
    Translation{
        Text::NoteNoRosterDay, "note_no_roster_day",
        "No roster for %s on %s day: floor time inferred from first and last sale",
        "Pas de planning pour %s sur %s jour : présence déduite de la première et de la dernière vente",
        "Нет графика для %s (дней: %s): время в зале по первой и последней продаже"},
    Translation{
        Text::NoteNoRosterDays, "note_no_roster_days",
        "No roster for %s on %s days: floor time inferred from first and last sale",
        "Pas de planning pour %s sur %s jours : présence déduite de la première et de la dernière vente",
        "Нет графика для %s (дней: %s): время в зале по первой и последней продаже"},
    Translation{Text::DayReport, "day_report", "Day report", "Rapport du jour", "Отчёт за день"},
    Translation{Text::RangeReport, "range_report", "Range report", "Rapport de période", "Отчёт за период"},
    Translation{Text::Entries, "entries", "Entries", "Entrées", "Входы"},
    Translation{Text::Exits, "exits", "Exits", "Sorties", "Выходы"},
    Translation{Text::Interval95, "interval95", "95% interval", "Intervalle à 95 %", "Интервал 95 %"},
    Translation{Text::AtvColumn, "atv_column", "ATV", "Panier moyen", "Средний чек"},
    Translation{Text::SpvColumn, "spv_column", "SPV", "CA par visiteur", "Выручка на посетителя"},
    Translation{Text::UptColumn, "upt_column", "UPT", "Articles par ticket", "Товаров в чеке"},
    Translation{Text::Units, "units", "Units", "Articles", "Товары"},
    Translation{Text::VisitorsPerStaffHour, "visitors_per_staff_hour", "Visitors per staff hour",
                "Visiteurs par heure-vendeur", "Посетителей на час персонала"},
    Translation{Text::StaffHours, "staff_hours", "Staff hours", "Heures-vendeur", "Часы персонала"},
    Translation{Text::FloorHoursColumn, "floor_hours_column", "Floor hours", "Heures en magasin",
                "Часы в зале"},
    Translation{Text::CameraDownMinutes, "camera_down_minutes", "Camera down (min)", "Caméra coupée (min)",
                "Камера не работала (мин)"},
    Translation{Text::Hour, "hour", "Hour", "Heure", "Час"},
    Translation{Text::Period, "period", "Period", "Période", "Период"},
    Translation{Text::Day, "day", "Day", "Jour", "День"},
    Translation{Text::Week, "week", "Week", "Semaine", "Неделя"},
    Translation{Text::Month, "month", "Month", "Mois", "Месяц"},
    Translation{Text::Weekday, "weekday", "Weekday", "Jour de la semaine", "День недели"},
    Translation{Text::Total, "total", "Total", "Total", "Итого"},
    Translation{Text::PeakHour, "peak_hour", "Peak hour", "Heure de pointe", "Пиковый час"},
    Translation{Text::SameTimeLastWeek, "same_time_last_week", "Same time last week",
                "Même heure la semaine dernière", "То же время неделю назад"},
    Translation{Text::AverageOfLastFour, "average_of_last_four", "Average of last four",
                "Moyenne des quatre derniers", "Среднее за четыре прошлых"},
    Translation{Text::SameDayLastYear, "same_day_last_year", "Same day last year", "Même jour l'an dernier",
                "Тот же день год назад"},
    Translation{Text::Comparisons, "comparisons", "Comparisons", "Comparaisons", "Сравнения"},
    Translation{Text::DataQuality, "data_quality", "Data quality", "Qualité des données", "Качество данных"},
    Translation{Text::LastImportHeading, "last_import_heading", "Last import", "Dernier import",
                "Последний импорт"},
    Translation{Text::Never, "never", "never", "jamais", "никогда"},
    Translation{Text::RosterInferredMark, "roster_inferred_mark", "roster inferred", "présence déduite",
                "смена восстановлена"},
    Translation{Text::CameraDownHeading, "camera_down_heading", "Camera down", "Caméra coupée",
                "Камера не работала"},
    Translation{Text::SalesButNoVisitorsHeading, "sales_but_no_visitors_heading",
                "Sales but no visitors counted", "Ventes sans visiteurs comptés", "Продажи без посетителей"},
    Translation{Text::NoRosterHeading, "no_roster_heading",
                "No roster: floor time inferred from first and last sale",
                "Pas de planning : présence déduite de la première et de la dernière vente",
                "Нет графика: время в зале по первой и последней продаже"},
    Translation{Text::NoDataQualityIssues, "no_data_quality_issues", "No data-quality issues",
                "Aucun problème de données", "Проблем с данными нет"},
    Translation{Text::HourlyVisitorsBuyersAndConversion, "hourly_visitors_buyers_and_conversion",
                "Hourly visitors, buyers and conversion",
                "Visiteurs, tickets et taux de transformation par heure",
                "Посетители, чеки и конверсия по часам"},
    Translation{Text::VisitorsBuyersAndConversion, "visitors_buyers_and_conversion",
                "Visitors, buyers and conversion", "Visiteurs, tickets et taux de transformation",
                "Посетители, чеки и конверсия"},
    Translation{Text::ConversionByWeekdayAndHour, "conversion_by_weekday_and_hour",
                "Conversion by weekday and hour", "Taux de transformation par jour et heure",
                "Конверсия по дням недели и часам"},
    Translation{Text::AsOf, "as_of", "as of", "à", "на"},
    Translation{Text::DurationHoursMinutes, "duration_hours_minutes", "%s h %s min", "%s h %s min",
                "%s ч %s мин"},
    Translation{Text::CameraCoveredOfOpen, "camera_covered_of_open", "camera covered %s of %s open",
                "caméra active %s sur %s d'ouverture", "камера работала %s из %s работы магазина"},
    Translation{Text::PartialSuffix, "partial_suffix", "%s; partial", "%s ; partiel", "%s; неполные данные"},
    Translation{Text::CameraCoverage, "camera_coverage", "Camera coverage", "Couverture caméra",
                "Работа камеры"},
    Translation{Text::NoCamera, "no_camera", "no camera", "pas de caméra", "камера не работала"},
    Translation{Text::CoveredTimeOnlyNote, "covered_time_only_note",
                "Conversion and sales per visitor use covered time only.",
                "Le taux de transformation et le CA par visiteur ne portent que sur le temps couvert.",
                "Конверсия и выручка на посетителя считаются только за время работы камеры."},
    Translation{Text::BuyersAboveVisitorsMark, "buyers_above_visitors_mark", "buyers above visitors",
                "plus de tickets que de visiteurs", "чеков больше, чем посетителей"},
    Translation{Text::Definitions, "definitions", "Definitions", "Définitions", "Определения"},
    Translation{Text::DefinitionVisitors, "definition_visitors",
                "Visitors: people counted coming in while a camera counted.",
                "Visiteurs : personnes comptées à l'entrée pendant que la caméra comptait.",
                "Посетители: вошедшие, подсчитанные камерой за время её работы."},
    Translation{
        Text::DefinitionBuyers, "definition_buyers",
        "Buyers: completed sales, one per receipt; voids, cancellations and refunds are not buyers.",
        "Tickets : ventes conclues, un ticket par vente ; annulations et remboursements ne comptent pas.",
        "Чеки: завершённые продажи, по одной на чек; аннулированные чеки и возвраты не считаются."},
    Translation{Text::DefinitionConversion, "definition_conversion",
                "Conversion: buyers in covered time ÷ visitors.",
                "Taux de transformation : tickets du temps couvert ÷ visiteurs.",
                "Конверсия: чеки за время работы камеры ÷ посетители."},
    Translation{Text::DefinitionNetSales, "definition_net_sales",
                "Net sales: sales minus refunds, each on the day it happened.",
                "CA net : ventes moins remboursements, chacun le jour où il a eu lieu.",
                "Выручка: продажи минус возвраты; возврат учитывается в день, когда он был."},
    Translation{Text::DefinitionAverageTicket, "definition_average_ticket",
                "ATV (average ticket): net sales ÷ buyers, so ATV × buyers = net sales.",
                "Panier moyen : CA net ÷ tickets, donc panier moyen × tickets = CA net.",
                "Средний чек: выручка ÷ чеки, поэтому средний чек × чеки = выручка."},
    Translation{Text::DefinitionSalesPerVisitor, "definition_sales_per_visitor",
                "SPV (sales per visitor): net sales in covered time ÷ visitors, so SPV × visitors = net "
                "sales in covered time.",
                "CA par visiteur : CA net du temps couvert ÷ visiteurs, donc CA par visiteur × visiteurs = "
                "CA net du temps couvert.",
                "Выручка на посетителя: выручка за время работы камеры ÷ посетители, поэтому выручка на "
                "посетителя × посетители = выручка за это время."},
    Translation{
        Text::DefinitionCoveredTime, "definition_covered_time",
        "Covered time: the time a camera counted; any other time is a gap, not zero visitors.",
        "Temps couvert : le temps où une caméra comptait ; le reste est une lacune, pas zéro visiteur.",
        "Время работы камеры: время, когда камера считала; остальное — пропуск, а не ноль посетителей."},
    Translation{
        Text::SellerVisitorsFootnote, "seller_visitors_footnote",
        "A seller's visitors are everyone counted while the seller was on the floor (the roster, or first to "
        "last sale without one). Sellers on the floor together are each credited with all of those visitors, "
        "so the sellers' visitors add up to more than the store's; buyers are each seller's own sales.",
        "Les visiteurs d'un vendeur sont toutes les personnes comptées pendant sa présence en magasin (le "
        "planning, ou de la première à la dernière vente sans planning). Des vendeurs présents ensemble "
        "reçoivent chacun tous ces visiteurs : leur somme dépasse donc les visiteurs du magasin ; les "
        "tickets sont les ventes de chaque vendeur.",
        "Посетители продавца — все вошедшие, пока он был в зале (по графику, а без графика — от первой до "
        "последней продажи). Продавцам, работавшим в зале одновременно, засчитываются все эти посетители "
        "каждому, поэтому в сумме их больше, чем у магазина; чеки — собственные продажи продавца."},
    Translation{Text::WeekdayMon, "weekday_mon", "Mon", "lun.", "пн"},
    Translation{Text::WeekdayTue, "weekday_tue", "Tue", "mar.", "вт"},
    Translation{Text::WeekdayWed, "weekday_wed", "Wed", "mer.", "ср"},
    Translation{Text::WeekdayThu, "weekday_thu", "Thu", "jeu.", "чт"},
    Translation{Text::WeekdayFri, "weekday_fri", "Fri", "ven.", "пт"},
    Translation{Text::WeekdaySat, "weekday_sat", "Sat", "sam.", "сб"},
    Translation{Text::WeekdaySun, "weekday_sun", "Sun", "dim.", "вс"},
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

const char* tr(std::string_view language_code, Text text) {
  return tr(parse_language(language_code).value_or(Language::En), text);
}

std::string translate(const std::string& english, const std::string& language_code) {
  static const auto by_english = [] {
    std::unordered_map<std::string_view, Text> rows;
    for (const Translation& row : translations) rows.emplace(row.en, row.id);
    return rows;
  }();
  const auto found = by_english.find(english);
  return found == by_english.end() ? english : tr(language_code, found->second);
}

}  // namespace footfall::data
