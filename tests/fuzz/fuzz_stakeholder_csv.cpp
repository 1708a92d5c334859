// libFuzzer target: the stakeholder CSV that `orgmodel allocate` reads (io/stakeholder_csv.hpp).
// Any input either reads or raises an orgmodel::error; a table that reads is allocated by the
// methods the CLI offers, and every allocation sums to its total exactly, to the öre.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/io/stakeholder_csv.hpp"

namespace {
orgmodel::money sum(const std::vector<orgmodel::money>& v) {
  orgmodel::money s;
  for (auto x : v) s += x;
  return s;
}
void expect_sum(const std::vector<orgmodel::money>& parts, orgmodel::money total) {
  if (sum(parts) != total) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<orgmodel::stakeholder_table> t;
  try {
    t.emplace(orgmodel::parse_stakeholder_csv(text));
  } catch (const orgmodel::error&) {
    return 0;
  }
  const auto total = orgmodel::money::from_minor(123'456'789);  // 1 234 567.89 SEK
  expect_sum(orgmodel::allocate_equal(total, t->names.size()), total);
  try {
    expect_sum(orgmodel::allocate_proportional(total, t->weights), total);
    const auto r = orgmodel::allocate_rate_matching(total, t->weights, orgmodel::share(1, 2));
    expect_sum(r.members, total - r.matcher);
  } catch (const orgmodel::arithmetic_error&) {
    // all weights zero, or a weight sum beyond 64 bits: refused, typed
  }
  if (t->has_costs) {
    try {
      const auto a = orgmodel::shapley_airport(t->costs);
      orgmodel::money top;
      for (auto c : t->costs) top = std::max(top, c);
      expect_sum(a.allocation, top);  // an airport game's grand coalition pays its largest cost
      if (t->costs.size() <= 6) expect_sum(orgmodel::shapley_exact(orgmodel::tabular_cost_game::airport(t->costs)).allocation, top);
    } catch (const orgmodel::arithmetic_error&) {
      // costs whose exact shares overflow 64 (or 128) bits: refused, typed
    }
  }
  return 0;
}
