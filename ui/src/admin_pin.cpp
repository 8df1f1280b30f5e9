#include "footfall/ui/admin_pin.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace footfall::ui {
namespace {

constexpr int pbkdf2_iterations = 200000;
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;
constexpr std::string_view scheme = "pbkdf2-sha256";

std::string to_hex(const std::vector<unsigned char>& bytes) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : bytes) {
    hex += digits[byte >> 4U];
    hex += digits[byte & 0x0FU];
  }
  return hex;
}

bool from_hex(std::string_view hex, std::vector<unsigned char>& bytes) {
  if (hex.size() % 2 != 0) return false;
  bytes.clear();
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (error != std::errc{} || end != hex.data() + i + 2) return false;
    bytes.push_back(static_cast<unsigned char>(value));
  }
  return true;
}

std::vector<unsigned char> derive(const std::string& pin, const std::vector<unsigned char>& salt,
                                  int iterations, std::size_t length) {
  std::vector<unsigned char> key(length);
  if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), static_cast<int>(key.size()), key.data()) != 1) {
    throw std::runtime_error("admin PIN: PBKDF2 failed");
  }
  return key;
}

}  // namespace

std::string hash_admin_pin(const std::string& pin) {
  std::vector<unsigned char> salt(salt_bytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("admin PIN: no random bytes for the salt");
  }
  const auto key = derive(pin, salt, pbkdf2_iterations, hash_bytes);
  return std::string(scheme) + "$" + std::to_string(pbkdf2_iterations) + "$" + to_hex(salt) + "$" +
         to_hex(key);
}

bool verify_admin_pin(const std::string& pin, const std::string& stored_hash) {
  // scheme$iterations$salt$hash
  std::array<std::string_view, 4> parts;
  std::string_view rest = stored_hash;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto dollar = rest.find('$');
    if ((dollar == std::string_view::npos) != (i + 1 == parts.size())) return false;
    parts[i] = rest.substr(0, dollar);
    rest = dollar == std::string_view::npos ? std::string_view{} : rest.substr(dollar + 1);
  }
  int iterations = 0;
  const auto [end, error] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
  std::vector<unsigned char> salt;
  std::vector<unsigned char> expected;
  if (parts[0] != scheme || error != std::errc{} || end != parts[1].data() + parts[1].size() ||
      iterations <= 0 || iterations > 10'000'000 || !from_hex(parts[2], salt) ||
      !from_hex(parts[3], expected) || expected.empty()) {
    return false;
  }
  try {
    const auto key = derive(pin, salt, iterations, expected.size());
    return CRYPTO_memcmp(key.data(), expected.data(), key.size()) == 0;
  } catch (const std::runtime_error&) {
    return false;
  }
}

}  // namespace footfall::ui
