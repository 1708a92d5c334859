#include <gtest/gtest.h>

#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

namespace {
constexpr const char* small_model = R"({
  "id": "demo", "name": "Demo", "x-custom": {"kept": [1, 2]},
  "organizations": [
    {"id": "region", "name": "Region", "classification": "region", "population": 1000, "unknown_member": true},
    {"id": "kom", "name": "Kommun", "classification": "municipality", "population": 400, "population_year": 2023}
  ],
  "bodies": [
    {"id": "sg", "name": "Styrgrupp", "classification": "steering_group", "layer": "political",
     "organization_id": "region", "meetings_per_year": 4, "mandates": ["budget", "strategy"],
     "seats": [{"on_behalf_of_id": "kom", "role": "executive_board_chair"},
               {"on_behalf_of_id": "region", "role": "regional_councillor", "chair": true}]},
    {"id": "team", "name": "Team", "classification": "operative_team", "layer": "operative",
     "organization_id": "region", "mandates": ["daily_operations"], "staff": 4}
  ],
  "escalations": [{"from_id": "team", "to_id": "sg", "decision_classes": ["budget", "strategy"], "preparation_days": 14}],
  "funding_rules": [
    {"id": "fee", "payer_id": "kom", "recipient_id": "region", "basis": "per_inhabitant", "rate": "10.00", "group": "fees"},
    {"id": "match", "payer_id": "region", "recipient_id": "kom", "basis": "matching", "matches": "fees"}
  ],
  "ownerships": [{"owner_id": "region", "organization_id": "kom", "share": {"minimum": "0.10", "maximum": "15%"}}]
})";
}

TEST(JsonSmoke, CanonicalFormIsAFixedPoint) {
  om::model m = om::from_json(small_model);
  EXPECT_EQ(m.organisations().size(), 2u);
  EXPECT_EQ(m.seats().size(), 2u);
  const std::string once = om::to_json(m);
  const om::model again = om::from_json(once);
  EXPECT_EQ(again, m);
  EXPECT_EQ(om::to_json(again), once);
  EXPECT_NE(once.find("\"x-custom\""), std::string::npos);
  EXPECT_NE(once.find("\"unknown_member\": true"), std::string::npos);
  EXPECT_NE(once.find("\"maximum\": \"0.15\""), std::string::npos);
}

TEST(JsonSmoke, DanglingSeatHolderNamesPointer) {
  std::string bad = small_model;
  bad.replace(bad.find("\"on_behalf_of_id\": \"kom\""), 24, "\"on_behalf_of_id\": \"kiruna\"");
  try {
    (void)om::from_json(bad);
    FAIL();
  } catch (const om::invalid_model& e) {
    EXPECT_EQ(e.code(), om::error_code::dangling_reference);
    EXPECT_EQ(e.pointer(), "/bodies/0/seats/0/on_behalf_of_id");
    EXPECT_NE(std::string(e.what()).find("kiruna"), std::string::npos);
  }
}

TEST(JsonSmoke, DotQuotesEverything) {
  om::model m = om::from_json(small_model);
  const std::string dot = om::to_dot(m, om::relation_layer::governance);
  EXPECT_NE(dot.find("\"org:kom\" -> \"body:sg\""), std::string::npos);
}
