// Mismatches (hand-computed) and the national view over the builder models of the study.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "coverage_models.hpp"
#include "orgmodel/analysis/coverage_mismatches.hpp"
#include "orgmodel/analysis/national_view.hpp"

namespace om = orgmodel;

TEST(CoverageMismatches, HandComputedExample) {
  om::model_builder b("j", "J");
  auto j = b.add_organisation({.id = "j", .name = "Joint"});
  auto a = b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality, .population = 100});
  auto bb = b.add_organisation({.id = "b", .name = "B", .kind = om::organisation_kind::municipality, .population = 300});
  auto c = b.add_organisation({.id = "c", .name = "C", .kind = om::organisation_kind::municipality, .population = 600});
  auto d = b.add_organisation({.id = "d", .name = "D", .kind = om::organisation_kind::municipality, .population = 1000});
  auto uni = b.add_organisation({.id = "uni", .name = "University", .kind = om::organisation_kind::university});
  auto agency = b.add_organisation({.id = "agency", .name = "Agency", .kind = om::organisation_kind::agency});
  auto sg = b.add_body({.id = "sg", .name = "SG", .kind = om::body_kind::steering_group, .layer = om::layer::political, .organisation = j});
  for (auto x : {a, bb, c}) b.add_seat({.body = sg, .holder = x});
  b.add_seat({.body = sg, .holder = d, .votes = 0});
  b.add_seat({.body = sg, .holder = uni});
  for (auto x : {a, bb, c, d}) {
    b.add_membership({.member = x, .organisation = j});
    b.add_funding_rule({.id = "fee-" + b.data().organisations[x.value].id, .payer = x, .recipient = j,
                        .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_major(1)});
  }
  b.add_funding_rule({.id = "agency", .payer = agency, .recipient = j, .amount = om::money::from_major(1000)});
  const auto m = std::move(b).build();
  const auto cov = om::coverage(m);
  const auto r = om::mismatches(m, cov);
  ASSERT_EQ(r.funders_without_seat.size(), 1u);
  EXPECT_EQ(m[r.funders_without_seat[0]].id, "agency");
  ASSERT_EQ(r.seats_without_funding.size(), 1u);
  EXPECT_EQ(m[r.seats_without_funding[0]].id, "uni");
  ASSERT_EQ(r.members_without_vote.size(), 1u);
  EXPECT_EQ(m[r.members_without_vote[0]].id, "d");
  EXPECT_EQ(r.members_with_seat_without_vote.size(), 1u);
  // Population shares .05 .15 .30 .50; votes 1/3 1/3 1/3 0; seats 1/4 each.
  // LH(votes) = ½(.28333 + .18333 + .03333 + .5) = 0.5; LH(seats) = ½(.2 + .1 + .05 + .25) = 0.3.
  EXPECT_NEAR(r.vote_population_index, 0.5, 1e-12);
  EXPECT_NEAR(r.seat_population_index, 0.3, 1e-12);
  ASSERT_EQ(r.balance.size(), 4u);
  EXPECT_NEAR(*r.balance[0].votes_per_population, (1.0 / 3) / 0.05, 1e-12);
  EXPECT_EQ(r.balance[3].pays, std::vector<om::funding_basis>{om::funding_basis::per_inhabitant});
  // Money (2024, rules open-ended): 1 SEK per inhabitant → 100, 300, 600, 1 000 SEK; money
  // shares equal population shares, so votes against money is again 0.5 and population 0.
  EXPECT_EQ(r.paid_by_stakeholders, om::money::from_major(2000));
  EXPECT_EQ(*r.balance[2].paid, om::money::from_major(600));
  EXPECT_NEAR(r.vote_money_index, 0.5, 1e-12);
  EXPECT_NEAR(r.population_money_index, 0.0, 1e-12);
  EXPECT_EQ(r.money_unknown, 0u);
  EXPECT_NE(r.money_status.find("2024"), std::string::npos);
}

