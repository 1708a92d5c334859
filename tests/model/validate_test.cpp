// Every validation rule of model/validate.hpp, through the builder: each broken rule gives an
// invalid_model with its own code and the JSON Pointer of the offending element.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>

#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {

/// A valid base: a region, two municipalities, a joint company, two bodies with one seat each.
struct base {
  om::model_builder b{"t", "Test"};
  om::organisation_index region, kom1, kom2, company;
  om::body_index board, team;
  base() {
    region = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region, .population = 300'000});
    kom1 = b.add_organisation({.id = "kom1", .name = "Kommun 1", .kind = om::organisation_kind::municipality, .population = 1000});
    kom2 = b.add_organisation({.id = "kom2", .name = "Kommun 2", .kind = om::organisation_kind::municipality, .population = 2000});
    company = b.add_organisation({.id = "ab", .name = "AB", .kind = om::organisation_kind::company});
    board = b.add_body({.id = "board", .name = "Board", .kind = om::body_kind::board, .organisation = company});
    team = b.add_body({.id = "team", .name = "Team", .kind = om::body_kind::operative_team, .organisation = company});
    b.add_seat({.body = board, .holder = region});
    b.add_seat({.body = board, .holder = kom1});
  }
};

/// Builds the model after `edit`, expecting invalid_model with this code, pointer and message part.
void expect_invalid(const std::function<void(base&)>& edit, om::error_code code, const std::string& pointer,
                    const std::string& fragment) {
  base t;
  edit(t);
  try {
    (void)std::move(t.b).build();
    ADD_FAILURE() << "expected " << om::to_string(code) << " at " << pointer;
  } catch (const om::invalid_model& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.pointer(), pointer) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("[orgmodel.invalid_model." + std::string(om::to_string(code)) + "] ", 0), 0u)
        << e.what();
  }
}

void expect_valid(const std::function<void(base&)>& edit) {
  base t;
  edit(t);
  EXPECT_NO_THROW((void)std::move(t.b).build());
}

}  // namespace

TEST(Validate, BaseModelIsValid) {
  expect_valid([](base&) {});
}

TEST(Validate, DuplicateIds) {
  expect_invalid([](base& t) { t.b.add_organisation({.id = "kom1", .name = "Again"}); }, om::error_code::duplicate_id,
                 "/organizations/4/id", "duplicate organisation id \"kom1\" (first at /organizations/1)");
  expect_invalid([](base& t) { t.b.add_body({.id = "team", .name = "Again", .organisation = t.region}); },
                 om::error_code::duplicate_id, "/bodies/2/id", "duplicate body id \"team\"");
  expect_invalid(
      [](base& t) {
        t.b.add_funding_rule({.id = "f", .payer = t.kom1, .recipient = t.company, .amount = om::money::from_major(1)});
        t.b.add_funding_rule({.id = "f", .payer = t.kom2, .recipient = t.company, .amount = om::money::from_major(1)});
      },
      om::error_code::duplicate_id, "/funding_rules/1/id", "duplicate funding rule id \"f\"");
  expect_invalid([](base& t) { t.b.add_decision_class("budget"); }, om::error_code::duplicate_id, "/decision_classes/0",
                 "decision class \"budget\" is defined twice");
  expect_invalid([](base& t) { t.b.add_organisation({.id = "", .name = "Nameless"}); }, om::error_code::missing_member,
                 "/organizations/4/id", "organisation without an id");
}

