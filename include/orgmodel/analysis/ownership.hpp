#pragma once
/// @file
/// @brief Who owns an organisation, directly and ultimately: owners' shares per company with
/// totals and remainders, and the ultimate owners above a threshold with the chains that carry
/// their share.
///
/// Direct shares are exact fractions (core/share.hpp), so "25 % split among 13" adds up exactly.
/// Indirect shares are computed in double precision by the engine in
/// `analysis/holding_network.hpp` (definitions, citations and the meaning of the bounds there).
///
/// @code
/// auto a = orgmodel::analyse_ownership(m, {.threshold = 0.25});
/// for (const auto& c : a.companies)
///   for (const auto& h : c.holders) std::cout << c.company_id << " ← " << h.id << ' ' << h.low << '\n';
/// @endcode

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "orgmodel/analysis/holding_network.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief One owner's direct holding in a company.
struct owner_holding {
  organisation_index owner;
  std::string owner_id;
  share_range equity;
  share_range votes;
  bool votes_differ = false;  ///< voting share is stated apart from the equity share
  provenance source = provenance::stated;
};

/// @brief A company's direct owners, with exact totals and remainders.
///
/// Totals are intervals [Σ low, min(1, Σ high)]: with ranges, the owners hold at least the sum of
/// the lower bounds and at most the sum of the upper bounds, never more than everything. The
/// unallocated remainder (shares no recorded owner holds) is [max(0, 1 − Σ high), 1 − Σ low].
struct company_holdings {
  organisation_index company;
  std::string company_id;
  std::vector<owner_holding> owners;
  share_range equity_total;
  share_range votes_total;
  share_range equity_unallocated;
  share_range votes_unallocated;
  bool equity_ranges_exceed_whole = false;  ///< Σ high > 1: the upper bounds cannot all hold at once
  bool votes_ranges_exceed_whole = false;
  bool votes_differ = false;  ///< some owner's votes differ from its equity
  bool has_ranges = false;    ///< some share is known only as a range
};

/// @brief Direct ownership of every owned organisation, in model order.
struct direct_ownership_result {
  std::vector<company_holdings> companies;
};

namespace detail {
struct share_total {
  share low, high;
  void add(const share_range& r) {
    low = low + r.low;
    high = high + r.high;
  }
  [[nodiscard]] share_range total() const { return {low, std::min(high, share::one())}; }
  [[nodiscard]] share_range remainder() const {
    share lo = high < share::one() ? share::one() - high : share::zero();
    share hi = low < share::one() ? share::one() - low : share::zero();
    return {lo, hi};
  }
};
}  // namespace detail

/// @brief Every owned organisation's owners, totals, remainders and equity/vote differences.
/// Exact rational arithmetic. @throws arithmetic_error when the fractions overflow 64 bits.
inline direct_ownership_result direct_ownership(const model& m) {
  direct_ownership_result r;
  std::vector<std::uint32_t> slot(m.organisations().size(), std::numeric_limits<std::uint32_t>::max());
  std::vector<std::pair<detail::share_total, detail::share_total>> totals;
  for (const auto& o : m.ownerships()) {
    auto& s = slot[o.owned.value];
    if (s == std::numeric_limits<std::uint32_t>::max()) {
      s = static_cast<std::uint32_t>(r.companies.size());
      company_holdings c;
      c.company = o.owned;
      c.company_id = m[o.owned].id;
      r.companies.push_back(std::move(c));
      totals.emplace_back();
    }
    auto& c = r.companies[s];
    bool differ = !(o.votes == o.equity);
    c.owners.push_back({o.owner, m[o.owner].id, o.equity, o.votes, differ, o.source});
    c.votes_differ = c.votes_differ || differ;
    c.has_ranges = c.has_ranges || !o.equity.exact() || !o.votes.exact();
    totals[s].first.add(o.equity);
    totals[s].second.add(o.votes);
  }
  for (std::size_t i = 0; i < r.companies.size(); ++i) {
    auto& c = r.companies[i];
    c.equity_total = totals[i].first.total();
    c.votes_total = totals[i].second.total();
    c.equity_unallocated = totals[i].first.remainder();
    c.votes_unallocated = totals[i].second.remainder();
    c.equity_ranges_exceed_whole = share::one() < totals[i].first.high;
    c.votes_ranges_exceed_whole = share::one() < totals[i].second.high;
  }
  std::sort(r.companies.begin(), r.companies.end(),
            [](const company_holdings& a, const company_holdings& b) { return a.company < b.company; });
  return r;
}

