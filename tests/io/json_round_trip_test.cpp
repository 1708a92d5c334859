// The JSON format: canonical form, fixed point, unknown members kept at every level, defaults
// omitted, ranges, and what the reader makes of each member.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "orgmodel/io/json.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
std::string fixture(const std::string& name) { return om::read_text_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/" + name); }
}  // namespace

TEST(JsonRoundTrip, CanonicalTextIsAFixedPoint) {
  const std::string input = fixture("every-field.json");
  const om::model m = om::from_json(input);
  const std::string canonical = om::to_json(m);
  // The canonical text was reviewed member by member and stored (every-field.canonical.json).
  EXPECT_EQ(canonical, fixture("every-field.canonical.json"));
  // load → save → load gives the same model and the same bytes.
  const om::model again = om::from_json(canonical);
  EXPECT_EQ(again, m);
  EXPECT_EQ(om::to_json(again), canonical);
  EXPECT_EQ(canonical.back(), '\n');
}

TEST(JsonRoundTrip, ReaderGetsEveryValue) {
  const om::model m = om::from_json(fixture("every-field.json"));
  EXPECT_EQ(m.info().id, "every-field");
  EXPECT_EQ(m.info().extra_decision_classes, std::vector<std::string>{"recruitment"});
  const auto& region = m[m.organisation_at("region")];
  EXPECT_EQ(region.kind, om::organisation_kind::region);
  EXPECT_EQ(region.population, 307116);
  EXPECT_EQ(region.population_year, 2023);
  EXPECT_EQ(region.county, "18");
  const auto& bro = m[m.organisation_at("bro")];
  EXPECT_EQ(bro.category, om::model_category::c1A);
  EXPECT_EQ(bro.can_sign_agreements, false);
  EXPECT_EQ(bro.source, om::provenance::derived);
  EXPECT_EQ(bro.name, "Business \"Region\" Örebro");
  const auto& sg = m[m.body_at("sg")];
  EXPECT_EQ(sg.kind, om::body_kind::steering_group);
  EXPECT_EQ(sg.layer, om::layer::political);
  EXPECT_EQ(sg.organisation, m.organisation_at("bro"));
  EXPECT_EQ(sg.meetings_per_year, (om::cadence{4, 4}));
  // budget (1), strategy (3), recruitment (7): bits 2 + 8 + 128.
  EXPECT_EQ(sg.mandates.bits(), 138u);
  EXPECT_EQ(sg.rule, om::decision_rule::consensus);
  const auto& mg = m[m.body_at("mg")];
  EXPECT_EQ(mg.meetings_per_year, (om::cadence{10, 11}));
  EXPECT_TRUE(mg.mandates.is_all());
  EXPECT_EQ(mg.quota, om::share(2, 3));
  EXPECT_EQ(mg.staff, 0);
  EXPECT_EQ(m[m.body_at("board")].quota, om::share(1, 2));
  EXPECT_FALSE(m[m.body_at("board")].meetings_per_year.has_value());
  // Seats keep their order; the region's seat has 2 votes.
  ASSERT_EQ(m.seats().size(), 3u);
  EXPECT_TRUE(m.seats()[0].chair);
  EXPECT_EQ(m.seats()[2].votes, 2);
  EXPECT_EQ(m.seats()[2].source, om::provenance::assumed);
  EXPECT_EQ(m.escalations()[0].preparation_days, 14.0);
  EXPECT_TRUE(m.escalations()[1].classes.is_all());
  // "75%" and "0.75" are the same share, so voting_share equals equity and is not written again.
  EXPECT_EQ(m.ownerships()[0].votes, m.ownerships()[0].equity);
  EXPECT_EQ(m.ownerships()[1].equity, om::share_range(om::share(1, 10), om::share(1, 4)));
  EXPECT_EQ(m.ownerships()[1].votes, om::share_range(om::share(1, 8)));
  const auto& fee = m[*m.find_funding_rule("fee-orebro")];
  EXPECT_EQ(fee.basis, om::funding_basis::per_inhabitant);
  EXPECT_EQ(fee.rate.minor(), 1000);  // 10 SEK
  EXPECT_EQ(fee.year_from, 2023);
  EXPECT_EQ(fee.year_to, 2025);
  const auto& karlskoga = m[*m.find_funding_rule("fee-karlskoga")];
  EXPECT_EQ(karlskoga.cap->minor(), 50'000'000);
  EXPECT_EQ(karlskoga.floor->minor(), 50);
  const auto& project = m[*m.find_funding_rule("project")];
  EXPECT_EQ(project.amount.minor(), 2'000'000'000);
  EXPECT_EQ(project.ratio, om::share(2, 5));
  EXPECT_EQ(project.period_years, 3);
  EXPECT_EQ(m[*m.find_funding_rule("grant")].amount.minor(), 400'000'050);
  EXPECT_EQ(m[*m.find_funding_rule("region-match")].co_funding_min->minor(), 100'010);
  EXPECT_EQ(m.memberships()[1].since, 2013);
  EXPECT_EQ(m.memberships()[2].kind, om::membership_kind::served);
  EXPECT_EQ(m.representations()[0].body, m.body_at("sg"));
  EXPECT_FALSE(m.representations()[1].body.valid());
  EXPECT_EQ(m.budgets()[0].amount.minor(), 616'023'200);
  EXPECT_EQ(m.budgets()[1].kind, om::budget_kind::turnover);
}

TEST(JsonRoundTrip, UnknownMembersAreKeptAtEveryLevel) {
  const om::model m = om::from_json(fixture("every-field.json"));
  auto first = [](const om::extensions& x) { return x.empty() ? std::string("<none>") : x.front().first + "=" + x.front().second; };
  EXPECT_EQ(first(m.info().extra), "x-model-extension={\"deep\":[1,{\"kept\":true}],\"number\":1.5}");
  EXPECT_EQ(first(m.organisations()[0].extra), "x-org=\"kept\"");
  EXPECT_EQ(first(m.bodies()[0].extra), "x-body={\"a\":1}");
  EXPECT_EQ(first(m.seats()[0].extra), "x-seat=[null]");
  EXPECT_EQ(first(m.affiliations()[0].extra), "x-aff=0");
  EXPECT_EQ(first(m.ownerships()[1].extra), "x-own=\"k\"");
  // Two unknown members, in input order.
  ASSERT_EQ(m.funding_rules()[3].extra.size(), 2u);
  EXPECT_EQ(m.funding_rules()[3].extra[0].first, "amount_unit");
  EXPECT_EQ(m.funding_rules()[3].extra[1].second, "{\"b\":[true]}");
  EXPECT_EQ(first(m.memberships()[2].extra), "x-mem=1");
  EXPECT_EQ(first(m.representations()[1].extra), "x-rep=\"r\"");
  EXPECT_EQ(first(m.budgets()[1].extra), "x-budget=[]");
  // And they are written back: each appears once in the canonical text.
  const std::string out = om::to_json(m);
  for (const char* key : {"x-model-extension", "x-org", "x-body", "x-seat", "x-aff", "x-own", "amount_unit", "x-rule",
                          "x-mem", "x-rep", "x-budget"}) {
    const std::string quoted = std::string("\"") + key + "\":";
    auto at = out.find(quoted);
    EXPECT_NE(at, std::string::npos) << key;
    EXPECT_EQ(out.find(quoted, at + 1), std::string::npos) << key;
  }
}

TEST(JsonRoundTrip, DefaultsAreOmitted) {
  // A minimal model: only required members, everything else at its default.
  const om::model m = om::from_json(R"({"id": "min", "organizations": [
      {"id": "a", "name": "A", "classification": "municipality"},
      {"id": "b", "name": "B", "classification": "partnership"}],
    "bodies": [{"id": "sg", "name": "SG", "classification": "steering_group", "layer": "executive", "organization_id": "b",
                "seats": [{"on_behalf_of_id": "a"}]}],
    "escalations": [],
    "ownerships": [{"owner_id": "a", "organization_id": "b", "share": "1"}],
    "funding_rules": [{"id": "f", "payer_id": "a", "recipient_id": "b", "basis": "fixed"}],
    "memberships": [{"member_id": "a", "organization_id": "b"}],
    "budgets": [{"organization_id": "b", "year": 2020, "amount": "0"}]})");
  EXPECT_EQ(om::to_json(m), R"({
  "format": "orgmodel/1",
  "id": "min",
  "currency": "SEK",
  "organizations": [
    {
      "id": "a",
      "name": "A",
      "classification": "municipality"
    },
    {
      "id": "b",
      "name": "B",
      "classification": "partnership"
    }
  ],
  "bodies": [
    {
      "id": "sg",
      "name": "SG",
      "classification": "steering_group",
      "layer": "executive",
      "organization_id": "b",
      "seats": [
        {
          "on_behalf_of_id": "a"
        }
      ]
    }
  ],
  "ownerships": [
    {
      "owner_id": "a",
      "organization_id": "b",
      "share": "1"
    }
  ],
  "funding_rules": [
    {
      "id": "f",
      "payer_id": "a",
      "recipient_id": "b",
      "basis": "fixed"
    }
  ],
  "memberships": [
    {
      "member_id": "a",
      "organization_id": "b"
    }
  ],
  "budgets": [
    {
      "organization_id": "b",
      "year": 2020,
      "amount": "0.00"
    }
  ]
}
)");
}

