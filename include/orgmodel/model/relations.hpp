#pragma once
/// @file
/// @brief The model's typed relations: affiliation (part-of, host), escalation, ownership,
/// funding rules, membership, delegated representation and stated budgets.

#include <cstdint>
#include <optional>
#include <string>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/ids.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/model/extensions.hpp"

namespace orgmodel {

/// @brief `child` is part of, hosted by, or a business area of `parent`.
struct affiliation {
  organisation_index child;
  organisation_index parent;
  affiliation_kind kind = affiliation_kind::part_of;
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const affiliation&, const affiliation&) = default;
};

/// @brief A matter of the given classes goes from body `from` to body `to` when `from` may not
/// decide it, after `preparation_days` of preparation.
struct escalation {
  body_index from;
  body_index to;
  decision_class_set classes = decision_class_set::all();
  double preparation_days = 0;
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const escalation&, const escalation&) = default;
};

/// @brief `owner` holds `equity` of `owned` and `votes` of its voting rights.
struct ownership {
  organisation_index owner;
  organisation_index owned;
  share_range equity;
  share_range votes;  ///< equal to equity unless the source says otherwise
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const ownership&, const ownership&) = default;
};

/// @brief A rule by which `payer` funds `recipient`, with its basis kept (not only its amount).
///
/// - fixed: `amount` per year;
/// - per_inhabitant: `rate` × the payer's population;
/// - matching: `ratio` × the sum of the flows of the rules in group `matches` (same year);
/// - share_of_total: `ratio` × `amount`, spread over `period_years` years.
/// Years run from `year_from` to `year_to` inclusive; nothing means open-ended.
struct funding_rule {
  std::string id;
  organisation_index payer;
  organisation_index recipient;
  funding_basis basis = funding_basis::fixed;
  money amount;                  ///< fixed: per year; share_of_total: the total
  money rate;                    ///< per inhabitant, for per_inhabitant
  share ratio = share::one();    ///< matching ratio or share of the total
  std::string group;             ///< a tag that matching rules refer to
  std::string matches;           ///< for matching: the group whose flows it matches
  std::optional<int> year_from;
  std::optional<int> year_to;
  int period_years = 1;          ///< years a share_of_total total is spread over
  std::optional<money> cap;      ///< a yearly flow never above this
  std::optional<money> floor;    ///< nor below this
  std::optional<money> co_funding_min;  ///< own costs the payer must show at least
  std::string purpose;           ///< the activity funded: "base", "project:eu-2023" …
  provenance source = provenance::stated;
  std::string note;
  std::vector<std::string> unknown;  ///< what the sources do not give (JSON `unknown`)
  extensions extra;
  friend bool operator==(const funding_rule&, const funding_rule&) = default;
};

/// @brief `member` is a member of, or served by, the joint organisation `organisation`.
struct membership {
  organisation_index member;
  organisation_index organisation;
  membership_kind kind = membership_kind::member;
  std::optional<int> since;
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const membership&, const membership&) = default;
};

/// @brief `represented` is represented by `representative` (on `body`, or everywhere when invalid),
/// e.g. a Stockholm-county municipality by one of the four chosen by StorSthlm.
struct representation {
  organisation_index represented;
  organisation_index representative;
  body_index body;
  std::string via;  ///< who chose the representative, e.g. "StorSthlm"
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const representation&, const representation&) = default;
};

/// @brief A budget, cost or turnover that a source states for an organisation and year.
struct budget_figure {
  organisation_index organisation;
  int year = 0;
  budget_kind kind = budget_kind::budget;
  money amount;
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const budget_figure&, const budget_figure&) = default;
};

}  // namespace orgmodel