TEST(Validate, DanglingReferencesInEveryRelation) {
  const om::organisation_index ghost(99);
  const om::body_index nobody(42);
  expect_invalid([&](base& t) { t.b.add_body({.id = "x", .name = "X", .organisation = ghost}); },
                 om::error_code::dangling_reference, "/bodies/2/organization_id", "organisation #99");
  // The third seat on the board (index 1 among its seats would be kom1; this is seat 2).
  expect_invalid([&](base& t) { t.b.add_seat({.body = t.board, .holder = ghost}); }, om::error_code::dangling_reference,
                 "/bodies/0/seats/2/on_behalf_of_id", "organisation #99");
  // A seat on the team is the team's first seat, whatever its position in the seat vector.
  expect_invalid([&](base& t) { t.b.add_seat({.body = t.team, .holder = ghost}); }, om::error_code::dangling_reference,
                 "/bodies/1/seats/0/on_behalf_of_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_seat({.body = nobody, .holder = t.kom1}); }, om::error_code::dangling_reference,
                 "/seats/2/body", "body #42");
  expect_invalid([&](base& t) { t.b.add_affiliation({.child = t.kom1, .parent = ghost}); },
                 om::error_code::dangling_reference, "/affiliations/0/parent_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_escalation({.from = t.team, .to = nobody}); }, om::error_code::dangling_reference,
                 "/escalations/0/to_id", "body #42");
  expect_invalid([&](base& t) { t.b.add_escalation({.from = nobody, .to = t.team}); }, om::error_code::dangling_reference,
                 "/escalations/0/from_id", "body #42");
  expect_invalid([&](base& t) { t.b.add_ownership({.owner = ghost, .owned = t.company, .equity = om::share(1, 2)}); },
                 om::error_code::dangling_reference, "/ownerships/0/owner_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_ownership({.owner = t.kom1, .owned = ghost, .equity = om::share(1, 2)}); },
                 om::error_code::dangling_reference, "/ownerships/0/organization_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_funding_rule({.id = "f", .payer = ghost, .recipient = t.company}); },
                 om::error_code::dangling_reference, "/funding_rules/0/payer_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_funding_rule({.id = "f", .payer = t.kom1, .recipient = ghost}); },
                 om::error_code::dangling_reference, "/funding_rules/0/recipient_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_membership({.member = t.kom1, .organisation = ghost}); },
                 om::error_code::dangling_reference, "/memberships/0/organization_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_membership({.member = ghost, .organisation = t.company}); },
                 om::error_code::dangling_reference, "/memberships/0/member_id", "organisation #99");
  expect_invalid([&](base& t) { t.b.add_representation({.represented = t.kom1, .representative = ghost}); },
                 om::error_code::dangling_reference, "/representations/0/representative_id", "organisation #99");
  expect_invalid(
      [&](base& t) { t.b.add_representation({.represented = t.kom1, .representative = t.kom2, .body = nobody}); },
      om::error_code::dangling_reference, "/representations/0/body_id", "body #42");
  expect_invalid([&](base& t) { t.b.add_budget({.organisation = ghost, .year = 2023}); }, om::error_code::dangling_reference,
                 "/budgets/0/organization_id", "organisation #99");
  // A representation without a body means "everywhere": valid.
  expect_valid([](base& t) { t.b.add_representation({.represented = t.kom1, .representative = t.kom2}); });
}

TEST(Validate, SelfReferences) {
  expect_invalid([](base& t) { t.b.add_affiliation({.child = t.kom1, .parent = t.kom1}); }, om::error_code::self_reference,
                 "/affiliations/0", "part of itself");
  expect_invalid([](base& t) { t.b.add_escalation({.from = t.team, .to = t.team}); }, om::error_code::self_reference,
                 "/escalations/0", "from a body to itself");
  expect_invalid([](base& t) { t.b.add_ownership({.owner = t.company, .owned = t.company, .equity = om::share(1, 2)}); },
                 om::error_code::self_reference, "/ownerships/0", "own itself");
  expect_invalid([](base& t) { t.b.add_funding_rule({.id = "f", .payer = t.kom1, .recipient = t.kom1}); },
                 om::error_code::self_reference, "/funding_rules/0", "to itself");
  expect_invalid([](base& t) { t.b.add_membership({.member = t.kom1, .organisation = t.kom1}); },
                 om::error_code::self_reference, "/memberships/0", "member of itself");
  expect_invalid([](base& t) { t.b.add_representation({.represented = t.kom1, .representative = t.kom1}); },
                 om::error_code::self_reference, "/representations/0", "represented by itself");
}

