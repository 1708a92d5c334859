#pragma once
/// @file
/// @brief The model's entities: organisations, governance bodies and the seats on them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/ids.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/model/extensions.hpp"

namespace orgmodel {

/// @brief An actor: a municipality, a region, a company, a joint organisation …
struct organisation {
  std::string id;    ///< unique among organisations, e.g. "orebro-kommun"
  std::string name;  ///< display name in the source's language, e.g. "Örebro kommun"
  organisation_kind kind = organisation_kind::other;
  std::optional<std::int64_t> population;  ///< inhabitants where territorial; nothing when unknown
  std::optional<int> population_year;      ///< reference year of `population` (SCB: 31 Dec of that year)
  std::string county;                      ///< county code ("18" for Örebro län), empty when none
  std::string code;                        ///< official code (SCB municipality code "1880"), empty when none
  std::optional<model_category> category;  ///< the study's model category, for joint organisations
  std::optional<bool> can_sign_agreements; ///< overrides the default of its kind; nothing = by kind
  /// How many members a group of unnamed organisations (`unknown_group`) stands for, when the
  /// source says; nothing otherwise. At least 1.
  std::optional<std::int64_t> member_count;
  /// @brief How many members it stands for when it is a member: its `member_count`, else 1.
  [[nodiscard]] std::int64_t stands_for() const noexcept { return member_count.value_or(1); }
  provenance source = provenance::stated;
  std::string note;
  /// What the sources do not say about it ("team size", "funding amount …"), JSON `unknown`
  /// (data/models/README.md); the report lists them as gaps.
  std::vector<std::string> unknown;
  extensions extra;
  friend bool operator==(const organisation&, const organisation&) = default;
};

/// @brief How often a body meets: a range of meetings per year ("2–3 a year" is {2, 3}).
struct cadence {
  double low = 0;
  double high = 0;
  [[nodiscard]] double mid() const noexcept { return (low + high) / 2.0; }
  friend bool operator==(const cadence&, const cadence&) = default;
};

/// @brief One of several majorities a decision needs at once (a double majority: of members and of
/// population, of members and of votes …).
struct required_majority {
  majority_basis basis = majority_basis::votes;
  share at_least;  ///< share of the basis's total that must be reached
  extensions extra;
  friend bool operator==(const required_majority&, const required_majority&) = default;
};

/// @brief A governance body: board, steering group, committee, team, a single official …
struct body {
  std::string id;    ///< unique among bodies
  std::string name;  ///< e.g. "Styrgrupp (KSO)"
  body_kind kind = body_kind::steering_group;
  enum layer layer = layer::executive;
  organisation_index organisation;            ///< the organisation the body belongs to
  std::optional<cadence> meetings_per_year;   ///< nothing when the source does not say
  decision_class_set mandates;                ///< the classes it may decide
  std::optional<decision_rule> rule;          ///< nothing when unknown
  std::optional<share> quota;                 ///< share of votes needed, for weighted or qualified rules
  std::vector<required_majority> majorities;  ///< all needed at once; empty: the single rule above
  /// With `majorities`: a blocking minority needs at least this many members (the EU Council: 4),
  /// so n − m + 1 members decide whatever the majorities say. Nothing: no such clause.
  std::optional<int> blocking_minority;
  std::optional<int> staff;                   ///< head count, for operative teams
  provenance source = provenance::stated;
  std::string note;
  std::vector<std::string> unknown;           ///< fields the sources do not give ("seats", "meetings_per_year" …)
  extensions extra;
  friend bool operator==(const body&, const body&) = default;
};

/// @brief A seat on a body, held on behalf of an organisation (Popolo: a membership with a post).
struct seat {
  body_index body;               ///< the body the seat is on
  organisation_index holder;     ///< on whose behalf the seat is held
  std::string role;              ///< post or role: "executive_board_chair", "chief_executive" …
  std::int64_t votes = 1;        ///< votes the seat carries; 0 for observers
  bool chair = false;
  provenance source = provenance::stated;
  std::string note;
  extensions extra;
  friend bool operator==(const seat&, const seat&) = default;
};

}  // namespace orgmodel
