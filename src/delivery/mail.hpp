#pragma once
// Sending the end-of-day report by e-mail, through libcurl's SMTP. No retry here: the caller keeps
// a pending marker per report and tries again later (end_of_day.hpp).
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace footfall::app {

struct MailAttachment {
  std::string file_name;
  std::string mime_type;  // e.g. "text/csv; charset=UTF-8"
  std::string content;
};

struct MailMessage {
  std::string from;
  std::vector<std::string> to;
  std::string subject;  // UTF-8; encoded for the header here
  std::string html;     // the body, shown inline
  std::vector<MailAttachment> attachments;
};

struct SmtpSettings {
  std::string url;                         // smtp://host:587 (STARTTLS when offered) or smtps://host:465
  std::filesystem::path credentials_file;  // TOML with user and password, mode 0600; empty = no login
  std::chrono::seconds timeout{15};
};

struct SmtpCredentials {
  std::string user;
  std::string password;
};

// "a@shop.fr, b@shop.fr" → each address; throws std::invalid_argument naming the one that is not
// an address.
std::vector<std::string> parse_mail_addresses(const std::string& list);

// Throws std::runtime_error naming the file when it is missing, readable by others than its owner
// (a password must not be), or lacks user/password.
SmtpCredentials read_smtp_credentials(const std::filesystem::path& file);

// Throws std::runtime_error with the server and libcurl's reason when the message is not accepted.
void send_mail(const SmtpSettings& smtp, const MailMessage& message);

}  // namespace footfall::app