TEST(Validate, OwnersAboveOneHundredPercent) {
  // 75 % + 25 % = 100 %: allowed.
  expect_valid([](base& t) {
    t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = om::share::percent(75), .votes = om::share::percent(75)});
    t.b.add_ownership({.owner = t.kom1, .owned = t.company, .equity = om::share::percent(25), .votes = om::share::percent(25)});
  });
  // 75 % + 1/3 = 13/12 > 1: the second holding is the offender.
  expect_invalid(
      [](base& t) {
        t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = om::share::percent(75), .votes = om::share::percent(75)});
        t.b.add_ownership({.owner = t.kom1, .owned = t.company, .equity = om::share(1, 3), .votes = om::share::zero()});
      },
      om::error_code::over_allocated, "/ownerships/1/share", "hold at least 13/12 of its equity");
  // Ranges count with their lower bound: 60–80 % + 30–45 % is at least 90 %: allowed …
  expect_valid([](base& t) {
    om::share_range r1(om::share::percent(60), om::share::percent(80)), r2(om::share::percent(30), om::share::percent(45));
    t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = r1, .votes = r1});
    t.b.add_ownership({.owner = t.kom1, .owned = t.company, .equity = r2, .votes = r2});
  });
  // … but 60–80 % + 45–50 % is at least 105 %.
  expect_invalid(
      [](base& t) {
        om::share_range r1(om::share::percent(60), om::share::percent(80)), r2(om::share::percent(45), om::share::percent(50));
        t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = r1, .votes = r1});
        t.b.add_ownership({.owner = t.kom1, .owned = t.company, .equity = r2, .votes = r2});
      },
      om::error_code::over_allocated, "/ownerships/1/share", "1.05");
  // Equity fits (50 % + 50 %) but voting shares do not (60 % + 50 % = 110 %).
  expect_invalid(
      [](base& t) {
        t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = om::share::percent(50), .votes = om::share::percent(60)});
        t.b.add_ownership({.owner = t.kom1, .owned = t.company, .equity = om::share::percent(50), .votes = om::share::percent(50)});
      },
      om::error_code::over_allocated, "/ownerships/1/voting_share", "hold at least 1.1 of its votes");
  // A single holding above one, an inverted range, a negative share.
  expect_invalid(
      [](base& t) { t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = om::share(3, 2), .votes = om::share(1, 2)}); },
      om::error_code::out_of_range, "/ownerships/0/share", "not within 0–1");
  expect_invalid(
      [](base& t) {
        om::share_range inverted(om::share::percent(20), om::share::percent(10));
        t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = inverted, .votes = om::share::percent(10)});
      },
      om::error_code::out_of_range, "/ownerships/0/share", "0.2–0.1");
  expect_invalid(
      [](base& t) {
        t.b.add_ownership({.owner = t.region, .owned = t.company, .equity = om::share(1, 2), .votes = om::share(-1, 2)});
      },
      om::error_code::out_of_range, "/ownerships/0/voting_share", "not within 0–1");
}

TEST(Validate, NegativeAndOutOfRangeNumbers) {
  expect_invalid([](base& t) { t.b.data().organisations[1].population = -1; }, om::error_code::out_of_range,
                 "/organizations/1/population", "population is negative");
  expect_invalid([](base& t) { t.b.data().seats[1].votes = -2; }, om::error_code::out_of_range, "/bodies/0/seats/1/votes",
                 "votes are negative");
  expect_invalid([](base& t) { t.b.data().bodies[1].staff = -4; }, om::error_code::out_of_range, "/bodies/1/staff",
                 "staff is negative");
  auto rule = [](base& t) -> om::funding_rule& {
    t.b.add_funding_rule({.id = "f", .payer = t.kom1, .recipient = t.company, .amount = om::money::from_major(100)});
    return t.b.data().funding_rules.back();
  };
  expect_invalid([&](base& t) { rule(t).amount = om::money::from_minor(-1); }, om::error_code::out_of_range,
                 "/funding_rules/0/amount", "amount -0.01 is negative");
  expect_invalid([&](base& t) { rule(t).rate = om::money::from_minor(-1000); }, om::error_code::out_of_range,
                 "/funding_rules/0/rate", "amount -10.00 is negative");
  expect_invalid([&](base& t) { rule(t).cap = om::money::from_minor(-1); }, om::error_code::out_of_range,
                 "/funding_rules/0/cap", "negative");
  expect_invalid([&](base& t) { rule(t).floor = om::money::from_minor(-1); }, om::error_code::out_of_range,
                 "/funding_rules/0/floor", "negative");
  expect_invalid([&](base& t) { rule(t).co_funding_min = om::money::from_minor(-1); }, om::error_code::out_of_range,
                 "/funding_rules/0/co_funding_min", "negative");
  expect_invalid(
      [&](base& t) {
        auto& r = rule(t);
        r.cap = om::money::from_major(5);
        r.floor = om::money::from_major(6);
      },
      om::error_code::out_of_range, "/funding_rules/0/cap", "cap below floor");
  expect_invalid([&](base& t) { rule(t).ratio = om::share(-1, 2); }, om::error_code::out_of_range, "/funding_rules/0/ratio",
                 "ratio is negative");
  expect_invalid(
      [&](base& t) {
        auto& r = rule(t);
        r.basis = om::funding_basis::share_of_total;
        r.ratio = om::share(11, 10);
      },
      om::error_code::out_of_range, "/funding_rules/0/ratio", "share of a total above 100 %");
  expect_invalid([&](base& t) { rule(t).period_years = 0; }, om::error_code::out_of_range, "/funding_rules/0/period_years",
                 "at least one year");
  expect_invalid(
      [&](base& t) {
        auto& r = rule(t);
        r.year_from = 2024;
        r.year_to = 2023;
      },
      om::error_code::out_of_range, "/funding_rules/0/year_to", "year_to before year_from");
  expect_invalid([](base& t) { t.b.add_budget({.organisation = t.company, .year = 2023, .amount = om::money::from_minor(-5)}); },
                 om::error_code::out_of_range, "/budgets/0/amount", "amount -0.05 is negative");
  // A matching ratio above one is allowed (a region may match twice the sum).
  expect_valid([&](base& t) {
    t.b.add_funding_rule({.id = "fee", .payer = t.kom1, .recipient = t.company, .basis = om::funding_basis::per_inhabitant,
                          .rate = om::money::from_major(10), .group = "fees"});
    t.b.add_funding_rule({.id = "match", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching,
                          .ratio = om::share(2, 1), .matches = "fees"});
  });
}

