#include "footfall/ui/admin_pin.hpp"

#include <doctest/doctest.h>

namespace ui = footfall::ui;

TEST_CASE("an admin PIN hash verifies the PIN and nothing else") {
  const std::string stored = ui::hash_admin_pin("2468");
  CHECK(stored.rfind("pbkdf2-sha256$", 0) == 0);
  CHECK(stored.find("2468") == std::string::npos);
  CHECK(ui::verify_admin_pin("2468", stored));
  CHECK_FALSE(ui::verify_admin_pin("2469", stored));
  CHECK_FALSE(ui::verify_admin_pin("", stored));
  CHECK(ui::hash_admin_pin("2468") != stored);  // salted
}

TEST_CASE("malformed stored hashes never verify") {
  CHECK_FALSE(ui::verify_admin_pin("1234", ""));
  CHECK_FALSE(ui::verify_admin_pin("1234", "1234"));
  CHECK_FALSE(ui::verify_admin_pin("1234", "pbkdf2-sha256$x$00$00"));
  CHECK_FALSE(ui::verify_admin_pin("1234", "pbkdf2-sha256$1000$zz$00"));
  CHECK_FALSE(ui::verify_admin_pin("1234", "md5$1000$00$00"));
  CHECK_FALSE(ui::verify_admin_pin("1234", "pbkdf2-sha256$1000$00$00$extra"));
}
