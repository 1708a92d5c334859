#include <gtest/gtest.h>

#include "orgmodel/present/control.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
struct net {
  om::model_builder b{"ctl", "control"};
  om::organisation_index org(const char* id) { return b.add_organisation({.id = id, .name = id, .kind = om::organisation_kind::company}); }
  void own(om::organisation_index o, om::organisation_index c, om::share_range v) { b.add_ownership({.owner = o, .owned = c, .equity = v, .votes = v}); }
};
const om::owner_control* find(const om::control_result& r, const std::string& id) {
  for (const auto& o : r.owners)
    if (o.id == id) return &o;
  return nullptr;
}
}  // namespace

TEST(Control, ThroughAControlledSubsidiary) {
  // X holds 60 % of A; A holds 30 % of B; X holds 25 % of B. X alone has 25 % of B, but with A,
  // which it controls, 55 %: X controls B; the decisive chain is X → A → B.
  net n;
  auto x = n.org("x"), a = n.org("a"), b = n.org("b"), p = n.org("p"), q = n.org("q");
  n.own(x, a, om::share::percent(60));
  n.own(p, a, om::share::percent(40));
  n.own(a, b, om::share::percent(30));
  n.own(x, b, om::share::percent(25));
  n.own(q, b, om::share::percent(45));
  auto m = std::move(n.b).build();
  auto r = om::analyse_control(m);
  const auto* ox = find(r, "x");
  ASSERT_NE(ox, nullptr);
  ASSERT_EQ(ox->controls.size(), 2u);
  EXPECT_EQ(ox->controls[1].company_id, "b");
  EXPECT_TRUE(ox->controls[1].certain);
  EXPECT_EQ(ox->controls[1].bloc_votes_low, om::share::percent(55));
  EXPECT_EQ(ox->controls[1].chain, (std::vector<std::string>{"x", "a", "b"}));
  EXPECT_EQ(find(r, "q"), nullptr);  // 45 % is not control
  EXPECT_EQ(find(r, "a"), nullptr);
  for (const auto& c : r.companies)
    if (c.id == "b") {
      EXPECT_EQ(c.ultimate_controllers, std::vector<std::string>{"x"});
    }
}

TEST(Control, LeastFixpointOnCrossHoldings) {
  // X holds 30 % of A and 30 % of B; A and B hold 30 % of each other. If X controlled both it
  // would command 60 % of each (a fixpoint), but nothing forces the first step: the least fixpoint
  // is "X controls nothing", and the computation ends rather than circling.
  net n;
  auto x = n.org("x"), a = n.org("a"), b = n.org("b");
  n.own(x, a, om::share::percent(30));
  n.own(x, b, om::share::percent(30));
  n.own(a, b, om::share::percent(30));
  n.own(b, a, om::share::percent(30));
  auto m = std::move(n.b).build();
  auto r = om::analyse_control(m);
  EXPECT_TRUE(r.owners.empty());
}

TEST(Control, ExactlyHalfIsNotControlAndRangesArePossible) {
  net n;
  auto x = n.org("x"), y = n.org("y"), c = n.org("c"), d = n.org("d");
  n.own(x, c, om::share(1, 2));
  n.own(y, c, om::share(1, 2));
  n.own(x, d, om::share_range(om::share::percent(40), om::share::percent(60)));
  auto m = std::move(n.b).build();
  auto r = om::analyse_control(m);
  const auto* ox = find(r, "x");
  ASSERT_NE(ox, nullptr);
  ASSERT_EQ(ox->controls.size(), 1u);
  EXPECT_EQ(ox->controls[0].company_id, "d");
  EXPECT_FALSE(ox->controls[0].certain);
  EXPECT_EQ(find(r, "y"), nullptr);
  auto j = om::to_json(r);
  EXPECT_EQ(j["owners"][0]["controls"][0]["certain"], false);
}