TEST(Validate, QuotaAndCadence) {
  expect_valid([](base& t) {
    t.b.data().bodies[0].quota = om::share(2, 3);
    t.b.data().bodies[0].meetings_per_year = om::cadence{2, 3};
  });
  expect_valid([](base& t) { t.b.data().bodies[0].quota = om::share::one(); });
  expect_invalid([](base& t) { t.b.data().bodies[0].quota = om::share::zero(); }, om::error_code::out_of_range,
                 "/bodies/0/quota", "quota 0 is not within (0, 1]");
  expect_invalid([](base& t) { t.b.data().bodies[0].quota = om::share(5, 4); }, om::error_code::out_of_range,
                 "/bodies/0/quota", "quota 1.25");
  expect_invalid([](base& t) { t.b.data().bodies[1].meetings_per_year = om::cadence{0, 0}; }, om::error_code::out_of_range,
                 "/bodies/1/meetings_per_year", "meetings per year");
  expect_invalid([](base& t) { t.b.data().bodies[1].meetings_per_year = om::cadence{4, 2}; }, om::error_code::out_of_range,
                 "/bodies/1/meetings_per_year", "low ≤ high");
  expect_invalid(
      [](base& t) { t.b.data().bodies[1].meetings_per_year = om::cadence{1, std::numeric_limits<double>::infinity()}; },
      om::error_code::out_of_range, "/bodies/1/meetings_per_year", "meetings per year");
  expect_invalid(
      [](base& t) { t.b.data().bodies[1].meetings_per_year = om::cadence{std::numeric_limits<double>::quiet_NaN(), 2}; },
      om::error_code::out_of_range, "/bodies/1/meetings_per_year", "meetings per year");
}

TEST(Validate, UnknownDecisionClasses) {
  // Seven default classes: bit 7 is the first the model does not define …
  expect_invalid([](base& t) { t.b.data().bodies[0].mandates = om::decision_class_set().insert(7); },
                 om::error_code::unknown_value, "/bodies/0/mandates", "decision class the model does not define");
  // … until the model adds an eighth.
  expect_valid([](base& t) {
    auto c = t.b.add_decision_class("recruitment");
    EXPECT_EQ(c, 7);
    t.b.data().bodies[0].mandates = om::decision_class_set().insert(c);
  });
  expect_invalid([](base& t) { t.b.add_escalation({.from = t.team, .to = t.board, .classes = om::decision_class_set().insert(9)}); },
                 om::error_code::unknown_value, "/escalations/0/decision_classes", "does not define");
  expect_invalid([](base& t) { t.b.add_escalation({.from = t.team, .to = t.board, .classes = om::decision_class_set()}); },
                 om::error_code::out_of_range, "/escalations/0/decision_classes", "no decision class");
  expect_invalid([](base& t) { t.b.add_decision_class(""); }, om::error_code::out_of_range, "/decision_classes/0",
                 "empty decision class name");
  // 7 defaults + 58 = 65 > 64.
  expect_invalid(
      [](base& t) {
        for (int i = 0; i < 58; ++i) t.b.add_decision_class("c" + std::to_string(i));
      },
      om::error_code::out_of_range, "/decision_classes", "at most 64");
  expect_valid([](base& t) {
    for (int i = 0; i < 57; ++i) t.b.add_decision_class("c" + std::to_string(i));
  });
}

