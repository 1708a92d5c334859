#include <gtest/gtest.h>

#include "orgmodel/model/builder.hpp"
#include "orgmodel/model/queries.hpp"

namespace om = orgmodel;

TEST(Model, BuilderProducesIndexedModel) {
  om::model_builder b("t", "Test");
  auto region = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region});
  auto kom = b.add_organisation({.id = "kom", .name = "Kommun", .kind = om::organisation_kind::municipality, .population = 1000});
  auto sg = b.add_body({.id = "sg", .name = "Styrgrupp", .organisation = region});
  b.add_seat({.body = sg, .holder = kom, .role = "executive_board_chair"});
  b.add_seat({.body = sg, .holder = region, .role = "regional_councillor", .chair = true});
  om::model m = std::move(b).build();
  EXPECT_EQ(m.organisation_at("kom"), kom);
  EXPECT_EQ(m.body_at("sg"), sg);
  int n = 0;
  for (const om::seat& s : om::seats_on(m, sg)) n += s.chair ? 10 : 1;
  EXPECT_EQ(n, 11);
  EXPECT_THROW((void)m.organisation_at("nope"), om::lookup_error);
}

TEST(Model, EscalationCycleIsRejected) {
  om::model_builder b("t", "Test");
  auto o = b.add_organisation({.id = "o", .name = "O"});
  auto x = b.add_body({.id = "x", .name = "X", .organisation = o});
  auto y = b.add_body({.id = "y", .name = "Y", .organisation = o});
  b.add_escalation({.from = x, .to = y});
  b.add_escalation({.from = y, .to = x, .classes = om::decision_class_set().insert(om::decision_classes::budget)});
  try {
    (void)std::move(b).build();
    FAIL() << "expected a cycle error";
  } catch (const om::invalid_model& e) {
    EXPECT_EQ(e.code(), om::error_code::cycle);
    EXPECT_EQ(e.pointer(), "/escalations/0");
  }
}
