// Every bundled model (data/models/*.json) loads, validates and is already in canonical form: load →
// save gives the file's own bytes. Business Region Örebro is also checked against the study's facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/model/queries.hpp"

namespace om = orgmodel;

namespace {
std::vector<std::filesystem::path> bundled_models() {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path dir = std::filesystem::path(ORGMODEL_SOURCE_DIR) / "data" / "models";
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST(BundledModels, EachRoundTripsByteIdentically) {
  const auto files = bundled_models();
  if (files.empty()) GTEST_SKIP() << "no data/models/*.json in this tree yet";
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const std::string text = om::read_text_file(f.string());
    om::model m;
    ASSERT_NO_THROW(m = om::from_json(text));
    const std::string canonical = om::to_json(m);
    EXPECT_EQ(canonical, text) << "not in canonical form";
    EXPECT_EQ(om::from_json(canonical), m);
    for (auto l : {om::relation_layer::governance, om::relation_layer::escalation, om::relation_layer::ownership,
                   om::relation_layer::funding, om::relation_layer::membership, om::relation_layer::affiliation})
      EXPECT_FALSE(om::to_dot(m, l).empty());
  }
}

TEST(BundledModels, BusinessRegionOrebroMatchesTheStudy) {
  const auto path = std::filesystem::path(ORGMODEL_SOURCE_DIR) / "data" / "models" / "business-region-orebro.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "business-region-orebro.json not in this tree yet";
  const om::model m = om::load_model_file(path.string());
  // Facts (shared/domain/facts.md, BRO): 12 municipalities, Region Örebro län, host Örebro kommun,
  // steering group meets 4 times a year, yearly report to the regional growth committee, 10 SEK
  // per inhabitant from each municipality and the region matching the sum.
  std::size_t municipalities = 0;
  for (const auto& o : m.organisations()) municipalities += o.kind == om::organisation_kind::municipality ? 1 : 0;
  EXPECT_EQ(municipalities, 12u);
  EXPECT_EQ(m[m.organisation_at("region-orebro")].kind, om::organisation_kind::region);
  bool hosted = false;
  for (const auto& a : m.affiliations())
    hosted |= a.kind == om::affiliation_kind::hosted_by && m[a.parent].id == "orebro";
  EXPECT_TRUE(hosted);
  bool steering_four = false, management = false, committee = false;
  for (const auto& b : m.bodies()) {
    if (b.kind == om::body_kind::steering_group) steering_four = b.meetings_per_year == om::cadence{4, 4};
    management |= b.kind == om::body_kind::management_group;
    committee |= b.kind == om::body_kind::committee && m[b.organisation].id == "region-orebro";
  }
  EXPECT_TRUE(steering_four);
  EXPECT_TRUE(management);
  EXPECT_TRUE(committee);
  std::size_t per_inhabitant = 0, matching_by_region = 0;
  for (const auto& r : m.funding_rules()) {
    if (r.basis == om::funding_basis::per_inhabitant && r.rate == om::money::from_major(10)) ++per_inhabitant;
    if (r.basis == om::funding_basis::matching && m[r.payer].id == "region-orebro" && r.ratio == om::share::one()) ++matching_by_region;
  }
  EXPECT_EQ(per_inhabitant, 12u);
  EXPECT_EQ(matching_by_region, 1u);
}
