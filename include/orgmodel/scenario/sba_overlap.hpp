#pragma once
/// @file
/// @brief A county's organisation model beside its municipalities' membership of Stockholm
/// Business Alliance: who already belongs to SBA and pays what, what every municipality of the
/// county would pay, and for each of the seven models what SBA membership adds (money, bodies,
/// seats) and what it duplicates. The study's question for Västmanland (L96–100: "hur en
/// investerings- och etableringsfrämjande organisation i Västmanland ska förhålla sig till SBA";
/// L2011–2018: the boundaries get hard when a regional organisation lies between members and SBA).
///
/// @code
/// auto c = orgmodel::scenario::compare_templates(orgmodel::scenario::template_input::from_county("Västmanlands län"));
/// auto o = orgmodel::scenario::sba_overlap(c, orgmodel::data::load_bundled_model("stockholm-business-alliance"));
/// @endcode
/// Its tables and JSON: present/sba_overlap.hpp.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/scenario/compare.hpp"

namespace orgmodel::scenario {

/// @brief Whether a municipality of the county belongs to the alliance, by the sources.
enum class alliance_status : std::uint8_t {
  member,   ///< a membership in the alliance's model names it
  unknown,  ///< not named: it may be one of the alliance's unnamed members, or none
};
[[nodiscard]] constexpr std::string_view to_string(alliance_status s) noexcept {
  return s == alliance_status::member ? "member" : "unknown";
}

/// @brief One municipality of the county and the alliance.
struct alliance_municipality {
  std::string id, name;
  std::int64_t population = 0;
  alliance_status status = alliance_status::unknown;
  provenance evidence = provenance::stated;  ///< the membership's provenance (member only)
  std::optional<money> pays;                 ///< its fee now, from the alliance's funding (member only)
  money would_pay;                           ///< the alliance's rate × its population
};

/// @brief A body of a model that duplicates one of the alliance's (present/sba_overlap.hpp words it).
struct duplicated_body {
  std::string body;           ///< the model's body (name)
  std::string alliance_body;  ///< the alliance's body it duplicates (name)
  /// The municipalities (names) that sit on both in the same post; empty for two operative teams,
  /// which duplicate each other because both promote the same municipalities (L2011–2018).
  std::vector<std::string> shared;
  std::string post;  ///< their post on both (a seat role), when `shared` is not empty
};

/// @brief One model for the county beside membership of the alliance by every municipality.
struct alliance_model_overlap {
  model_category category = model_category::c1A;
  money_sum model_municipal;    ///< what the municipalities pay the model per year (base)
  money alliance_fees;          ///< what every municipality would pay the alliance per year
  money_sum both;               ///< the two together; unknown when the model's sum is
  std::vector<duplicated_body> duplicated_bodies;
  std::vector<std::string> added_bodies;       ///< alliance bodies with no counterpart in the model
  std::int64_t model_seats = 0;       ///< the county's municipal seats in the model
  std::int64_t alliance_seats = 0;    ///< their seats in the alliance if every municipality were a member
  std::int64_t duplicated_seats = 0;  ///< alliance seats held by the same municipality in the same role in the model
};

/// @brief The county's municipalities and the alliance, and each model beside it.
struct alliance_overlap {
  std::string alliance_id, alliance_name, county_name;
  int year = 0;
  money rate;  ///< the alliance's fee per inhabitant and year
  std::vector<alliance_municipality> municipalities;
  money_sum members_pay;  ///< the named members' fees
  money all_would_pay;    ///< every municipality at the rate
  std::size_t unknown_count = 0;
  std::int64_t member_seats = 0;  ///< the named members' seats in the alliance's bodies now
  std::vector<alliance_model_overlap> models;
};

namespace detail {

/// @brief One name per post: the bundled models and the templates spell seat roles differently
/// ("executive_board_chair" / "executive_chair" are both the KSO).
inline std::string_view post_of(std::string_view role) {
  if (role == "executive_board_chair" || role == "executive_chair") return "executive_board_chair";
  if (role == "business_development_manager" || role == "business_dev") return "business_development_manager";
  return role;
}

/// @brief A seat of a municipality in one of the alliance's bodies.
struct alliance_seat {
  body_index body;
  std::string municipality;  ///< id
  std::string_view post;
};

}  // namespace detail

/// @brief The county of comparison `c` beside the alliance of model `alliance` (its joint
/// organisation is the one whose id is the model's id).
///
/// Members are the municipalities a membership of the alliance names; the others are
/// `unknown` (never "not a member": the alliance has unnamed members). The rate is the
/// alliance's per-inhabitant rule; fees are evaluated by `evaluate_funding` for the comparison's
/// population year. If every municipality joined, a body on which every named member of the
/// county sits (the KSOs' meeting) gets a seat for each, and bodies with selected members (the
/// 13 chief executives) keep the seats they have: the study gives no rule for them.
/// A model's body *duplicates* an alliance body when the same municipality sits on both in the
/// same post; an operative team duplicates the alliance's team (both promote the same
/// municipalities, L2011–2018).
/// @throws lookup_error when the model has no organisation with its own id.
inline alliance_overlap sba_overlap(const comparison& c, const model& alliance) {
  alliance_overlap r;
  const auto ipa = alliance.organisation_at(alliance.info().id);
  r.alliance_id = alliance.info().id;
  r.alliance_name = alliance[ipa].name;
  r.county_name = c.input.county_name;
  r.year = c.input.population_year;
  const auto ev = evaluate_funding(alliance, r.year);
  for (const auto& f : ev.flows)
    if (f.recipient == ipa && f.basis == funding_basis::per_inhabitant && alliance[f.payer].kind == organisation_kind::municipality) {
      r.rate = f.rate;
      break;
    }
  std::vector<detail::alliance_seat> seats_now;
  for (const auto& m : c.input.municipalities) {
    alliance_municipality a{m.id, m.name, m.population, alliance_status::unknown, provenance::stated, std::nullopt, r.rate * m.population};
    if (const auto o = alliance.find_organisation(m.id)) {
      for (const auto& ms : alliance.memberships())
        if (ms.member == *o && ms.organisation == ipa) a.status = alliance_status::member, a.evidence = ms.source;
      if (a.status == alliance_status::member) {
        money_sum s;
        for (const auto& f : ev.flows)
          if (f.payer == *o && f.recipient == ipa) {
            if (f.amount) s.known += *f.amount;
            else ++s.unknown;
          }
        if (s.exact()) a.pays = s.known;
        r.members_pay.known += s.known;
        r.members_pay.unknown += s.unknown;
        for (const auto& st : alliance.seats())
          if (st.holder == *o) seats_now.push_back({st.body, m.id, detail::post_of(st.role)});
      }
    }
    if (a.status == alliance_status::unknown) ++r.unknown_count;
    r.all_would_pay += a.would_pay;
    r.municipalities.push_back(std::move(a));
  }
  r.member_seats = static_cast<std::int64_t>(seats_now.size());
  // Every municipality a member: bodies where each named member sits take them all.
  std::vector<detail::alliance_seat> seats_all = seats_now;
  const auto members = static_cast<std::size_t>(r.municipalities.size() - r.unknown_count);
  std::vector<body_index> bodies;
  for (const auto& s : seats_now)
    if (std::find(bodies.begin(), bodies.end(), s.body) == bodies.end()) bodies.push_back(s.body);
  for (auto b : bodies) {
    std::vector<std::string> held;
    std::string_view post;
    for (const auto& s : seats_now)
      if (s.body == b) held.push_back(s.municipality), post = s.post;
    if (held.size() < members || members == 0) continue;
    for (const auto& m : r.municipalities)
      if (m.status == alliance_status::unknown) seats_all.push_back({b, m.id, post});
  }
  for (const auto& v : c.variants) {
    alliance_model_overlap o;
    o.category = v.category;
    o.model_municipal = detail::flows_by_payer(v, detail::flow_part::base).municipal;
    o.alliance_fees = r.all_would_pay;
    o.both = {o.model_municipal.known + r.all_would_pay, o.model_municipal.unknown};
    o.alliance_seats = static_cast<std::int64_t>(seats_all.size());
    const auto& m = v.built;
    for (const auto& s : m.seats()) o.model_seats += m[s.holder].kind == organisation_kind::municipality ? 1 : 0;
    std::vector<body_index> matched;  // alliance bodies with a counterpart
    for (const auto& b : m.bodies()) {
      // Per alliance body, the municipalities that sit on both and their post: a single signatory
      // shares one seat with SBA's 13-member steering group, not "the same municipalities" (L1801-1806).
      std::vector<body_index> same;  // the alliance bodies b duplicates; dup[k] says who shares same[k]
      std::vector<duplicated_body> dup;
      for (const auto& s : m.seats()) {
        if (&m[s.body] != &b || m[s.holder].kind != organisation_kind::municipality) continue;
        for (const auto& a : seats_all)
          if (a.municipality == m[s.holder].id && a.post == detail::post_of(s.role)) {
            ++o.duplicated_seats;
            auto at = std::find(same.begin(), same.end(), a.body);
            if (at == same.end()) {
              same.push_back(a.body);
              dup.push_back({b.name, alliance[a.body].name, {}, std::string(a.post)});
              at = same.end() - 1;
            }
            dup[static_cast<std::size_t>(at - same.begin())].shared.push_back(m[s.holder].name);
          }
      }
      if (b.kind == body_kind::operative_team)
        for (const auto& ab : alliance.bodies())
          if (ab.kind == body_kind::operative_team && ab.organisation == ipa) {
            same.push_back(body_index(static_cast<std::uint32_t>(&ab - alliance.bodies().data())));
            dup.push_back({b.name, ab.name, {}, {}});
          }
      matched.insert(matched.end(), same.begin(), same.end());
      std::move(dup.begin(), dup.end(), std::back_inserter(o.duplicated_bodies));
    }
    for (const auto& ab : alliance.bodies()) {
      const body_index a(static_cast<std::uint32_t>(&ab - alliance.bodies().data()));
      const bool seated = std::any_of(seats_all.begin(), seats_all.end(), [&](const auto& s) { return s.body == a; });
      if (seated && std::find(matched.begin(), matched.end(), a) == matched.end()) o.added_bodies.push_back(ab.name);
    }
    r.models.push_back(std::move(o));
  }
  return r;
}

/// @brief True when a municipality of the county is a named member: only then is the overlap
/// part of a comparison (SBA spans nine counties, L1767–1769).
[[nodiscard]] inline bool has_named_members(const alliance_overlap& r) noexcept { return r.unknown_count < r.municipalities.size(); }

}  // namespace orgmodel::scenario
