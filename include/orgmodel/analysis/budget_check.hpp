#pragma once
/// @file
/// @brief Does the money add up? An organisation's income from the funding rules in a year
/// against the budget (or cost) a source states for it, and the rate that would close the gap.
///
/// @code
/// auto c = orgmodel::check_budget(m, m.organisation_at("business-region-varmland"), 2024);
/// if (c.shortfall()) std::cout << "gap " << c.gap->str() << ", rate " << c.closing_rate->str() << '\n';
/// @endcode

#include <optional>
#include <string_view>
#include <vector>

#include "orgmodel/analysis/funding.hpp"

namespace orgmodel {

namespace detail {
/// @brief The largest power of ten (in whole SEK, at most the amount itself) dividing an amount
/// given in öre; 100 öre for an amount with öre or for zero.
[[nodiscard]] inline std::int64_t rounding_unit_ore(std::int64_t ore) noexcept {
  if (ore <= 0 || ore % 100 != 0) return 100;
  std::int64_t unit = 100;
  while (ore % (unit * 10) == 0 && unit * 10 <= ore) unit *= 10;
  return unit;
}
}  // namespace detail

/// @brief The budget check of one organisation and year.
struct budget_check {
  organisation_index organisation;
  int year = 0;
  money_sum income;                       ///< from the funding rules in force
  std::optional<budget_kind> stated_kind; ///< budget, else turnover, else cost; nothing when none is stated
  std::optional<money> stated;            ///< the stated figure
  provenance stated_source = provenance::stated;
  /// @brief stated − income: positive is a gap (shortfall), negative a surplus. Nothing when no
  /// figure is stated or when an income flow is unknown (then only a bound is known: see income).
  std::optional<money> gap;
  /// @brief The part of the income that scales with per-inhabitant rates to this organisation,
  /// directly or through matching rules (e.g. the municipalities' fees and the region's match).
  money rate_driven;
  std::size_t per_inhabitant_rules = 0;  ///< per-inhabitant rules paying this organisation this year
  /// @brief The uniform per-inhabitant rate that would make income equal the stated figure,
  /// rounded up to the öre (so it closes the gap); nothing when the rules to the organisation do
  /// not share one rate, no income scales with the rate, or the gap is unknown.
  std::optional<money> closing_rate;
  std::optional<share> rate_factor;  ///< exact factor by which every such rate would be multiplied
  bool closing_rate_approximate = false;  ///< a cap or floor binds, so income is not linear in the rate

  /// @brief Half the unit the stated figure is rounded to: a figure given as "6 MSEK" is
  /// 6 000 000 ± 500 000, "4.4 MSEK" ± 50 000 (the unit is the largest power of ten, up to the
  /// figure itself, that divides it in whole SEK). A gap within it is no gap.
  money rounding;
  /// @brief The income rests on a population worked back from the stated figure itself (an
  /// `unknown_group` payer whose population is `derived`, e.g. SBA's 29 unnamed members): the
  /// comparison proves nothing and is not flagged.
  bool circular = false;

