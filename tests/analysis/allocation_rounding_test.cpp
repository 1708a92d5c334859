// One rounding rule for every allocation (analysis/allocation.hpp, docs/error-contract.md
// promise 7): parts rounded down to the öre, left-over öre to the largest remainders, ties to the
// stakeholder listed first. Symmetric stakeholders have equal remainders, so the rule alone
// decides who gets the extra öre: the first ones listed, on every path.
#include <gtest/gtest.h>

#include <vector>

#include "orgmodel/analysis/allocation.hpp"

namespace om = orgmodel;

namespace {
std::vector<std::int64_t> ore(const std::vector<om::money>& v) {
  std::vector<std::int64_t> r;
  for (auto m : v) r.push_back(m.minor());
  return r;
}
}  // namespace

TEST(AllocationRounding, SymmetricStakeholdersLeftoverToTheFirstListed) {
  // 1.00 SEK among three equal stakeholders: 100 = 3 × 33 + 1, the one öre to the first.
  const std::vector<std::int64_t> first_gets{34, 33, 33};
  const auto total = om::money::from_minor(100);
  EXPECT_EQ(ore(om::allocate_equal(total, 3)), first_gets);
  const std::vector<std::int64_t> w{7, 7, 7};
  EXPECT_EQ(ore(om::allocate_proportional(total, w)), first_gets);
  // An airport game with three equal stand-alone costs of 1.00: each needs the whole runway,
  // so each pays a third (Littlechild & Owen: the increment shared by all three).
  const std::vector<om::money> costs(3, total);
  EXPECT_EQ(ore(om::shapley_airport(costs).allocation), first_gets);
  EXPECT_EQ(ore(om::shapley_exact(om::tabular_cost_game::airport(costs)).allocation), first_gets);
  EXPECT_EQ(ore(om::nucleolus(om::tabular_cost_game::airport(costs)).allocation), first_gets);
}

TEST(AllocationRounding, TwoLeftoverOreGoToTheFirstTwo) {
  // 2.00 SEK among three: 200 = 3 × 66 + 2 → 67, 67, 66.
  const std::vector<std::int64_t> expected{67, 67, 66};
  EXPECT_EQ(ore(om::allocate_equal(om::money::from_minor(200), 3)), expected);
  // Rate + matching with ratio 1: members 1/6 of 1.00 each (16 2/3 öre), the matcher 1/2 (50):
  // floors 16 + 16 + 16 + 50 = 98, the 2 öre left to the first two members (remainders 2/3 each).
  const std::vector<std::int64_t> pop{10, 10, 10};
  const auto r = om::allocate_rate_matching(om::money::from_minor(100), pop, om::share(1, 1));
  EXPECT_EQ(ore(r.members), (std::vector<std::int64_t>{17, 17, 16}));
  EXPECT_EQ(r.matcher.minor(), 50);
}

TEST(AllocationRounding, LargerRemainderBeatsListOrder) {
  // Weights 1, 2 of 1.00: quotas 33 1/3 and 66 2/3 öre; the remainder 2/3 is larger, so the
  // second stakeholder gets the öre although listed last: 33 and 67.
  const std::vector<std::int64_t> w{1, 2};
  EXPECT_EQ(ore(om::allocate_proportional(om::money::from_minor(100), w)), (std::vector<std::int64_t>{33, 67}));
}
