#pragma once
/// @file
/// @brief Evaluation of a model's funding rules for one year into exact flows with provenance.
///
/// Rounding rule (the only place money is rounded):
/// - rate × population is exact: a rate is whole öre per inhabitant and a population is a whole
///   number, so the product is a whole number of öre (1.60 SEK × 226 047 = 361 675.20 SEK).
/// - ratio × amount (matching, share of a total) is rounded half away from zero to the öre
///   (`mul_div_round`), once, on the rule's whole figure.
/// - a share of a total spread over `period_years` years is split by largest remainder: every
///   year gets ⌊T / n⌋ öre and the first T mod n years one öre more, so the years sum to T exactly.
///
/// @code
/// auto ev = orgmodel::evaluate_funding(m, 2024);
/// for (const auto& f : ev.flows)
///   if (f.amount) std::cout << m[f.rule].id << ' ' << f.amount->str() << '\n';
/// @endcode

#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgmodel/analysis/detail/largest_remainder.hpp"
#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief How a share-of-total rule (a project's co-financing split) is booked.
enum class share_of_total_mode : std::uint8_t {
  per_year,      ///< ratio × amount split over the period's years by largest remainder
  whole_period,  ///< ratio × amount booked once, in the period's first year
};

/// @brief Options of `evaluate_funding`.
struct funding_options {
  share_of_total_mode share_mode = share_of_total_mode::per_year;
};

/// @brief One evaluated flow: a rule's money in one year, with what it was computed from.
///
/// `amount` is nothing when an input is unknown (a payer without a population, a matched rule
/// that is unknown): the flow is reported as unknown, never as 0.
struct funding_flow {
  funding_rule_index rule;
  organisation_index payer;
  organisation_index recipient;
  int year = 0;
  funding_basis basis = funding_basis::fixed;
  std::optional<money> amount;    ///< the flow after caps and floors; nothing = unknown
  std::optional<money> uncapped;  ///< before caps and floors
  // Inputs, as far as the basis uses them.
  std::optional<std::int64_t> population;  ///< per_inhabitant: the payer's population
  std::optional<int> population_year;      ///< its reference year (31 Dec), when stated
  money rate;                              ///< per_inhabitant: öre per inhabitant
  share ratio = share::one();              ///< matching or share_of_total
  std::optional<money> matched_sum;        ///< matching: the sum of the matched group's flows
  std::uint32_t matched_rules = 0;         ///< matching: how many rules of the group flow this year
  std::optional<money> period_total;       ///< share_of_total: ratio × amount for the whole period
  int period_years = 1;                    ///< share_of_total: years the total is spread over
  int period_index = 0;                    ///< share_of_total: 0 for the period's first year
  // Flags.
  bool unknown_population = false;    ///< the payer's population is not known
  bool unknown_matched = false;       ///< a matched flow is unknown
  bool capped = false;                ///< the cap lowered the flow
  bool floored = false;               ///< the floor raised the flow
  bool period_start_assumed = false;  ///< share_of_total without year_from: the evaluated year is taken as the first
  provenance source = provenance::stated;
  /// @brief True when the rule is only estimated or assumed, so the flow must be shown flagged.
  [[nodiscard]] bool uncertain_source() const noexcept {
    return source == provenance::estimated || source == provenance::assumed;
  }
  [[nodiscard]] bool known() const noexcept { return amount.has_value(); }
};

/// @brief A co-funding requirement in force: the payer must show at least `minimum` of own costs.
/// It is a condition, not a flow, and is never added to income.
struct co_funding_requirement {
  funding_rule_index rule;
  organisation_index payer;
  organisation_index recipient;
  int year = 0;
  money minimum;
};

/// @brief Known money and the number of unknown flows in some sum.
struct money_sum {
  money known;
  std::size_t unknown = 0;  ///< flows left out because their amount is unknown
  /// @brief True when every flow in the sum is known, so `known` is the exact sum.
  [[nodiscard]] bool exact() const noexcept { return unknown == 0; }
};