  /// @brief The difference is larger than the stated figure's rounding.
  [[nodiscard]] bool beyond_rounding() const noexcept {
    return gap && (gap->minor() > rounding.minor() || -gap->minor() > rounding.minor());
  }
  /// @brief True when the stated figure is above the income beyond its rounding, and the check is
  /// not circular: flag it.
  [[nodiscard]] bool shortfall() const noexcept { return !circular && beyond_rounding() && gap->minor() > 0; }
  /// @brief The income is above the stated figure beyond its rounding (not circular).
  [[nodiscard]] bool surplus() const noexcept { return !circular && beyond_rounding() && gap->minor() < 0; }
};

/// @brief The check's verdict in a word: "GAP", "surplus", "within rounding" (a difference inside
/// the stated figure's rounding), "circular" (see `budget_check::circular`), or empty (no figure,
/// or an unknown flow).
[[nodiscard]] inline std::string_view budget_flag(const budget_check& c) noexcept {
  if (!c.gap) return {};
  if (c.circular) return "circular";
  if (c.shortfall()) return "GAP";
  if (c.surplus()) return "surplus";
  return c.gap->minor() == 0 ? std::string_view{} : std::string_view{"within rounding"};
}

/// @brief Checks one organisation's income in `year` against its stated figure: its budget, else
/// its stated turnover (what its income was said to be), else a stated cost. `purpose`, when not
/// empty, counts only the flows of rules with that purpose (e.g. "base": ordinary operations,
/// leaving project money out, as the study's budgets and turnovers do).
///
/// The closing rate: every per-inhabitant rule paying the organisation is scaled by one factor
/// λ; with income = A + λ·B (A: what does not depend on those rates, B: what does, including the
/// matching that follows them), λ = (stated − A) ÷ B exactly, and the closing rate is λ × the
/// common rate, rounded up to the öre.
inline budget_check check_budget(const model& m, organisation_index o, int year, const funding_options& opt = {},
                                 std::string_view purpose = {}) {
  budget_check c;
  c.organisation = o;
  c.year = year;
  auto income = [&](const funding_evaluation& e) {
    money_sum s;
    for (const auto& f : e.flows) {
      if (f.recipient != o || (!purpose.empty() && m[f.rule].purpose != purpose)) continue;
      if (f.amount) s.known += *f.amount;
      else ++s.unknown;
    }
    return s;
  };
  const funding_evaluation ev = evaluate_funding(m, year, opt);
  c.income = income(ev);
  auto rank = [](budget_kind k) { return k == budget_kind::budget ? 0 : (k == budget_kind::turnover ? 1 : 2); };
  for (const auto& b : m.budgets()) {
    if (b.organisation != o || b.year != year) continue;
    if (!c.stated_kind || rank(b.kind) < rank(*c.stated_kind)) {
      c.stated_kind = b.kind;
      c.stated = b.amount;
      c.stated_source = b.source;
    }
  }
  if (c.stated && c.income.exact()) c.gap = *c.stated - c.income.known;
  if (c.stated) c.rounding = money::from_minor(detail::rounding_unit_ore(c.stated->minor()) / 2);
  for (const auto& f : ev.flows)
    if (f.recipient == o && (purpose.empty() || m[f.rule].purpose == purpose) && f.basis == funding_basis::per_inhabitant &&
        m[f.payer].kind == organisation_kind::unknown_group && m[f.payer].source == provenance::derived)
      c.circular = true;

  // Which per-inhabitant rules pay o this year, and do they share one rate?
  std::vector<char> zero(m.funding_rules().size(), 0);
  std::optional<money> common_rate;
  bool uniform = true;
  for (const auto& f : ev.flows) {
    if (f.recipient != o || f.basis != funding_basis::per_inhabitant) continue;
    if (!purpose.empty() && m[f.rule].purpose != purpose) continue;
    zero[f.rule.value] = 1;
    ++c.per_inhabitant_rules;
    if (!common_rate) common_rate = f.rate;
    else if (*common_rate != f.rate) uniform = false;
  }
  if (c.per_inhabitant_rules == 0 || !c.gap) return c;
  const funding_evaluation base = detail::evaluate_rules(m.funding_rules(), m.organisations(), year, opt, &zero);
  const money_sum a = income(base);
  if (!a.exact()) return c;
  c.rate_driven = c.income.known - a.known;
  for (const auto* e : {&ev, &base})
    for (const auto& f : e->flows)
      if (f.recipient == o && (f.capped || f.floored)) c.closing_rate_approximate = true;
  if (c.rate_driven.minor() <= 0) return c;
  const money need = *c.stated - a.known;
  if (need.minor() < 0) return c;
  c.rate_factor = share(need.minor(), c.rate_driven.minor());
  if (uniform && common_rate) {
    // ⌈rate × need ÷ rate_driven⌉ in öre, exactly through 128 bits.
    const int128 num = static_cast<int128>(common_rate->minor()) * need.minor();
    const int128 den = c.rate_driven.minor();
    int128 q = num / den;
    if (num % den != 0) ++q;
    if (q > INT64_MAX) throw arithmetic_error("closing rate overflows 64 bits");
    c.closing_rate = money::from_minor(static_cast<std::int64_t>(q));
  }
  return c;
}

/// @brief The budget check of every organisation with a stated figure for `year`.
inline std::vector<budget_check> check_budgets(const model& m, int year, const funding_options& opt = {},
                                               std::string_view purpose = {}) {
  std::vector<budget_check> out;
  std::vector<char> seen(m.organisations().size(), 0);
  for (const auto& b : m.budgets()) {
    if (b.year != year || seen[b.organisation.value]) continue;
    seen[b.organisation.value] = 1;
    out.push_back(check_budget(m, b.organisation, year, opt, purpose));
  }
  return out;
}

}  // namespace orgmodel
