// Coverage on builder models of the study's organisations, with hand-computed expectations
// (SCB 2023 populations from data/scb/se_municipalities_2023.csv).
#include <gtest/gtest.h>

#include <algorithm>

#include "coverage_models.hpp"
#include "orgmodel/analysis/coverage.hpp"

namespace om = orgmodel;
using om::layer;

namespace {
std::vector<std::string> ids(const om::model& m, const std::vector<om::organisation_index>& v) {
  std::vector<std::string> out;
  for (auto o : v) out.push_back(m[o].id);
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST(Coverage, BusinessRegionOrebroAllTwelveOnPoliticalAndOperativeLayer) {
  const auto m = coverage_models::bro();
  const auto r = om::coverage(m);
  EXPECT_EQ(m[r.subject].id, "business-region-orebro");
  ASSERT_EQ(r.stakeholders.size(), 12u);
  EXPECT_EQ(r.on(layer::political).direct, 12u);
  EXPECT_EQ(r.on(layer::operative).direct, 12u);
  // Örebro län: 308 116 inhabitants in its 12 municipalities, all of them present.
  EXPECT_EQ(r.on(layer::political).population, 308116);
  EXPECT_EQ(r.on(layer::political).population_direct, 308116);
  EXPECT_EQ(r.on(layer::executive).direct, 0u);
  // The host's (Örebro kommun's) executive board is not BRO's governance; the region's growth
  // committee is not a governing parent's body (BRO is not part of the region) either.
  for (const auto& g : r.bodies) EXPECT_EQ(m[g.body].organisation, r.subject);
  EXPECT_EQ(r.bodies.size(), 3u);
  EXPECT_EQ(r.decision.bodies, 2u);  // steering and management group; the operative team executes
  EXPECT_EQ(r.decision.direct, 12u);
}

TEST(Coverage, InvestInHallandNoMunicipalityOnAnyDecisionBody) {
  const auto m = coverage_models::iih();
  const auto r = om::coverage(m, {.source = om::stakeholder_source::served});
  ASSERT_EQ(r.stakeholders.size(), 6u);
  EXPECT_EQ(r.decision.direct, 0u);
  EXPECT_EQ(r.decision.delegated, 0u);
  EXPECT_EQ(r.decision.none, 6u);
  EXPECT_EQ(r.decision.population_none, 343746);  // Hallands län, six municipalities
  EXPECT_EQ(r.any.direct, 0u);
  // The head of Region Halland's business department is reached by escalation from the unit's team.
  ASSERT_EQ(r.bodies.size(), 2u);
  EXPECT_EQ(m[r.bodies[1].body].id, "region-halland-head-of-business");
  EXPECT_EQ(r.bodies[1].reason, om::governance_reason::parent_escalation);
  // The members (kind member) of a unit that only serves: none.
  EXPECT_TRUE(om::coverage(m).stakeholders.empty());
  // With every parent body (scope ancestors) the regional council joins, still without municipalities.
  const auto all = om::coverage(m, {.source = om::stakeholder_source::served, .scope = om::governance_scope::ancestors});
  EXPECT_EQ(all.bodies.size(), 3u);
  EXPECT_EQ(all.decision.direct, 0u);
}

TEST(Coverage, InvestInNorrbottenThirteenOfFourteenAmongOwnersKirunaOutside) {
  const auto m = coverage_models::iin();
  const auto r = om::coverage(m, {.source = om::stakeholder_source::served});
  ASSERT_EQ(r.stakeholders.size(), 14u);
  const auto& owners = r.on(layer::owner);
  EXPECT_EQ(owners.direct, 13u);
  EXPECT_EQ(owners.none, 1u);
  EXPECT_EQ(owners.population_none, 22433);                 // Kiruna
  EXPECT_EQ(owners.population_direct, 248480 - 22433);      // Norrbottens län less Kiruna = 226 047
  for (const auto& s : r.stakeholders)
    EXPECT_EQ(s.layers[3].owns, m[s.stakeholder].id != "kiruna") << m[s.stakeholder].id;
  // Without counting equity there is no owner body with seats: nobody on the owner layer.
  EXPECT_EQ(om::coverage(m, {.source = om::stakeholder_source::served, .owners_by_equity = false}).on(layer::owner).direct, 0u);
}

TEST(Coverage, StockholmBusinessAllianceDirectAndThroughTheFourChosen) {
  const auto m = coverage_models::sba();
  const auto r = om::coverage(m);
  ASSERT_EQ(r.stakeholders.size(), 26u);  // the known members
  const auto& exec = r.on(layer::executive);
  EXPECT_EQ(exec.direct, 13u);
  // Known Stockholm-county members off the steering group: Ekerö, Lidingö, Nynäshamn,
  // Sundbyberg, Upplands-Bro, Österåker = 6, with 28 808 + 48 324 + 30 311 + 55 912 + 32 453 +
  // 49 282 = 245 090 inhabitants; the other 7 known members are not represented.
  EXPECT_EQ(exec.delegated, 6u);
  EXPECT_EQ(exec.population_delegated, 245090);
  EXPECT_EQ(exec.none, 7u);
  ASSERT_EQ(r.delegates.size(), 1u);
  const auto& g = r.delegates.front();
  EXPECT_EQ(g.via, "StorSthlm");
  EXPECT_EQ(m[g.body].id, "sba-steering-group");
  EXPECT_EQ(ids(m, g.representatives), (std::vector<std::string>{"danderyd", "nacka", "sigtuna", "solna"}));
  EXPECT_EQ(ids(m, g.represented),
            (std::vector<std::string>{"ekero", "lidingo", "nynashamn", "osteraker", "sundbyberg", "upplands-bro"}));
  EXPECT_EQ(g.population, 245090);
  // The chain of a represented member: one step, to the first of the four (Danderyd).
  for (const auto& s : r.stakeholders) {
    if (m[s.stakeholder].id != "lidingo") continue;
    ASSERT_EQ(s.layers[1].chain.size(), 1u);
    EXPECT_EQ(m[s.layers[1].chain[0].to].id, "danderyd");
    EXPECT_TRUE(s.layers[1].delegated);
    EXPECT_EQ(s.decision_seats, 1);  // the yearly KSO meeting decides strategy
    EXPECT_FALSE(s.delegated_decision);
  }
  // Every known member sits in the yearly KSO meeting.
  EXPECT_EQ(r.on(layer::political).direct, 26u);
}

TEST(Coverage, ChainsThroughSeveralRepresentativesAndAssociations) {
  om::model_builder b("t", "T");
  auto j = b.add_organisation({.id = "j", .name = "Joint"});
  auto assoc = b.add_organisation({.id = "assoc", .name = "Kommunalförbund", .kind = om::organisation_kind::municipal_association});
  auto a = b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality, .population = 10});
  auto c = b.add_organisation({.id = "c", .name = "C", .kind = om::organisation_kind::municipality, .population = 20});
  auto d = b.add_organisation({.id = "d", .name = "D", .kind = om::organisation_kind::municipality, .population = 40});
  auto e = b.add_organisation({.id = "e", .name = "E", .kind = om::organisation_kind::municipality});
  auto board = b.add_body({.id = "board", .name = "Board", .kind = om::body_kind::board, .layer = om::layer::executive, .organisation = j});
  auto sg = b.add_body({.id = "sg", .name = "SG", .kind = om::body_kind::steering_group, .layer = om::layer::political, .organisation = j});
  b.add_seat({.body = board, .holder = assoc});
  b.add_seat({.body = sg, .holder = d});
  for (auto x : {a, c, d, e}) b.add_membership({.member = x, .organisation = j});
  b.add_membership({.member = a, .organisation = assoc});
  // c → a (everywhere) → assoc (membership) sits on the board; c → d only on the board: d is not there.
  b.add_representation({.represented = c, .representative = a});
  b.add_representation({.represented = c, .representative = d, .body = board});
  // e → d for the steering group only.
  b.add_representation({.represented = e, .representative = d, .body = sg});
  const auto m = std::move(b).build();
  const auto r = om::coverage(m);
  ASSERT_EQ(r.stakeholders.size(), 4u);
  const auto& sa = r.stakeholders[0];
  EXPECT_TRUE(sa.layers[1].delegated);
  ASSERT_EQ(sa.layers[1].chain.size(), 1u);
  EXPECT_EQ(sa.layers[1].chain[0].kind, om::delegation_kind::association_membership);
  const auto& sc = r.stakeholders[1];
  ASSERT_EQ(sc.layers[1].chain.size(), 2u);  // c → a → assoc
  EXPECT_EQ(m[sc.layers[1].chain[1].to].id, "assoc");
  EXPECT_FALSE(sc.layers[0].delegated);  // c → d holds only for the board, where d has no seat
  const auto& se = r.stakeholders[3];
  EXPECT_TRUE(se.layers[0].delegated);
  EXPECT_FALSE(se.layers[1].delegated);
  EXPECT_EQ(r.on(layer::executive).direct, 0u);
  EXPECT_EQ(r.on(layer::executive).delegated, 2u);  // a, c
  EXPECT_EQ(r.on(layer::political).direct, 1u);     // d
  EXPECT_EQ(r.on(layer::political).population_unknown, 1u);  // e
  // Without association links a reaches nothing and c only through d … which is board-only.
  const auto r2 = om::coverage(m, {.association_members_represented = false});
  EXPECT_FALSE(r2.stakeholders[0].layers[1].delegated);
  EXPECT_FALSE(r2.stakeholders[1].layers[1].delegated);
}

TEST(Coverage, GivenStakeholdersAndErrors) {
  const auto m = coverage_models::bro();
  om::coverage_options opt;
  om::parse_stakeholders(m, "karlskoga,region-orebro", opt);
  EXPECT_EQ(opt.source, om::stakeholder_source::given);
  const auto r = om::coverage(m, opt);
  EXPECT_EQ(r.on(layer::political).direct, 2u);
  EXPECT_EQ(r.on(layer::political).population_unknown, 1u);  // the region has no population in the model
  try {
    om::parse_stakeholders(m, "karlskoga,nowhere", opt);
    FAIL();
  } catch (const om::lookup_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"nowhere\""), std::string::npos);
  }
  om::parse_stakeholders(m, "funders", opt);
  EXPECT_EQ(opt.source, om::stakeholder_source::funders);
  EXPECT_EQ(om::coverage(m, opt).stakeholders.size(), 13u);  // 12 municipalities + the region
}
