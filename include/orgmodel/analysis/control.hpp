#pragma once
/// @file
/// @brief Majority control through chains of companies: X controls Y when X and the companies X
/// controls together hold more than half of Y's votes.
///
/// The relation is the least fixpoint of that rule: start with nothing controlled and add every
/// company the rule forces, until nothing changes. A worklist does it in one pass over the holdings
/// reachable from X (each company enters at most once), so cross-holdings cannot make it loop, and
/// a cycle never "controls itself" into existence. Votes are exact fractions: 50 % is not control.
///
/// Ranges: control is "certain" when it follows from the lower bounds of the voting shares and
/// "possible" when it follows from the upper bounds; certain implies possible.
///
/// @code
/// auto c = orgmodel::analyse_control(m);
/// for (const auto& o : c.owners) for (const auto& l : o.controls) std::cout << o.id << " controls " << l.company_id;
/// @endcode

#include <algorithm>
#include <string>
#include <vector>

#include "orgmodel/error.hpp"
#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief One company an owner controls, with the evidence.
struct control_link {
  organisation_index company;
  std::string company_id;
  bool certain = false;              ///< by the lower bounds; otherwise possible only (upper bounds)
  share bloc_votes_low;              ///< votes the controlling bloc holds (lower bounds)
  share bloc_votes_high;             ///< (upper bounds, may exceed one when ranges overlap)
  std::vector<std::string> chain;    ///< controller first, company last: the decisive holding at each step
  std::vector<std::pair<std::string, share_range>> contributors;  ///< bloc members' holdings in the company
};

/// @brief An organisation and the companies it controls (certainly or possibly).
struct owner_control {
  organisation_index owner;
  std::string id;
  std::vector<control_link> controls;  ///< in the order control was established
};

/// @brief Who controls a company.
struct company_control {
  organisation_index company;
  std::string id;
  std::vector<std::string> certain_controllers;   ///< every organisation that certainly controls it
  std::vector<std::string> possible_controllers;  ///< … possibly (includes the certain ones)
  std::vector<std::string> ultimate_controllers;  ///< certain controllers not themselves certainly controlled
};

/// @brief Control over every owned organisation of a model.
struct control_result {
  std::vector<owner_control> owners;       ///< only organisations that control something
  std::vector<company_control> companies;  ///< every organisation with owners, model order
};

namespace detail {
class control_fixpoint {
 public:
  control_fixpoint(const model& m, const layer_graph& g) : m_(m), g_(g), n_(g.num_vertices()) {}

  /// The least fixpoint of X's control under lower (`upper` false) or upper bounds.
  /// Returns the controlled companies in order, with `order_` and `acc_` filled for evidence.
  std::vector<std::uint32_t> run(std::uint32_t x, bool upper) {
    upper_ = upper;
    acc_.assign(n_, share::zero());
    order_.assign(n_, none);
    std::vector<std::uint32_t> controlled;
    order_[x] = 0;
    std::vector<std::uint32_t> work{x};
    const share half(1, 2);
    for (std::size_t i = 0; i < work.size(); ++i) {
      const std::uint32_t y = work[i];
      for (auto [it, end] = boost::out_edges(y, g_.graph()); it != end; ++it) {
        const auto z = static_cast<std::uint32_t>(boost::target(*it, g_.graph()));
        acc_[z] = acc_[z] + votes(g_.relation(*it));
        if (order_[z] == none && half < acc_[z]) {
          order_[z] = static_cast<std::uint32_t>(controlled.size() + 1);
          controlled.push_back(z);
          work.push_back(z);
        }
      }
    }
    return controlled;
  }

  [[nodiscard]] share votes(std::uint32_t relation) const {
    const auto& v = m_.ownerships()[relation].votes;
    return upper_ ? v.high : v.low;
  }
  [[nodiscard]] const share& acc(std::uint32_t v) const { return acc_[v]; }

