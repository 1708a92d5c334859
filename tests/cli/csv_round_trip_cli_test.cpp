// `orgmodel allocate` reads the CSV `orgmodel funding --view compare` writes: before, the weights
// were written "157 000" and refused (`weight "2 609" is not a non-negative integer`).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"

TEST(CsvRoundTripCli, AllocateReadsFundingCsv) {
  ORGMODEL_REQUIRE_CLI_PROGRAM();
  auto csv = orgmodel_test::run_cli("funding business-region-orebro --view compare --format csv", "csvrt-");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  // The reference: the same rows from the JSON output, which never had the grouping problem.
  auto js = orgmodel_test::run_cli("funding business-region-orebro --view compare --format json", "csvrt-");
  ASSERT_EQ(js.exit_code, 0) << js.err;
  const auto ref = nlohmann::json::parse(js.out);
  const auto path = std::filesystem::temp_directory_path() / ("orgmodel-csvrt-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << csv.out;
  auto r = orgmodel_test::run_cli("allocate '" + path.string() + "' --total 1000 --format json", "csvrt-");
  std::filesystem::remove(path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::size_t rows = 0;
  std::string first_payer;
  std::int64_t first_population = -1;
  auto scan = [&](const nlohmann::json& x, auto&& self) -> void {
    if (x.is_object()) {
      if (x.contains("payer") && x.contains("population") && x["population"].is_number_integer()) {
        if (rows++ == 0) first_payer = x["payer"].get<std::string>(), first_population = x["population"].get<std::int64_t>();
      }
      for (const auto& [k, v] : x.items()) self(v, self);
    } else if (x.is_array()) {
      for (const auto& v : x) self(v, self);
    }
  };
  scan(ref, scan);
  ASSERT_GT(rows, 0U) << js.out.substr(0, 400);
  ASSERT_EQ(j["parts"].size(), rows);
  EXPECT_EQ(j["parts"][0]["name"], first_payer);
  EXPECT_EQ(j["parts"][0]["weight"], first_population);
}