TEST(Validate, PreparationLag) {
  expect_invalid([](base& t) { t.b.add_escalation({.from = t.team, .to = t.board, .preparation_days = -1}); },
                 om::error_code::out_of_range, "/escalations/0/preparation_days", "finite number ≥ 0");
  expect_invalid(
      [](base& t) {
        t.b.add_escalation({.from = t.team, .to = t.board, .preparation_days = std::numeric_limits<double>::quiet_NaN()});
      },
      om::error_code::out_of_range, "/escalations/0/preparation_days", "finite");
}

TEST(Validate, EscalationCyclesPerDecisionClass) {
  // team → board for budget, board → team for strategy: no class goes round, so no cycle.
  expect_valid([](base& t) {
    t.b.add_escalation({.from = t.team, .to = t.board, .classes = om::decision_class_set().insert(om::decision_classes::budget)});
    t.b.add_escalation({.from = t.board, .to = t.team, .classes = om::decision_class_set().insert(om::decision_classes::strategy)});
  });
  // Add strategy to the first line: strategy now goes team → board → team.
  expect_invalid(
      [](base& t) {
        t.b.add_escalation({.from = t.team, .to = t.board,
                            .classes = om::decision_class_set().insert(om::decision_classes::budget).insert(om::decision_classes::strategy)});
        t.b.add_escalation({.from = t.board, .to = t.team, .classes = om::decision_class_set().insert(om::decision_classes::strategy)});
      },
      om::error_code::cycle, "/escalations/0", "escalation lines for \"strategy\" form a cycle through body \"team\"");
  // A line that only leads into a cycle (x → a) is not reported; the cycle a → b → c → a is, by its
  // first line in input order (line 1, a → b).
  expect_invalid(
      [](base& t) {
        auto x = t.b.add_body({.id = "x", .name = "X", .organisation = t.company});
        auto a = t.b.add_body({.id = "a", .name = "A", .organisation = t.company});
        auto bb = t.b.add_body({.id = "b", .name = "B", .organisation = t.company});
        auto c = t.b.add_body({.id = "c", .name = "C", .organisation = t.company});
        t.b.add_escalation({.from = x, .to = a});
        t.b.add_escalation({.from = a, .to = bb});
        t.b.add_escalation({.from = c, .to = a});
        t.b.add_escalation({.from = bb, .to = c});
      },
      om::error_code::cycle, "/escalations/1", "\"daily_operations\" form a cycle through body \"a\"");
  // Same with the cycle found from a body downstream of it: d has the lowest index and is fed by the cycle.
  expect_invalid(
      [](base& t) {
        auto a = t.b.add_body({.id = "a", .name = "A", .organisation = t.company});
        auto bb = t.b.add_body({.id = "b", .name = "B", .organisation = t.company});
        t.b.add_escalation({.from = a, .to = t.board});  // leads out of the cycle to the board (index 0)
        t.b.add_escalation({.from = bb, .to = a});
        t.b.add_escalation({.from = a, .to = bb});
      },
      om::error_code::cycle, "/escalations/1", "through body \"b\"");
  // A cycle of a class the model added itself is named by that class.
  expect_invalid(
      [](base& t) {
        auto c = t.b.add_decision_class("recruitment");
        t.b.add_escalation({.from = t.team, .to = t.board, .classes = om::decision_class_set().insert(c)});
        t.b.add_escalation({.from = t.board, .to = t.team, .classes = om::decision_class_set().insert(c)});
      },
      om::error_code::cycle, "/escalations/0", "\"recruitment\"");
}

TEST(Validate, MatchingGroups) {
  auto fee = [](base& t, const char* id, om::organisation_index payer, const char* group) {
    t.b.add_funding_rule({.id = id, .payer = payer, .recipient = t.company, .basis = om::funding_basis::per_inhabitant,
                          .rate = om::money::from_major(10), .group = group});
  };
  expect_invalid(
      [&](base& t) {
        fee(t, "fee", t.kom1, "fees");
        t.b.add_funding_rule({.id = "m", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching, .matches = "feez"});
      },
      om::error_code::dangling_reference, "/funding_rules/1/matches", "no funding rule is in group \"feez\"");
  expect_invalid(
      [&](base& t) {
        t.b.add_funding_rule({.id = "m", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching});
      },
      om::error_code::missing_member, "/funding_rules/0/matches", "must name the group");
  // Group a matches b, b matches a: no finite flow.
  expect_invalid(
      [&](base& t) {
        t.b.add_funding_rule({.id = "m1", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching,
                              .group = "a", .matches = "b"});
        t.b.add_funding_rule({.id = "m2", .payer = t.kom1, .recipient = t.company, .basis = om::funding_basis::matching,
                              .group = "b", .matches = "a"});
      },
      om::error_code::cycle, "/funding_rules", "matching rules form a cycle through group");
  // A rule matching its own group.
  expect_invalid(
      [&](base& t) {
        t.b.add_funding_rule({.id = "m1", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching,
                              .group = "a", .matches = "a"});
      },
      om::error_code::cycle, "/funding_rules", "group \"a\"");
  // A chain: fees ← match1 (group "regional") ← match2: fine.
  expect_valid([&](base& t) {
    fee(t, "fee", t.kom1, "fees");
    t.b.add_funding_rule({.id = "m1", .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching,
                          .group = "regional", .matches = "fees"});
    t.b.add_funding_rule({.id = "m2", .payer = t.kom2, .recipient = t.company, .basis = om::funding_basis::matching,
                          .matches = "regional"});
  });
}