/// @brief Whether a rule is in force in `year` under `mode` (a share of a total only inside its period).
inline bool rule_in_force(const funding_rule& r, int year, share_of_total_mode mode = share_of_total_mode::per_year) {
  if (r.year_from && year < *r.year_from) return false;
  if (r.year_to && year > *r.year_to) return false;
  if (r.basis == funding_basis::share_of_total && r.year_from) {
    if (mode == share_of_total_mode::whole_period) return year == *r.year_from;
    return year < *r.year_from + r.period_years;
  }
  return true;
}

/// @brief The k-th of n largest-remainder parts of `total` (the first total mod n parts get one öre more).
inline money year_part(money total, int n, int k) {
  const std::int64_t t = total.minor();
  const std::int64_t base = t / n;  // total is never negative (validated)
  const std::int64_t extra = t % n;
  return money::from_minor(base + (k < extra ? 1 : 0));
}

struct funding_evaluation;
namespace detail {
inline funding_evaluation evaluate_rules(std::span<const funding_rule> rules, std::span<const organisation> orgs,
                                         int year, const funding_options& opt,
                                         const std::vector<char>* zero_rate = nullptr);
}  // namespace detail

/// @brief The flows of one evaluation, stored compactly: 48 bytes a flow (indices, integer öre,
/// one flag word) instead of the 160 of a `funding_flow`, because at 10^6 rules writing the wide
/// records cost more than evaluating them. Reading gives a `funding_flow` by value, so
/// `for (const auto& f : ev.flows)`, `ev.flows[i]`, `front()` and `back()` read as before; the
/// per-field accessors (`payer(i)`, `amount(i)` …) skip building the whole flow.
class funding_flows {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = funding_flow;
    using difference_type = std::ptrdiff_t;
    using reference = funding_flow;
    struct pointer {
      funding_flow f;
      const funding_flow* operator->() const noexcept { return &f; }
    };
    iterator() = default;
    iterator(const funding_flows* c, std::size_t i) noexcept : c_(c), i_(i) {}
    funding_flow operator*() const { return (*c_)[i_]; }
    pointer operator->() const { return {(*c_)[i_]}; }
    funding_flow operator[](difference_type k) const { return (*c_)[i_ + static_cast<std::size_t>(k)]; }
    iterator& operator++() noexcept { return ++i_, *this; }
    iterator operator++(int) noexcept { auto t = *this; ++i_; return t; }
    iterator& operator--() noexcept { return --i_, *this; }
    iterator operator--(int) noexcept { auto t = *this; --i_; return t; }
    iterator& operator+=(difference_type k) noexcept { return i_ += static_cast<std::size_t>(k), *this; }
    iterator& operator-=(difference_type k) noexcept { return i_ -= static_cast<std::size_t>(k), *this; }
    friend iterator operator+(iterator a, difference_type k) noexcept { return a += k; }
    friend iterator operator+(difference_type k, iterator a) noexcept { return a += k; }
    friend iterator operator-(iterator a, difference_type k) noexcept { return a -= k; }
    friend difference_type operator-(const iterator& a, const iterator& b) noexcept {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.i_ == b.i_; }
    friend auto operator<=>(const iterator& a, const iterator& b) noexcept { return a.i_ <=> b.i_; }

