#pragma once
#include <string>

namespace footfall::ui {

// The admin PIN as stored in the config and KioskOptions::admin_pin_hash:
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
std::string hash_admin_pin(const std::string& pin);
bool verify_admin_pin(const std::string& pin, const std::string& stored_hash);

}  // namespace footfall::ui