TEST(Validate, FirstOffenderIsReportedInDocumentOrder) {
  // Organisations are checked before bodies: a negative population wins over a dangling body.
  expect_invalid(
      [](base& t) {
        t.b.data().organisations[2].population = -5;
        t.b.add_body({.id = "x", .name = "X", .organisation = om::organisation_index(77)});
      },
      om::error_code::out_of_range, "/organizations/2/population", "negative");
}

TEST(Validate, ValidateFunctionMatchesConstructor) {
  base t;
  t.b.add_affiliation({.child = t.kom1, .parent = t.kom1});
  EXPECT_THROW(om::validate(t.b.data()), om::invalid_model);
  base ok;
  EXPECT_NO_THROW(om::validate(ok.b.data()));
}

// The validator reports the first offending element in input order, whatever the order of its
// indexes. Ids: orgs 0..3 are region, kom1, kom2, ab; then 4 = "x", 5 = "kom2", 6 = "x", 7 = "".
// Input order: 5 repeats kom2 (first at 2) before 6 repeats x (first at 4) and before 7 lacks an id.
TEST(Validate, TheEarliestRepetitionOrMissingIdIsReported) {
  auto add = [](base& t, std::initializer_list<const char*> ids) {
    for (auto id : ids) t.b.add_organisation({.id = id, .name = "N"});
  };
  expect_invalid([&](base& t) { add(t, {"x", "kom2", "x", ""}); }, om::error_code::duplicate_id, "/organizations/5/id",
                 "duplicate organisation id \"kom2\" (first at /organizations/2)");
  // "a" < "kom2" < "x" by name, yet the repetition of x (at 5) comes before that of a (at 7).
  expect_invalid([&](base& t) { add(t, {"x", "x", "a", "a"}); }, om::error_code::duplicate_id, "/organizations/5/id",
                 "duplicate organisation id \"x\" (first at /organizations/4)");
  // A missing id at 4 comes before the repetition at 6; two missing ids are one missing id.
  expect_invalid([&](base& t) { add(t, {"", "y", "y"}); }, om::error_code::missing_member, "/organizations/4/id", "without an id");
  expect_invalid([&](base& t) { add(t, {"", ""}); }, om::error_code::missing_member, "/organizations/4/id", "without an id");
  // The third holder of an id is not reported before the second.
  expect_invalid([&](base& t) { add(t, {"z", "z", "z"}); }, om::error_code::duplicate_id, "/organizations/5/id",
                 "(first at /organizations/4)");
}

// Matching chains: c → b → a is no cycle (a rule outside every group may match too); a → b → c → a
// is one, and the search in name order meets "a" open again first, whatever the rules' order.
TEST(Validate, MatchingChainsAndCyclesByGroupName) {
  auto matching = [](base& t, const char* id, const char* group, const char* matches) {
    t.b.add_funding_rule({.id = id, .payer = t.region, .recipient = t.company, .basis = om::funding_basis::matching,
                          .group = group, .matches = matches});
  };
  expect_valid([&](base& t) {
    t.b.add_funding_rule({.id = "f", .payer = t.kom1, .recipient = t.company, .amount = om::money::from_major(1), .group = "a"});
    matching(t, "m1", "b", "a");
    matching(t, "m2", "c", "b");
    matching(t, "m3", "", "c");
  });
  expect_invalid(
      [&](base& t) {
        matching(t, "m3", "c", "a");
        matching(t, "m2", "b", "c");
        matching(t, "m1", "a", "b");
      },
      om::error_code::cycle, "/funding_rules", "matching rules form a cycle through group \"a\"");
}
