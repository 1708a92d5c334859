#include <gtest/gtest.h>

#include "orgmodel/scenario/compare.hpp"

namespace om = orgmodel;
namespace sc = orgmodel::scenario;

namespace {
const nlohmann::ordered_json& cell(const nlohmann::ordered_json& j, const std::string& cat, const std::string& key) {
  for (const auto& v : j["variants"])
    if (v["category"] == cat) return v[key];
  throw std::runtime_error("no variant " + cat);
}
}  // namespace

TEST(Compare, VastmanlandSevenVariants) {
  const auto in = sc::template_input::from_county("Västmanlands län");
  const auto c = sc::compare_templates(in);
  ASSERT_EQ(c.variants.size(), 7u);
  const auto j = sc::to_json(c);
  // SCB 2023, by hand from data/scb/se_municipalities_2023.csv: Skinnskatteberg 4 348 + Surahammar 9 934
  // + Kungsör 8 643 + Hallstahammar 16 654 + Norberg 5 517 + Västerås 159 662 + Sala 22 853
  // + Fagersta 13 222 + Köping 25 978 + Arboga 14 002 = 280 813 (= the county total).
  EXPECT_EQ(j["municipalities"], 10);
  EXPECT_EQ(j["population"], 280813);
  EXPECT_EQ(j["region"], "region-vastmanland");
  for (const auto& v : j["variants"]) {
    EXPECT_EQ(v["members"], 10) << v["category"];
    EXPECT_EQ(v["population"], 280813) << v["category"];
  }
  // 1A: 2 × 10 SEK × 280 813 = 5 616 260 SEK; per municipality 2 808 130 / 10 = 280 813 SEK.
  EXPECT_EQ(cell(j, "1A", "base_funding_per_year"), "5616260.00");
  EXPECT_EQ(cell(j, "1A", "funding_per_municipality"), "280813.00");
  EXPECT_EQ(cell(j, "1A", "base_funding_per_inhabitant"), "20.00");
  // 1B: 2 × 6 × 280 813 = 3 369 756 SEK.
  EXPECT_EQ(cell(j, "1B", "base_funding_per_year"), "3369756.00");
  // 2A: the region alone, 1 MSEK; municipalities pay nothing.
  EXPECT_EQ(cell(j, "2A", "base_funding_per_year"), "1000000.00");
  EXPECT_EQ(cell(j, "2A", "municipal_funding_per_year"), "0.00");
  // 3A: 4 000 000 + 1.6 × 280 813 = 4 449 300.80; project 20 MSEK / 3 years, rounded per rule:
  // 2 × 2 666 666.67 (agency, region) + 10 × 133 333.33 (2 % each) = 6 666 666.64.
  EXPECT_EQ(cell(j, "3A", "base_funding_per_year"), "4449300.80");
  EXPECT_EQ(cell(j, "3A", "project_funding_per_year"), "6666666.64");
  // 4A: Västerås 7.5 MSEK fixed + 4 × (280 813 − 159 662) = 7 984 604 SEK.
  EXPECT_EQ(cell(j, "4A", "base_funding_per_year"), "7984604.00");
  // Bodies: 1A has a steering group (political) of 10 KSOs + the regional chair, and the committee.
  EXPECT_EQ(cell(j, "1A", "bodies_political"), 2);
  EXPECT_EQ(cell(j, "3A", "bodies_owner"), 1);
  EXPECT_EQ(cell(j, "2B", "municipal_seats"), 0);
  // 1A: management group 10 + steering group 10 + the host's signatory (Västerås) 1 = 21 municipal seats.
  EXPECT_EQ(cell(j, "1A", "municipal_seats"), 21);
  // Table: header + rule + seven rows.
  std::ostringstream s;
  sc::to_table(c).print(s);
  const std::string text = s.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 9);
}

TEST(Compare, RegisteredColumnsAreAdded) {
  sc::register_compare_column({"test_bodies", "bodies", 99, true, [](const sc::scenario_variant& v) {
                                 return sc::compare_cell{std::to_string(v.built.bodies().size()),
                                                         static_cast<std::int64_t>(v.built.bodies().size())};
                               }});
  const auto c = sc::compare_templates(sc::template_input::from_county("19"), {.categories = {om::model_category::c2B}});
  ASSERT_EQ(c.columns.back().key, "test_bodies");
  EXPECT_EQ(c.cells[0].back().value, 3);  // team, head of department, committee
  sc::compare_column_registry().clear();
}
