#pragma once
/// @file
/// @brief The classifications of the vocabulary: kinds of organisations and bodies, layers,
/// decision rules, relation kinds and provenance. English names per docs/glossary.

#include <array>
#include <cstdint>
#include <string_view>

#include "orgmodel/core/enum_names.hpp"

namespace orgmodel {

/// @brief What kind of organisation an actor is.
enum class organisation_kind : std::uint8_t {
  municipality,           ///< kommun
  region,                 ///< region (regional authority of a county)
  municipal_association,  ///< kommunalförbund
  company,                ///< aktiebolag, possibly publicly owned
  business_area,          ///< affärsområde inside a company
  unit,                   ///< a unit or department inside another organisation
  agency,                 ///< state agency (Tillväxtverket, Business Sweden)
  university,
  chamber_of_commerce,
  partnership,            ///< a joint organisation without legal personality of its own
  association,            ///< förening, intresseorganisation
  fund,                   ///< a funding programme (ERDF)
  other,
  unknown_group,          ///< an explicit remainder of members the sources do not name
};
template <>
struct enum_names<organisation_kind> {
  static constexpr std::string_view what = "organisation kind";
  static constexpr std::array<std::string_view, 14> names{
      "municipality", "region", "municipal_association", "company", "business_area", "unit", "agency",
      "university", "chamber_of_commerce", "partnership", "association", "fund", "other", "unknown_group"};
};

/// @brief True for organisations that are legal persons and can sign agreements in their own name.
constexpr bool is_legal_person(organisation_kind k) noexcept {
  switch (k) {
    case organisation_kind::municipality:
    case organisation_kind::region:
    case organisation_kind::municipal_association:
    case organisation_kind::company:
    case organisation_kind::agency:
    case organisation_kind::university:
    case organisation_kind::chamber_of_commerce:
    case organisation_kind::association: return true;
    default: return false;
  }
}

/// @brief What kind of body a governance body is.
enum class body_kind : std::uint8_t {
  council,            ///< fullmäktige
  executive_board,    ///< kommunstyrelse / regionstyrelse
  committee,          ///< nämnd
  board,              ///< company or association board
  owners_meeting,     ///< bolagsstämma, ägarsamråd
  members_meeting,    ///< a meeting of all members (SBA's yearly KSO meeting)
  directorate,        ///< direktion of a municipal association
  steering_group,     ///< styrgrupp
  management_group,   ///< ledningsgrupp
  working_group,      ///< arbetsgrupp
  reference_group,    ///< referensgrupp, advisory only
  network,            ///< a network of officials (business managers)
  official,           ///< one post holder who decides alone (a director, a head of unit)
  operative_team,     ///< the staff who do the work
};
template <>
struct enum_names<body_kind> {
  static constexpr std::string_view what = "body kind";
  static constexpr std::array<std::string_view, 14> names{
      "council",        "executive_board", "committee",       "board",           "owners_meeting",
      "members_meeting", "directorate",    "steering_group",  "management_group", "working_group",
      "reference_group", "network",        "official",        "operative_team"};
};

/// @brief The governance layer a body belongs to.
enum class layer : std::uint8_t { political, executive, operative, owner };
template <>
struct enum_names<layer> {
  static constexpr std::string_view what = "layer";
  static constexpr std::array<std::string_view, 4> names{"political", "executive", "operative", "owner"};
};

/// @brief How a body decides.
enum class decision_rule : std::uint8_t { majority, qualified_majority, consensus, weighted_votes, single_decider };
template <>
struct enum_names<decision_rule> {
  static constexpr std::string_view what = "decision rule";
  static constexpr std::array<std::string_view, 5> names{"majority", "qualified_majority", "consensus",
                                                         "weighted_votes", "single_decider"};
};

/// @brief What one of a body's required majorities counts: the seats' votes, the members (one per
/// holder organisation), or the members' inhabitants.
enum class majority_basis : std::uint8_t { votes, members, population };
template <>
struct enum_names<majority_basis> {
  static constexpr std::string_view what = "majority basis";
  static constexpr std::array<std::string_view, 3> names{"votes", "members", "population"};
};

/// @brief How an organisation sits inside another.
enum class affiliation_kind : std::uint8_t {
  part_of,           ///< a unit of the parent
  hosted_by,         ///< the parent employs the team and provides the workplace (värdorganisation)
  business_area_of,  ///< a business area inside the parent company
};
template <>
struct enum_names<affiliation_kind> {
  static constexpr std::string_view what = "affiliation kind";
  static constexpr std::array<std::string_view, 3> names{"part_of", "hosted_by", "business_area_of"};
};

/// @brief How an organisation belongs to a joint organisation.
enum class membership_kind : std::uint8_t {
  member,  ///< a member by agreement (pays, has a say)
  served,  ///< in the service area only
};
template <>
struct enum_names<membership_kind> {
  static constexpr std::string_view what = "membership kind";
  static constexpr std::array<std::string_view, 2> names{"member", "served"};
};

/// @brief The basis of a funding rule.
enum class funding_basis : std::uint8_t {
  fixed,           ///< a fixed amount per year
  per_inhabitant,  ///< a rate × the payer's population
  matching,        ///< a ratio of the sum of other flows (a group of rules)
  share_of_total,  ///< a share of a total, e.g. 40 % of a 20 MSEK three-year project
};
template <>
struct enum_names<funding_basis> {
  static constexpr std::string_view what = "funding basis";
  static constexpr std::array<std::string_view, 4> names{"fixed", "per_inhabitant", "matching", "share_of_total"};
};

/// @brief What a budget figure states.
enum class budget_kind : std::uint8_t { budget, cost, turnover };
template <>
struct enum_names<budget_kind> {
  static constexpr std::string_view what = "budget kind";
  static constexpr std::array<std::string_view, 3> names{"budget", "cost", "turnover"};
};

/// @brief Where a fact comes from. Anything but `stated` is flagged in every report.
enum class provenance : std::uint8_t {
  stated,     ///< the source states it
  derived,    ///< computed from stated facts (e.g. a population from SCB)
  estimated,  ///< the source gives an approximate figure ("≈ 4 MSEK")
  assumed,    ///< a documented default where the source is silent
};
template <>
struct enum_names<provenance> {
  static constexpr std::string_view what = "provenance";
  static constexpr std::array<std::string_view, 4> names{"stated", "derived", "estimated", "assumed"};
};

/// @brief The seven organisation models of the benchmark study (see docs/glossary).
enum class model_category : std::uint8_t { c1A, c1B, c2A, c2B, c3A, c3B, c4A };
template <>
struct enum_names<model_category> {
  static constexpr std::string_view what = "model category";
  static constexpr std::array<std::string_view, 7> names{"1A", "1B", "2A", "2B", "3A", "3B", "4A"};
};

}  // namespace orgmodel