   private:
    const funding_flows* c_ = nullptr;
    std::size_t i_ = 0;
  };

  [[nodiscard]] std::size_t size() const noexcept { return rec_.size(); }
  [[nodiscard]] bool empty() const noexcept { return rec_.empty(); }
  [[nodiscard]] iterator begin() const noexcept { return {this, 0}; }
  [[nodiscard]] iterator end() const noexcept { return {this, rec_.size()}; }
  [[nodiscard]] funding_flow front() const { return (*this)[0]; }
  [[nodiscard]] funding_flow back() const { return (*this)[rec_.size() - 1]; }
  /// @brief Flow `i` with every input (bounds-checked: std::out_of_range past the end).
  [[nodiscard]] funding_flow at(std::size_t i) const {
    if (i >= rec_.size()) throw std::out_of_range("funding flow index out of range");
    return (*this)[i];
  }
  /// @brief Flow `i` with every input. Precondition: i < size().
  [[nodiscard]] funding_flow operator[](std::size_t i) const {
    const record& r = rec_[i];
    funding_flow f;
    f.rule = funding_rule_index(r.rule);
    f.payer = organisation_index(r.payer);
    f.recipient = organisation_index(r.recipient);
    f.year = year_;
    f.basis = r.basis;
    f.source = r.source;
    f.unknown_population = (r.flags & unknown_population_bit) != 0;
    f.unknown_matched = (r.flags & unknown_matched_bit) != 0;
    f.capped = (r.flags & capped_bit) != 0;
    f.floored = (r.flags & floored_bit) != 0;
    f.period_start_assumed = (r.flags & period_start_assumed_bit) != 0;
    f.amount = amount(i);
    f.uncapped = f.amount;
    if (f.capped || f.floored) f.uncapped = money::from_minor(side_value(uncapped_, i));
    if (r.flags & odd_ratio_bit) f.ratio = side_value(ratios_, i);
    switch (r.basis) {
      case funding_basis::fixed: break;
      case funding_basis::per_inhabitant:
        f.rate = money::from_minor(r.b);
        if (r.flags & has_a_bit) f.population = r.a;
        if (r.flags & has_c_bit) f.population_year = r.c;
        break;
      case funding_basis::matching:
        if (r.flags & has_a_bit) f.matched_sum = money::from_minor(r.a);
        f.matched_rules = static_cast<std::uint32_t>(r.c);
        break;
      case funding_basis::share_of_total:
        f.period_total = money::from_minor(r.a);
        f.period_years = static_cast<int>(r.b);
        f.period_index = r.c;
        break;
    }
    return f;
  }
  [[nodiscard]] funding_rule_index rule(std::size_t i) const noexcept { return funding_rule_index(rec_[i].rule); }
  [[nodiscard]] organisation_index payer(std::size_t i) const noexcept { return organisation_index(rec_[i].payer); }
  [[nodiscard]] organisation_index recipient(std::size_t i) const noexcept { return organisation_index(rec_[i].recipient); }
  /// @brief Flow `i`'s amount; nothing when unknown.
  [[nodiscard]] std::optional<money> amount(std::size_t i) const noexcept {
    const record& r = rec_[i];
    if (r.flags & known_bit) return money::from_minor(r.amount);
    return std::nullopt;
  }

 private:
  friend funding_evaluation detail::evaluate_rules(std::span<const funding_rule>, std::span<const organisation>, int,
                                                   const funding_options&, const std::vector<char>*);
  // a, b, c by basis — per_inhabitant: population, rate, population year; matching: matched sum,
  // –, matched rules; share_of_total: period total, period years, period index.
  struct record {
    std::uint32_t rule, payer, recipient;
    std::int32_t c = 0;
    std::int64_t amount = 0, a = 0, b = 0;
    funding_basis basis = funding_basis::fixed;
    provenance source = provenance::stated;
    std::uint16_t flags = 0;
  };
  static_assert(sizeof(record) <= 48);
  static constexpr std::uint16_t known_bit = 1, unknown_population_bit = 2, unknown_matched_bit = 4, capped_bit = 8,
                                 floored_bit = 16, period_start_assumed_bit = 32, has_a_bit = 64, has_c_bit = 128,
                                 odd_ratio_bit = 256;
  // Rare values kept beside the records, sorted by flow: the figure before a cap or floor, and
  // a ratio other than one.
  template <class T>
  static T side_value(const std::vector<std::pair<std::uint32_t, T>>& side, std::size_t i) {
    const auto it = std::lower_bound(side.begin(), side.end(), i, [](const auto& e, std::size_t k) { return e.first < k; });
    return it->second;
  }
  int year_ = 0;
  std::vector<record> rec_;
  std::vector<std::pair<std::uint32_t, std::int64_t>> uncapped_;
  std::vector<std::pair<std::uint32_t, share>> ratios_;
};

/// @brief Every flow of one year, in the order of the model's rules.
struct funding_evaluation {
  int year = 0;
  share_of_total_mode share_mode = share_of_total_mode::per_year;
  funding_flows flows;                                ///< rules in force that year, in rule order
  std::vector<co_funding_requirement> requirements;  ///< co-funding minimums in force that year