TEST(CoverageMismatches, StudyModels) {
  // BRO: every payer (12 municipalities, the region by matching) sits; every voting seat pays.
  const auto bro = coverage_models::bro();
  const auto rb = om::mismatches(bro, om::coverage(bro));
  EXPECT_TRUE(rb.funders_without_seat.empty());
  EXPECT_TRUE(rb.seats_without_funding.empty());
  EXPECT_TRUE(rb.members_without_vote.empty());
  // Halland: the region pays and sits; the six municipalities have no vote.
  const auto iih = coverage_models::iih();
  const auto rh = om::mismatches(iih, om::coverage(iih, {.source = om::stakeholder_source::served}));
  EXPECT_TRUE(rh.funders_without_seat.empty());
  EXPECT_EQ(rh.members_without_vote.size(), 6u);
  // SBA: 13 of 26 known members on decision bodies … all 26 vote in the KSO meeting; the six
  // represented Stockholm-county members have no seat on the steering group but a vote there.
  const auto sba = coverage_models::sba();
  const auto rs = om::mismatches(sba, om::coverage(sba));
  EXPECT_TRUE(rs.members_without_vote.empty());
  EXPECT_TRUE(rs.funders_without_seat.empty());
}

namespace {
std::set<std::string> sba_csv_names() {
  std::ifstream in(std::string(ORGMODEL_SOURCE_DIR) + "/data/scb/sba_members_partial.csv");
  std::set<std::string> names;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line))
    if (!line.empty()) names.insert(line.substr(0, line.find(',')));
  return names;
}
}  // namespace

TEST(NationalView, StudyModelsHandCounted) {
  const std::vector<om::model> models{coverage_models::bro(), coverage_models::iih(), coverage_models::iin(),
                                      coverage_models::sba()};
  const auto v = om::national_view(models);
  ASSERT_EQ(v.municipalities.size(), 290u);
  // Served: 12 (BRO) + 6 (IiH) + 14 (IiN) + 26 (SBA) − 2 (Karlskoga, Örebro in BRO and SBA) = 56.
  EXPECT_EQ(v.of(om::service_class::several).municipalities, 2u);
  EXPECT_EQ(v.of(om::service_class::one).municipalities, 54u);
  EXPECT_EQ(v.of(om::service_class::none).municipalities, 234u);
  std::int64_t total = 0;
  for (const auto& t : v.classes) total += t.population;
  EXPECT_EQ(total, 10551707);  // Sweden, 31 Dec 2023
  EXPECT_EQ(v.of(om::service_class::several).population, 30261 + 159348);  // Karlskoga + Örebro
  ASSERT_EQ(v.organisations.size(), 4u);
  EXPECT_TRUE(v.organisations[3].cross_county);  // SBA: 9 counties among its known members
  EXPECT_EQ(v.organisations[3].counties.size(), 9u);
  EXPECT_FALSE(v.organisations[0].cross_county);
  EXPECT_TRUE(v.unmatched.empty());
}

TEST(NationalView, FourCountiesWithoutAnOrganisationApartFromSbaMembers) {
  const std::vector<om::model> models{coverage_models::bro(), coverage_models::iih(), coverage_models::iin(),
                                      coverage_models::sba()};
  const auto v = om::national_view(models);
  const auto known = sba_csv_names();
  std::size_t seen = 0, sba_served = 0;
  for (const char* county : {"03", "04", "09", "19"}) {  // Uppsala, Södermanland, Gotland, Västmanland
    EXPECT_NE(std::find(v.counties_without_organisation.begin(), v.counties_without_organisation.end(), county),
              v.counties_without_organisation.end())
        << county;
    for (const auto& mu : v.municipalities) {
      if (mu.county_code != county) continue;
      ++seen;
      for (auto o : mu.served_by) EXPECT_EQ(v.organisations[o].id, "stockholm-business-alliance") << mu.name;
      if (!mu.served_by.empty()) {
        ++sba_served;
        EXPECT_TRUE(known.contains(std::string(mu.name))) << mu.name;
      }
    }
  }
  EXPECT_EQ(seen, 8u + 9u + 1u + 10u);
  // Enköping, Uppsala; Eskilstuna, Katrineholm, Oxelösund; Kungsör, Sala, Västerås.
  EXPECT_EQ(sba_served, 8u);
}
