// The builder, the model's lookups and the range-v3 views of queries.hpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "orgmodel/model/builder.hpp"
#include "orgmodel/model/queries.hpp"

namespace om = orgmodel;

namespace {
/// Two municipalities in a partnership hosted by a region; the region owns a company 75 %,
/// a municipality 25 %.
om::model sample() {
  om::model_builder b("sample", "Sample");
  b.info().source = "hand-made";
  auto region = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region, .population = 300'000});
  auto a = b.add_organisation({.id = "a", .name = "A kommun", .kind = om::organisation_kind::municipality, .population = 1000});
  auto c = b.add_organisation({.id = "c", .name = "C kommun", .kind = om::organisation_kind::municipality, .population = 3000});
  auto p = b.add_organisation({.id = "p", .name = "Partnership", .kind = om::organisation_kind::partnership});
  auto ab = b.add_organisation({.id = "ab", .name = "AB", .kind = om::organisation_kind::company});
  auto team = b.add_organisation({.id = "team", .name = "Team", .kind = om::organisation_kind::unit, .can_sign_agreements = true});
  auto sg = b.add_body({.id = "sg", .name = "Steering group", .kind = om::body_kind::steering_group, .organisation = p});
  auto mg = b.add_body({.id = "mg", .name = "Management group", .kind = om::body_kind::management_group, .organisation = p});
  auto board = b.add_body({.id = "board", .name = "Board", .kind = om::body_kind::board, .organisation = ab});
  b.add_seat({.body = sg, .holder = a, .role = "executive_board_chair"});
  b.add_seat({.body = mg, .holder = a, .role = "chief_executive"});
  b.add_seat({.body = sg, .holder = c, .role = "executive_board_chair", .chair = true});
  b.add_seat({.body = board, .holder = region, .votes = 3});
  b.add_membership({.member = a, .organisation = p});
  b.add_membership({.member = c, .organisation = p});
  b.add_membership({.member = region, .organisation = p, .kind = om::membership_kind::served});
  b.add_affiliation({.child = team, .parent = region, .kind = om::affiliation_kind::hosted_by});
  b.add_ownership({.owner = region, .owned = ab, .equity = om::share::percent(75), .votes = om::share::percent(75)});
  b.add_ownership({.owner = a, .owned = ab, .equity = om::share::percent(25), .votes = om::share::percent(25)});
  b.add_funding_rule({.id = "fee-a", .payer = a, .recipient = p, .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_major(10)});
  b.add_funding_rule({.id = "fee-c", .payer = c, .recipient = p, .basis = om::funding_basis::per_inhabitant, .rate = om::money::from_major(10)});
  b.add_funding_rule({.id = "grant", .payer = region, .recipient = ab, .amount = om::money::from_major(4'000'000)});
  return std::move(b).build();
}

template <class Range>
std::vector<std::string> org_ids(const om::model& m, Range&& r) {
  std::vector<std::string> out;
  for (om::organisation_index o : r) out.push_back(m[o].id);
  return out;
}
}  // namespace

TEST(Builder, ReturnsDenseTypedIndices) {
  om::model_builder b("x", "X");
  EXPECT_EQ(b.add_organisation({.id = "o0", .name = "O0"}).value, 0u);
  EXPECT_EQ(b.add_organisation({.id = "o1", .name = "O1"}).value, 1u);
  EXPECT_EQ(b.add_body({.id = "b0", .name = "B0", .organisation = om::organisation_index(1)}).value, 0u);
  EXPECT_EQ(b.add_seat({.body = om::body_index(0), .holder = om::organisation_index(0)}).value, 0u);
  EXPECT_EQ(b.add_funding_rule({.id = "r", .payer = om::organisation_index(0), .recipient = om::organisation_index(1)}).value, 0u);
  EXPECT_EQ(b.add_decision_class("recruitment"), 7);
  EXPECT_EQ(b.add_decision_class("procurement"), 8);
  b.reserve(10, 10, 10);
  EXPECT_EQ(b.data().organisations.size(), 2u);
  om::model m = std::move(b).build();
  EXPECT_EQ(m.info().id, "x");
  EXPECT_EQ(m.info().currency, "SEK");
  ASSERT_EQ(m.decision_class_names().size(), 9u);
  EXPECT_EQ(m.decision_class_names()[8], "procurement");
  EXPECT_EQ(m.find_decision_class("recruitment"), 7);
  EXPECT_EQ(m.find_decision_class("budget"), 1);
  EXPECT_FALSE(m.find_decision_class("nope").has_value());
  EXPECT_EQ(m.all_decision_classes().bits(), 0x1FFu);  // 9 classes: bits 0–8
}

