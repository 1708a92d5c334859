#pragma once
/// @file
/// @brief Who pays more or less than a fair share: each member's actual contribution to a joint
/// organisation in a year against an allocation of the same total by a chosen rule.
///
/// The participants are the payers of the recipient's known flows that year; by default only
/// municipalities, because a region's population is the sum of its municipalities' and would be
/// counted twice under a population rule. Payers whose population is unknown cannot be weighed
/// under the population rule: they are listed in `excluded`, and their money is left out of the
/// compared total.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/analysis/funding.hpp"

namespace orgmodel {

/// @brief The fair-share rule the actual contributions are compared with.
enum class fair_share_rule : std::uint8_t {
  equal,       ///< every participant the same
  population,  ///< in proportion to inhabitants
};
template <>
struct enum_names<fair_share_rule> {
  static constexpr std::string_view what = "fair-share rule";
  static constexpr std::array<std::string_view, 2> names{"equal", "population"};
};

/// @brief Options of `compare_contributions`.
struct contribution_options {
  fair_share_rule rule = fair_share_rule::population;
  bool municipalities_only = true;  ///< participants: municipal payers only (see the file comment)
  funding_options funding;
};

/// @brief One participant's actual and fair contribution.
struct contribution_row {
  organisation_index payer;
  money actual;
  money fair;
  money difference;  ///< actual − fair: positive = pays more than its fair share
  std::optional<std::int64_t> population;
  std::optional<double> actual_per_inhabitant;  ///< SEK, for display
  std::optional<double> fair_per_inhabitant;    ///< SEK, for display
};

/// @brief The comparison for one recipient and year.
struct contribution_comparison {
  organisation_index recipient;
  int year = 0;
  fair_share_rule rule = fair_share_rule::population;
  money total;                             ///< the participants' actual contributions
  std::vector<contribution_row> rows;      ///< in order of first flow
  std::vector<organisation_index> excluded;  ///< payers left out (no population under the population rule)
  std::size_t unknown_flows = 0;           ///< flows to the recipient whose amount is unknown
};

/// @brief Compares the actual contributions to `recipient` in `year` with a fair-share split of
/// their total (largest remainder, so the fair parts sum to the same total exactly).
inline contribution_comparison compare_contributions(const model& m, const funding_evaluation& ev, organisation_index recipient,
                                                     const contribution_options& opt = {}) {
  contribution_comparison c;
  c.recipient = recipient;
  c.year = ev.year;
  c.rule = opt.rule;
  std::vector<std::uint32_t> row_of(m.organisations().size(), 0xffffffffu);
  for (const auto& f : ev.flows) {
    if (f.recipient != recipient) continue;
    if (!f.amount) {
      ++c.unknown_flows;
      continue;
    }
    const organisation& p = m[f.payer];
    if (opt.municipalities_only && p.kind != organisation_kind::municipality) continue;
    if (opt.rule == fair_share_rule::population && !p.population) {
      if (std::find(c.excluded.begin(), c.excluded.end(), f.payer) == c.excluded.end()) c.excluded.push_back(f.payer);
      continue;
    }
    if (row_of[f.payer.value] == 0xffffffffu) {
      row_of[f.payer.value] = static_cast<std::uint32_t>(c.rows.size());
      c.rows.push_back({.payer = f.payer, .population = p.population});
    }
    c.rows[row_of[f.payer.value]].actual += *f.amount;
    c.total += *f.amount;
  }
  std::vector<std::int64_t> w(c.rows.size(), 1);
  if (opt.rule == fair_share_rule::population)
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = *c.rows[i].population;
  if (c.rows.empty()) return c;
  const auto fair = allocate_proportional(c.total, w);
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    auto& r = c.rows[i];
    r.fair = fair[i];
    r.difference = r.actual - r.fair;
    if (r.population && *r.population > 0) {
      r.actual_per_inhabitant = r.actual.major() / static_cast<double>(*r.population);
      r.fair_per_inhabitant = r.fair.major() / static_cast<double>(*r.population);
    }
  }
  return c;
}

/// @brief The comparison for every organisation that at least two participants pay in `year`.
inline std::vector<contribution_comparison> compare_contributions(const model& m, int year, const contribution_options& opt = {}) {
  const auto ev = evaluate_funding(m, year, opt.funding);
  std::vector<std::uint32_t> payers(m.organisations().size(), 0);
  std::vector<organisation_index> order;
  for (const auto& f : ev.flows)
    if (payers[f.recipient.value]++ == 0) order.push_back(f.recipient);
  std::vector<contribution_comparison> out;
  for (auto r : order) {
    auto c = compare_contributions(m, ev, r, opt);
    if (c.rows.size() >= 2) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace orgmodel