  /// @brief What `o` receives this year.
  [[nodiscard]] money_sum income(organisation_index o) const {
    money_sum s;
    for (std::size_t i = 0; i < flows.size(); ++i)
      if (flows.recipient(i) == o) add(s, i);
    return s;
  }
  /// @brief What `o` pays this year.
  [[nodiscard]] money_sum paid(organisation_index o) const {
    money_sum s;
    for (std::size_t i = 0; i < flows.size(); ++i)
      if (flows.payer(i) == o) add(s, i);
    return s;
  }
  /// @brief What `payer` pays `recipient` this year.
  [[nodiscard]] money_sum paid(organisation_index payer, organisation_index recipient) const {
    money_sum s;
    for (std::size_t i = 0; i < flows.size(); ++i)
      if (flows.payer(i) == payer && flows.recipient(i) == recipient) add(s, i);
    return s;
  }
  /// @brief Every flow of the year.
  [[nodiscard]] money_sum total() const {
    money_sum s;
    for (std::size_t i = 0; i < flows.size(); ++i) add(s, i);
    return s;
  }

 private:
  void add(money_sum& s, std::size_t i) const {
    if (const auto a = flows.amount(i)) s.known += *a;
    else ++s.unknown;
  }
};

namespace detail {

/// @brief The evaluation itself, on raw spans so that analyses can re-evaluate with changed rates
/// without copying a model. `zero_rate` (when given, one entry per rule) marks per-inhabitant
/// rules whose rate is taken as zero, which is how the budget check separates the part of an
/// income that scales with the rate.
inline funding_evaluation evaluate_rules(std::span<const funding_rule> rules, std::span<const organisation> orgs,
                                         int year, const funding_options& opt, const std::vector<char>* zero_rate) {
  using rec = funding_flows::record;
  funding_evaluation ev;
  ev.year = year;
  ev.share_mode = opt.share_mode;
  auto& out = ev.flows;
  out.year_ = year;
  const std::size_t n = rules.size();
  constexpr std::uint32_t none = 0xffffffffu;
  // Scratch is kept to O(in-force rules of a group + matching rules): at 10^6 rules every
  // fresh rule-sized array costs a few milliseconds of page faults alone.
  // One pass over the rules (they are large: every extra pass costs more than the arithmetic)
  // for what is in force and the groups: a dense id per group name, and how many rules in
  // force each group has. Rules of one group are usually adjacent, so the previous rule's group
  // is tried before the hash map.
  std::size_t in_force = 0;
  std::unordered_map<std::string_view, std::uint32_t> group_id;
  std::vector<std::uint32_t> goff{0};  // counts, then CSR offsets of each group's flows
  std::string_view last_group;
  std::uint32_t last_id = none;
  auto id_of = [&](std::string_view name) {
    if (last_id == none || name != last_group) {
      last_group = name;
      const auto [it, fresh] = group_id.try_emplace(name, static_cast<std::uint32_t>(group_id.size()));
      if (fresh) goff.push_back(0);
      last_id = it->second;
    }
    return last_id;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const bool on = rule_in_force(rules[i], year, opt.share_mode);
    in_force += on ? 1 : 0;
    if (!rules[i].group.empty()) {
      const auto gi = id_of(rules[i].group);
      if (on) ++goff[gi + 1];
    }
  }
  const std::size_t g = group_id.size();
  for (std::size_t k = 0; k < g; ++k) goff[k + 1] += goff[k];
  std::vector<std::uint32_t> gmem(goff[g]);  // the flows of each group, in rule order
  auto gpos = goff;
  last_id = none;
  out.rec_.reserve(in_force);

  auto apply_bounds = [&](rec& f, const funding_rule& r, int years) {
    if (!(f.flags & funding_flows::known_bit)) return;
    const auto i = static_cast<std::uint32_t>(&f - out.rec_.data());
    const std::int64_t before = f.amount;
    if (r.cap) {
      money c = *r.cap * years;
      if (c.minor() < f.amount) f.amount = c.minor(), f.flags |= funding_flows::capped_bit;
    }
    if (r.floor) {
      money fl = *r.floor * years;
      if (f.amount < fl.minor()) f.amount = fl.minor(), f.flags |= funding_flows::floored_bit;
    }
    if (f.flags & (funding_flows::capped_bit | funding_flows::floored_bit)) out.uncapped_.emplace_back(i, before);
  };

  // First pass: every rule in force gets a flow in rule order; non-matching rules are computed.
  struct pending {
    std::uint32_t rule, flow, matched, own_group, waiting;
  };
  std::vector<pending> matching;  // matching rules in force, in rule order
  for (std::size_t i = 0; i < n; ++i) {
    const funding_rule& r = rules[i];
    if (!rule_in_force(r, year, opt.share_mode)) continue;
    const auto fi = static_cast<std::uint32_t>(out.rec_.size());
    const std::uint32_t own_group = r.group.empty() ? none : id_of(r.group);
    if (own_group != none) gmem[gpos[own_group]++] = fi;
    rec& f = out.rec_.emplace_back();
    f.rule = static_cast<std::uint32_t>(i);
    f.payer = r.payer.value;
    f.recipient = r.recipient.value;
    f.basis = r.basis;
    f.source = r.source;
    if (!(r.ratio == share::one())) f.flags |= funding_flows::odd_ratio_bit, out.ratios_.emplace_back(fi, r.ratio);
    if (r.co_funding_min)
      ev.requirements.push_back({funding_rule_index(f.rule), r.payer, r.recipient, year, *r.co_funding_min});
    int bound_years = 1;
    switch (r.basis) {
      case funding_basis::fixed: f.amount = r.amount.minor(), f.flags |= funding_flows::known_bit; break;
      case funding_basis::per_inhabitant: {
        const organisation& p = orgs[r.payer.value];
        f.b = (zero_rate && (*zero_rate)[i] != 0) ? 0 : r.rate.minor();
        if (p.population_year) f.c = *p.population_year, f.flags |= funding_flows::has_c_bit;
        if (!p.population) {
          f.flags |= funding_flows::unknown_population_bit;
        } else {
          f.a = *p.population;
          f.flags |= funding_flows::has_a_bit | funding_flows::known_bit;
          f.amount = checked_mul(f.b, *p.population, "rate × population");
        }
        break;
      }
      case funding_basis::share_of_total: {
        const money t = money::from_minor(mul_div_round(r.amount.minor(), r.ratio.numerator(), r.ratio.denominator()));
        f.a = t.minor();
        f.b = r.period_years;
        if (!r.year_from && r.period_years > 1) f.flags |= funding_flows::period_start_assumed_bit;
        f.c = r.year_from ? year - *r.year_from : 0;
        f.flags |= funding_flows::known_bit;
        if (opt.share_mode == share_of_total_mode::whole_period) {
          f.amount = t.minor();
          bound_years = r.period_years;
        } else {
          f.amount = year_part(t, r.period_years, f.c).minor();
        }
        break;
      }
      case funding_basis::matching:
        matching.push_back({static_cast<std::uint32_t>(i), fi, none, own_group, 0});
        continue;  // second pass
    }
    apply_bounds(f, r, bound_years);
  }

  // Second pass: matching rules in dependency order. A matching rule waits for every matching
  // rule of the group it matches; validation has rejected cycles, so Kahn's algorithm reaches
  // them all.
  std::vector<std::uint32_t> ready;  // positions in `matching`
  std::vector<std::vector<std::uint32_t>> dependents(g);  // per group: matching rules that match it
  for (std::uint32_t k = 0; k < matching.size(); ++k) {
    auto& p = matching[k];
    auto it = group_id.find(rules[p.rule].matches);
    if (it == group_id.end()) {  // nothing in the group at all: matched sum 0
      ready.push_back(k);
      continue;
    }
    p.matched = it->second;
    dependents[it->second].push_back(k);
    for (std::uint32_t q = goff[p.matched]; q < goff[p.matched + 1]; ++q)
      if (out.rec_[gmem[q]].basis == funding_basis::matching) ++p.waiting;
    if (p.waiting == 0) ready.push_back(k);
  }
  std::size_t done = 0;
  while (done < ready.size()) {
    const pending& p = matching[ready[done++]];
    const funding_rule& r = rules[p.rule];
    rec& f = out.rec_[p.flow];
    money sum;
    bool unknown = false;
    std::uint32_t count = 0;
    if (p.matched != none) {
      for (std::uint32_t q = goff[p.matched]; q < goff[p.matched + 1]; ++q) {
        ++count;
        const rec& m = out.rec_[gmem[q]];
        if (m.flags & funding_flows::known_bit) sum += money::from_minor(m.amount);
        else unknown = true;
      }
    }
    f.c = static_cast<std::int32_t>(count);
    if (unknown) {
      f.flags |= funding_flows::unknown_matched_bit;
    } else {
      f.a = sum.minor();
      f.amount = mul_div_round(sum.minor(), r.ratio.numerator(), r.ratio.denominator());
      f.flags |= funding_flows::has_a_bit | funding_flows::known_bit;
    }
    apply_bounds(f, r, 1);
    if (p.own_group != none)
      for (std::uint32_t d : dependents[p.own_group])
        if (--matching[d].waiting == 0) ready.push_back(d);
  }
  // Matching flows were bounded out of rule order.
  std::sort(out.uncapped_.begin(), out.uncapped_.end());
  return ev;
}

}  // namespace detail