TEST(Builder, BuildValidates) {
  om::model_builder b("x", "X");
  b.add_organisation({.id = "o", .name = "O"});
  b.add_organisation({.id = "o", .name = "O again"});
  EXPECT_THROW((void)std::move(b).build(), om::invalid_model);
}

TEST(Model, LookupsAndSpans) {
  const om::model m = sample();
  EXPECT_EQ(m.organisations().size(), 6u);
  EXPECT_EQ(m.bodies().size(), 3u);
  EXPECT_EQ(m.seats().size(), 4u);
  EXPECT_EQ(m.memberships().size(), 3u);
  EXPECT_EQ(m.ownerships().size(), 2u);
  EXPECT_EQ(m.funding_rules().size(), 3u);
  EXPECT_EQ(m.affiliations().size(), 1u);
  EXPECT_TRUE(m.escalations().empty());
  EXPECT_EQ(m.info().source, "hand-made");
  EXPECT_EQ(m.organisation_at("c").value, 2u);
  EXPECT_EQ(m.body_at("board").value, 2u);
  EXPECT_EQ(m[m.organisation_at("c")].population, 3000);
  EXPECT_EQ(m[om::seat_index(3)].votes, 3);
  EXPECT_EQ(m.find_funding_rule("grant")->value, 2u);
  EXPECT_EQ(m[*m.find_funding_rule("grant")].amount.str(), "4000000.00");
  EXPECT_FALSE(m.find_funding_rule("nope").has_value());
  EXPECT_FALSE(m.find_organisation("nope").has_value());
  EXPECT_FALSE(m.find_body("nope").has_value());
  try {
    (void)m.body_at("nope");
    FAIL();
  } catch (const om::lookup_error& e) {
    EXPECT_STREQ(e.what(), "[orgmodel.lookup_error.not_found] no body with id \"nope\" in model \"sample\"");
  }
  EXPECT_THROW((void)m[om::organisation_index(6)], std::out_of_range);
  // Kind decides unless the organisation says otherwise: a unit cannot sign, this team may.
  EXPECT_TRUE(m.can_sign_agreements(m.organisation_at("a")));
  EXPECT_FALSE(m.can_sign_agreements(m.organisation_at("p")));
  EXPECT_TRUE(m.can_sign_agreements(m.organisation_at("team")));
  // Copies compare equal; an empty model is valid and different.
  const om::model copy = m;
  EXPECT_EQ(copy, m);
  EXPECT_FALSE(om::model() == m);
  EXPECT_EQ(om::model().decision_class_names().size(), 7u);
}

TEST(Queries, SeatsHeldByAndOn) {
  const om::model m = sample();
  // "a" holds a seat on sg and one on mg (seats 0 and 1).
  std::vector<std::string> bodies;
  for (const om::seat& s : om::seats_held_by(m, m.organisation_at("a"))) bodies.push_back(m[s.body].id);
  EXPECT_EQ(bodies, (std::vector<std::string>{"sg", "mg"}));
  std::vector<std::string> holders;
  for (const om::seat& s : om::seats_on(m, m.body_at("sg"))) holders.push_back(m[s.holder].id);
  EXPECT_EQ(holders, (std::vector<std::string>{"a", "c"}));
  int n = 0;
  for (const om::seat& s : om::seats_held_by(m, m.organisation_at("p"))) n += s.votes > 0 ? 1 : 0;
  EXPECT_EQ(n, 0);
}

TEST(Queries, BodiesOfMembersOfOwnersOfFundingTo) {
  const om::model m = sample();
  std::vector<std::string> bodies;
  for (om::body_index b : om::bodies_of(m, m.organisation_at("p"))) bodies.push_back(m[b].id);
  EXPECT_EQ(bodies, (std::vector<std::string>{"sg", "mg"}));
  EXPECT_EQ(org_ids(m, om::members_of(m, m.organisation_at("p"))), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(org_ids(m, om::members_of(m, m.organisation_at("p"), om::membership_kind::served)),
            (std::vector<std::string>{"region"}));
  om::share total;
  for (const om::ownership& o : om::owners_of(m, m.organisation_at("ab"))) total = total + o.equity.low;
  EXPECT_EQ(total, om::share::one());  // 75 % + 25 %
  std::vector<std::string> rules;
  for (const om::funding_rule& r : om::funding_rules_to(m, m.organisation_at("p"))) rules.push_back(r.id);
  EXPECT_EQ(rules, (std::vector<std::string>{"fee-a", "fee-c"}));
}
