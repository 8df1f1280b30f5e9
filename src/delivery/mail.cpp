#include "mail.hpp"

#include <curl/curl.h>
#include <sys/stat.h>
#include <toml++/toml.h>

#include <array>
#include <ctime>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace footfall::app {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool looks_like_address(const std::string& address) {
  const auto at = address.find('@');
  return at != std::string::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string::npos &&
         address.find_first_of(" \t<>,;\"") == std::string::npos;
}

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    for (const unsigned shift : {18U, 12U, 6U, 0U}) out += kAlphabet[(n >> shift) & 63U];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6U) & 63U] : '=';
    out += '=';
  }
  return out;
}

// RFC 2047: a header may carry only ASCII, so a French or Russian subject travels base64-encoded.
std::string encoded_header_text(const std::string& text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != '\r' && c != '\n';
  return ascii ? text : "=?UTF-8?B?" + base64(text) + "?=";
}

std::string rfc5322_date(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays.at(static_cast<std::size_t>(utc.tm_wday)), utc.tm_mday,
                kMonths.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text.data();
}

void ensure_curl_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl could not start");
  });
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};

void append(std::unique_ptr<curl_slist, CurlDeleter>& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown == nullptr) throw std::runtime_error("out of memory composing the e-mail");
  (void)list.release();
  list.reset(grown);
}

void check(CURLcode code, const char* what) {
  if (code != CURLE_OK) throw std::runtime_error(std::string(what) + ": " + curl_easy_strerror(code));
}

}  // namespace

std::vector<std::string> parse_mail_addresses(const std::string& list) {
  std::vector<std::string> addresses;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = list.find_first_of(",;", start);
    const std::string address =
        trimmed(list.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!address.empty()) {
      if (!looks_like_address(address))
        throw std::invalid_argument("not an e-mail address: \"" + address + "\"");
      addresses.push_back(address);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return addresses;
}

SmtpCredentials read_smtp_credentials(const std::filesystem::path& file) {
  struct stat info {};
  if (stat(file.c_str(), &info) != 0)
    throw std::runtime_error(file.string() + ": SMTP credentials file not found");
  if ((info.st_mode & 077U) != 0) {
    throw std::runtime_error(file.string() + ": others can read this SMTP password; run chmod 600 on it");
  }
  try {
    const toml::table table = toml::parse_file(file.string());
    SmtpCredentials credentials;
    credentials.user = table["user"].value_or(std::string());
    credentials.password = table["password"].value_or(std::string());
    if (credentials.user.empty()) throw std::runtime_error(file.string() + ": user: missing");
    if (credentials.password.empty()) throw std::runtime_error(file.string() + ": password: missing");
    return credentials;
  } catch (const toml::parse_error& error) {
    throw std::runtime_error(file.string() + ":" + std::to_string(error.source().begin.line) + ": " +
                             std::string(error.description()));
  }
}

void send_mail(const SmtpSettings& smtp, const MailMessage& message) {
  if (message.to.empty()) throw std::runtime_error("e-mail: no recipient");
  ensure_curl_ready();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("libcurl could not start a transfer");
  CURL* handle = curl.get();
  const std::string where = "sending the report to " + smtp.url;

  check(curl_easy_setopt(handle, CURLOPT_URL, smtp.url.c_str()), where.c_str());
  check(curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY)), where.c_str());
  check(curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(smtp.timeout.count())), where.c_str());
  check(curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L), where.c_str());
  SmtpCredentials credentials;
  if (!smtp.credentials_file.empty()) {
    credentials = read_smtp_credentials(smtp.credentials_file);
    check(curl_easy_setopt(handle, CURLOPT_USERNAME, credentials.user.c_str()), where.c_str());
    check(curl_easy_setopt(handle, CURLOPT_PASSWORD, credentials.password.c_str()), where.c_str());
  }
  const std::string envelope_from = "<" + message.from + ">";
  check(curl_easy_setopt(handle, CURLOPT_MAIL_FROM, envelope_from.c_str()), where.c_str());
  std::unique_ptr<curl_slist, CurlDeleter> recipients;
  std::string to_header;
  for (const auto& address : message.to) {
    append(recipients, "<" + address + ">");
    to_header += (to_header.empty() ? "" : ", ") + address;
  }
  check(curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get()), where.c_str());

  std::unique_ptr<curl_slist, CurlDeleter> headers;
  append(headers, "Date: " + rfc5322_date(std::time(nullptr)));
  append(headers, "From: " + message.from);
  append(headers, "To: " + to_header);
  append(headers, "Subject: " + encoded_header_text(message.subject));
  check(curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get()), where.c_str());

  // libcurl's MIME builder does the boundaries and transfer encodings.
  std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(handle));
  curl_mimepart* body = curl_mime_addpart(mime.get());
  check(curl_mime_data(body, message.html.data(), message.html.size()), where.c_str());
  check(curl_mime_type(body, "text/html; charset=UTF-8"), where.c_str());
  check(curl_mime_encoder(body, "quoted-printable"), where.c_str());
  for (const auto& attachment : message.attachments) {
    curl_mimepart* part = curl_mime_addpart(mime.get());
    check(curl_mime_data(part, attachment.content.data(), attachment.content.size()), where.c_str());
    check(curl_mime_type(part, attachment.mime_type.c_str()), where.c_str());
    check(curl_mime_filename(part, attachment.file_name.c_str()), where.c_str());
    check(curl_mime_encoder(part, "base64"), where.c_str());
  }
  check(curl_easy_setopt(handle, CURLOPT_MIMEPOST, mime.get()), where.c_str());

  std::array<char, CURL_ERROR_SIZE> reason{};
  check(curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, reason.data()), where.c_str());
  const CURLcode sent = curl_easy_perform(handle);
  if (sent != CURLE_OK) {
    throw std::runtime_error(where + ": " +
                             (reason[0] != '\0' ? std::string(reason.data()) : curl_easy_strerror(sent)));
  }
}

}  // namespace footfall::app