/// @brief Evaluates every funding rule of `m` in force in `year`.
///
/// Fixed rules give their amount; per-inhabitant rules rate × the payer's population (unknown
/// when the population is); share-of-total rules ratio × amount, per year or for the whole
/// period (`funding_options::share_mode`); matching rules ratio × the sum of the flows of the
/// matched group in the same year, after those flows (a matching rule may match matching rules).
/// Caps and floors bound each yearly flow (× period years for a whole-period booking).
/// Co-funding minimums are listed as requirements, not flows.
/// @throws arithmetic_error when a product overflows 64 bits.
inline funding_evaluation evaluate_funding(const model& m, int year, const funding_options& opt = {}) {
  return detail::evaluate_rules(m.funding_rules(), m.organisations(), year, opt);
}

/// @brief A per-inhabitant rate implied by an amount spread over a population.
struct implied_rate_result {
  money amount;
  std::int64_t population = 0;
  share exact_ore;  ///< öre per inhabitant, as an exact fraction
  money rate;       ///< rounded half away from zero to the öre
  [[nodiscard]] double sek_per_inhabitant() const noexcept { return exact_ore.value() / 100.0; }
};

/// @brief amount ÷ population, e.g. Business Region Skaraborg's 3 MSEK over Västra Götaland's
/// 1 767 016 inhabitants ≈ 1.70 SEK. @throws arithmetic_error when the population is not positive.
inline implied_rate_result implied_rate(money amount, std::int64_t population) {
  if (population <= 0) throw arithmetic_error("an implied rate needs a positive population");
  return {amount, population, share(amount.minor(), population),
          money::from_minor(mul_div_round(amount.minor(), 1, population))};
}

