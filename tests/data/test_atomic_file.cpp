#include <doctest/doctest.h>

#include <stdexcept>

#include "footfall/data/atomic_file.hpp"
#include "scratch_path.hpp"

TEST_CASE("a file is replaced whole or not at all") {
  const auto target = footfall::testing::scratch_path("atomic.txt");
  footfall::data::write_file_atomically(
      target, "first\n", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  CHECK(footfall::testing::read_text(target) == "first\n");
  CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);

  // A writer that fails half-way leaves the old file and no partial beside it.
  CHECK_THROWS_WITH_AS(footfall::data::replace_file_atomically(target,
                                                               [](const std::filesystem::path& partial) {
                                                                 footfall::data::write_file_atomically(
                                                                     partial, "sec");
                                                                 throw std::runtime_error("disk full");
                                                               }),
                       "disk full", std::runtime_error);
  CHECK(footfall::testing::read_text(target) == "first\n");
  CHECK_FALSE(std::filesystem::exists(target.string() + ".partial"));

  footfall::data::write_file_atomically(target, "second\n");
  CHECK(footfall::testing::read_text(target) == "second\n");
  CHECK_THROWS_AS(
      footfall::data::write_file_atomically(target.parent_path() / "no-such-folder" / "x.txt", "x"),
      std::runtime_error);
}