  /// Controller first: at each step back, the bloc member with the largest holding in the company
  /// among those controlled earlier (or the controller itself).
  [[nodiscard]] std::vector<std::string> chain(std::uint32_t x, std::uint32_t y) const {
    std::vector<std::string> ids{std::string(g_.id(y))};
    std::uint32_t cur = y;
    while (cur != x) {
      std::uint32_t best = none;
      share best_v;
      for (auto [it, end] = boost::in_edges(cur, g_.graph()); it != end; ++it) {
        const auto s = static_cast<std::uint32_t>(boost::source(*it, g_.graph()));
        if (order_[s] == none || order_[s] >= order_[cur]) continue;
        share v = votes(g_.relation(*it));
        if (best == none || best_v < v) best = s, best_v = v;
      }
      ORGMODEL_ASSERT(best != none);
      cur = best;
      ids.emplace_back(g_.id(cur));
    }
    std::reverse(ids.begin(), ids.end());
    return ids;
  }
  [[nodiscard]] std::vector<std::pair<std::string, share_range>> contributors(std::uint32_t y) const {
    std::vector<std::pair<std::string, share_range>> r;
    for (auto [it, end] = boost::in_edges(y, g_.graph()); it != end; ++it) {
      const auto s = static_cast<std::uint32_t>(boost::source(*it, g_.graph()));
      if (order_[s] != none) r.emplace_back(std::string(g_.id(s)), m_.ownerships()[g_.relation(*it)].votes);
    }
    return r;
  }
  [[nodiscard]] bool in_bloc(std::uint32_t v) const { return order_[v] != none; }

 private:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  const model& m_;
  const layer_graph& g_;
  std::uint32_t n_;
  bool upper_ = false;
  std::vector<share> acc_;
  std::vector<std::uint32_t> order_;
};
}  // namespace detail

/// @brief Majority control of every organisation with owners, by voting shares.
/// @throws arithmetic_error when the exact vote sums overflow 64-bit fractions.
inline control_result analyse_control(const model& m) {
  layer_graph g(m, relation_layer::ownership);
  const std::uint32_t n = g.num_vertices();
  control_result r;
  std::vector<std::vector<std::uint32_t>> certain_by(n), possible_by(n);
  detail::control_fixpoint lo(m, g), hi(m, g);
  for (std::uint32_t x = 0; x < n; ++x) {
    if (boost::out_degree(x, g.graph()) == 0) continue;
    auto c_hi = hi.run(x, true);
    if (c_hi.empty()) continue;
    auto c_lo = lo.run(x, false);
    owner_control oc{organisation_index(x), m[organisation_index(x)].id, {}};
    for (std::uint32_t y : c_hi) {
      const bool certain = lo.in_bloc(y);
      control_link l;
      l.company = organisation_index(y);
      l.company_id = m[l.company].id;
      l.certain = certain;
      l.bloc_votes_high = hi.acc(y);
      l.bloc_votes_low = certain ? lo.acc(y) : share::zero();
      l.chain = certain ? lo.chain(x, y) : hi.chain(x, y);
      l.contributors = certain ? lo.contributors(y) : hi.contributors(y);
      if (!certain) {
        // the lower-bound bloc may be smaller; its votes in y are still a valid lower figure
        share s;
        for (auto [it, end] = boost::in_edges(y, g.graph()); it != end; ++it)
          if (lo.in_bloc(static_cast<std::uint32_t>(boost::source(*it, g.graph())))) s = s + m.ownerships()[g.relation(*it)].votes.low;
        l.bloc_votes_low = s;
      }
      possible_by[y].push_back(x);
      if (certain) certain_by[y].push_back(x);
      oc.controls.push_back(std::move(l));
    }
    r.owners.push_back(std::move(oc));
  }
  for (std::uint32_t y = 0; y < n; ++y) {
    if (boost::in_degree(y, g.graph()) == 0) continue;
    company_control cc{organisation_index(y), m[organisation_index(y)].id, {}, {}, {}};
    for (auto x : certain_by[y]) {
      cc.certain_controllers.push_back(m[organisation_index(x)].id);
      if (certain_by[x].empty()) cc.ultimate_controllers.push_back(m[organisation_index(x)].id);
    }
    for (auto x : possible_by[y]) cc.possible_controllers.push_back(m[organisation_index(x)].id);
    r.companies.push_back(std::move(cc));
  }
  return r;
}

}  // namespace orgmodel