/// @brief Where a flow's money comes from, so that income tables never add them together.
enum class income_source : std::uint8_t {
  base,     ///< ordinary funding by members, owners or the host
  project,  ///< project money (a rule whose purpose starts with "project") not from the state
  state,    ///< paid by a state agency (e.g. Tillväxtverket)
  partner,  ///< paid by a non-public payer that is not a member (e.g. SBA's property partners)
};
template <>
struct enum_names<income_source> {
  static constexpr std::string_view what = "income source";
  static constexpr std::array<std::string_view, 4> names{"base", "project", "state", "partner"};
};

/// @brief The source of one flow: state when an agency pays; else project when the rule's purpose
/// starts with "project"; else partner when the payer is neither a municipality, a region nor a
/// municipal association and not a member of the recipient; else base.
[[nodiscard]] inline income_source source_of(const model& m, const funding_flow& f) {
  const auto kind = m[f.payer].kind;
  if (kind == organisation_kind::agency) return income_source::state;
  if (m[f.rule].purpose.rfind("project", 0) == 0) return income_source::project;
  const bool is_public = kind == organisation_kind::municipality || kind == organisation_kind::region ||
                         kind == organisation_kind::municipal_association;
  if (!is_public) {
    const auto ms = m.memberships();
    const bool member = std::any_of(ms.begin(), ms.end(), [&](const membership& x) {
      return x.member == f.payer && x.organisation == f.recipient;
    });
    if (!member) return income_source::partner;
  }
  return income_source::base;
}