TEST(JsonRoundTrip, BuilderModelRoundTrips) {
  om::model_builder b("built", "Built in C++");
  auto r = b.add_organisation({.id = "r", .name = "R", .kind = om::organisation_kind::region, .population = 10});
  auto k = b.add_organisation({.id = "k", .name = "K", .kind = om::organisation_kind::municipality});
  auto body = b.add_body({.id = "x", .name = "X", .organisation = r, .meetings_per_year = om::cadence{2.5, 3}});
  b.add_seat({.body = body, .holder = k, .votes = 0});
  b.add_ownership({.owner = r, .owned = k, .equity = om::share(1, 3), .votes = om::share(1, 3)});
  b.add_funding_rule({.id = "f", .payer = k, .recipient = r, .basis = om::funding_basis::fixed, .amount = om::money::from_minor(1)});
  const om::model m = std::move(b).build();
  const std::string text = om::to_json(m);
  EXPECT_NE(text.find("\"share\": \"1/3\""), std::string::npos);
  EXPECT_NE(text.find("\"amount\": \"0.01\""), std::string::npos);
  EXPECT_NE(text.find("\"votes\": 0"), std::string::npos);
  EXPECT_NE(text.find("2.5"), std::string::npos);
  EXPECT_EQ(om::from_json(text), m);
}

TEST(JsonRoundTrip, SaveAndLoadFile) {
  const om::model m = om::from_json(fixture("every-field.json"));
  const auto path = std::filesystem::temp_directory_path() / ("orgmodel-roundtrip-" + std::to_string(::getpid()) + ".json");
  om::save_model_file(m, path.string());
  EXPECT_EQ(om::load_model_file(path.string()), m);
  EXPECT_EQ(om::read_text_file(path.string()), om::to_json(m));
  std::filesystem::remove(path);
  EXPECT_THROW((void)om::load_model_file("/nonexistent/model.json"), om::lookup_error);
}