/// @brief What `analyse_ownership` and `ultimate_owners` compute.
struct ownership_options {
  ownership_measure measure = ownership_measure::equity;
  double threshold = 0.25;  ///< the beneficial-ownership line (25 % in EU AMLD practice)
  std::size_t chains = 3;   ///< evidence: top chains per ultimate owner
  path_limits chain_limits{.max_depth = 32, .min_share = 1e-9, .max_paths = 200'000};
};

/// @brief An ultimate owner of a company, or a pseudo-owner ("unallocated", a closed group).
struct ultimate_holder {
  std::string id;    ///< organisation id, or "(unallocated)" / "(closed group N)"
  std::string name;
  std::optional<organisation_index> organisation;  ///< nothing for pseudo-owners
  double low = 0;    ///< lower bound of the ultimate share
  double high = 0;   ///< upper bound (capped at one)
  bool certain = false;  ///< low ≥ threshold; otherwise only possibly above it (high ≥ threshold)
  std::vector<std::vector<std::string>> chains;  ///< ids, holder first, company last
  std::vector<std::pair<double, double>> chain_shares;  ///< [low, high] each chain carries
  double explained_low = 0;  ///< Σ of the chains' lower shares: how much of `low` the evidence shows
};

/// @brief The ultimate owners of one company at or above the threshold (by upper bound).
struct company_ultimate_owners {
  organisation_index company;
  std::string company_id;
  std::string company_name;
  double threshold = 0.25;
  ownership_measure measure = ownership_measure::equity;
  std::vector<ultimate_holder> holders;  ///< descending by low, then high
  bool upper_bounds_unknown = false;     ///< cross-holdings under the upper bounds may keep everything inside
  double sum_low = 0;                    ///< Σ of all holders' lower bounds (1 when exact and allocated)
};

/// @brief Everything about a model's ownership: direct holdings, ultimate owners per company,
/// closed groups and how the cycles were solved.
struct ownership_analysis {
  ownership_options options;
  direct_ownership_result direct;
  std::vector<company_ultimate_owners> companies;
  std::vector<std::vector<std::string>> closed_groups;  ///< ids of companies that own themselves
  scc_summary sccs;
};

namespace detail {
inline company_ultimate_owners ultimate_owners_from(const model& m, const holding_network& net,
                                                    const indirect_ownership_result& u, organisation_index company,
                                                    const ownership_options& opt) {
  company_ultimate_owners r;
  r.company = company;
  r.company_id = m[company].id;
  r.company_name = m[company].name;
  r.threshold = opt.threshold;
  r.measure = opt.measure;
  const std::uint32_t v = company.value;
  r.upper_bounds_unknown = !u.high_unknown.empty() && u.high_unknown[v];
  for (double x : u.low.values(v)) r.sum_low += x;
  for (std::uint32_t h : u.holders(v)) {
    double lo = u.value_low(v, h), hi = u.value_high(v, h);
    if (hi < opt.threshold) continue;
    ultimate_holder x;
    x.low = lo;
    x.high = hi;
    x.certain = lo >= opt.threshold;
    if (h < u.vertices) {
      x.organisation = organisation_index(h);
      x.id = m[*x.organisation].id;
      x.name = m[*x.organisation].name;
      for (const auto& c : top_chains(net, h, v, opt.chains, opt.chain_limits)) {
        std::vector<std::string> ids;
        for (auto p : c.path) ids.push_back(m[organisation_index(p)].id);
        x.chains.push_back(std::move(ids));
        x.chain_shares.emplace_back(c.low, c.high);
        x.explained_low += c.low;
      }
    } else if (h == u.unallocated_holder()) {
      x.id = "(unallocated)";
      x.name = "shares no recorded owner holds";
    } else if (h == u.truncated_holder()) {
      x.id = "(truncated)";
      x.name = "mass dropped below epsilon";
    } else {
      auto g = h - u.vertices - 2;
      x.id = "(closed group " + std::to_string(g + 1) + ")";
      x.name = "companies that own one another with no outside owner";
    }
    r.holders.push_back(std::move(x));
  }
  if (r.upper_bounds_unknown) {
    // every holder may hold up to everything; list the certain ones and say so
    r.holders.erase(std::remove_if(r.holders.begin(), r.holders.end(), [](const ultimate_holder& x) { return !x.certain; }),
                    r.holders.end());
  }
  std::sort(r.holders.begin(), r.holders.end(), [](const ultimate_holder& a, const ultimate_holder& b) {
    return a.low != b.low ? a.low > b.low : (a.high != b.high ? a.high > b.high : a.id < b.id);
  });
  return r;
}
}  // namespace detail

/// @brief The ultimate owners of `company` holding at least `threshold` (possibly: by upper bound;
/// `certain` when by lower bound), each with the top chains that carry its share.
/// @throws lookup_error when `company` is not an organisation of `m`.
inline company_ultimate_owners ultimate_owners(const model& m, organisation_index company, const ownership_options& opt = {}) {
  if (!company.valid() || company.value >= m.organisations().size())
    throw lookup_error("no organisation with index " + std::to_string(company.value));
  auto net = make_holding_network(m, opt.measure);
  auto u = ultimate_ownership(net);
  return detail::ultimate_owners_from(m, net, u, company, opt);
}

/// @brief Direct ownership plus the ultimate owners of every owned organisation.
inline ownership_analysis analyse_ownership(const model& m, const ownership_options& opt = {}) {
  ownership_analysis a;
  a.options = opt;
  a.direct = direct_ownership(m);
  auto net = make_holding_network(m, opt.measure);
  auto u = ultimate_ownership(net);
  a.sccs = u.sccs;
  for (const auto& g : u.closed_groups) {
    std::vector<std::string> ids;
    for (auto v : g) ids.push_back(m[organisation_index(v)].id);
    std::sort(ids.begin(), ids.end());
    a.closed_groups.push_back(std::move(ids));
  }
  for (const auto& c : a.direct.companies) a.companies.push_back(detail::ultimate_owners_from(m, net, u, c.company, opt));
  return a;
}

}  // namespace orgmodel