/// @brief An organisation's income in one evaluation, by source (indexed by `income_source`).
[[nodiscard]] inline std::array<money_sum, 4> income_by_source(const model& m, const funding_evaluation& ev,
                                                               organisation_index recipient) {
  std::array<money_sum, 4> out{};
  for (const auto& f : ev.flows) {
    if (f.recipient != recipient) continue;
    auto& s = out[static_cast<std::size_t>(source_of(m, f))];
    if (f.amount) s.known += *f.amount;
    else ++s.unknown;
  }
  return out;
}

/// @brief A total that a group of payers finances per inhabitant: the share-of-total rules of one
/// group, recipient, amount and period whose every ratio is the payer's share of the group's
/// population (e.g. Business Region Skaraborg's 3 MSEK of sub-regional funds, paid per inhabitant
/// by the 49 municipalities of Västra Götaland). `rate` is amount ÷ the payers' population.
struct per_inhabitant_total {
  std::string group;
  organisation_index recipient;
  money amount;                              ///< the total (per period)
  int period_years = 1;
  std::vector<organisation_index> payers;    ///< in rule order
  implied_rate_result rate;
};

/// @brief The totals of `m` financed per inhabitant (see `per_inhabitant_total`), in the order of
/// their first rule. A group whose ratios do not follow the payers' populations exactly, or with
/// a payer of unknown population, is not one.
[[nodiscard]] inline std::vector<per_inhabitant_total> per_inhabitant_totals(const model& m) {
  std::vector<per_inhabitant_total> out;
  std::vector<std::vector<const funding_rule*>> rules_of;
  for (const auto& r : m.funding_rules()) {
    if (r.basis != funding_basis::share_of_total || r.group.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const per_inhabitant_total& t) {
      return t.group == r.group && t.recipient == r.recipient && t.amount == r.amount && t.period_years == r.period_years;
    });
    if (it == out.end()) {
      out.push_back({r.group, r.recipient, r.amount, r.period_years, {}, {}});
      rules_of.emplace_back();
      it = out.end() - 1;
    }
    it->payers.push_back(r.payer);
    rules_of[static_cast<std::size_t>(it - out.begin())].push_back(&r);
  }
  std::vector<per_inhabitant_total> found;
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::int64_t population = 0;
    bool ok = true;
    for (const auto* r : rules_of[i]) {
      const auto& p = m[r->payer].population;
      if (!p || *p <= 0) ok = false;
      else population = checked_add(population, *p, "population sum");
    }
    if (!ok) continue;
    for (const auto* r : rules_of[i]) ok = ok && r->ratio == share(*m[r->payer].population, population);
    if (!ok) continue;
    out[i].rate = implied_rate(out[i].amount, population);
    found.push_back(std::move(out[i]));
  }
  return found;
}

/// @brief A population implied by a total income, a fixed part and a per-inhabitant rate.
struct implied_population_result {
  money total;
  money fixed;
  money rate;
  std::int64_t population = 0;  ///< ⌊(total − fixed) ÷ rate⌋
  money remainder;              ///< (total − fixed) − population × rate; zero when it divides exactly
  [[nodiscard]] bool exact() const noexcept { return remainder.minor() == 0; }
};

/// @brief (total − fixed) ÷ rate: e.g. the population that Stockholm Business Alliance's
/// 19.2 MSEK implies for its members other than Stockholm, (19.2 − 7.5) MSEK ÷ 4 SEK = 2 925 000.
/// @throws arithmetic_error when the rate is not positive or the fixed part exceeds the total.
inline implied_population_result implied_population(money total, money fixed, money rate) {
  if (rate.minor() <= 0) throw arithmetic_error("an implied population needs a positive rate");
  const money rest = total - fixed;
  if (rest.minor() < 0) throw arithmetic_error("the fixed part exceeds the total");
  const std::int64_t p = rest.minor() / rate.minor();
  return {total, fixed, rate, p, money::from_minor(rest.minor() - p * rate.minor())};
}

}  // namespace orgmodel
