#pragma once
/// @file
/// @brief range-v3 views for the everyday questions: the seats an organisation holds, the bodies
/// of an organisation, the seats on a body, the members of a joint organisation.
///
/// Each view is lazy and scans one relation vector; for repeated questions on large models build a
/// `layer_graph` instead and walk its CSR adjacency.
///
/// @code
/// for (const orgmodel::seat& s : orgmodel::seats_held_by(m, m.organisation_at("karlskoga")))
///   std::cout << m[s.body].name << '\n';
/// @endcode

#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>

#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief The seats held on behalf of organisation `o`.
inline auto seats_held_by(const model& m, organisation_index o) {
  return m.seats() | ranges::views::filter([o](const seat& s) { return s.holder == o; });
}

/// @brief The seats on body `b`.
inline auto seats_on(const model& m, body_index b) {
  return m.seats() | ranges::views::filter([b](const seat& s) { return s.body == b; });
}

/// @brief The indices of the bodies that belong to organisation `o`.
inline auto bodies_of(const model& m, organisation_index o) {
  return ranges::views::iota(std::uint32_t{0}, static_cast<std::uint32_t>(m.bodies().size())) |
         ranges::views::transform([](std::uint32_t i) { return body_index(i); }) |
         ranges::views::filter([&m, o](body_index b) { return m[b].organisation == o; });
}

/// @brief The organisations that are members of (or, with `kind`, served by) joint organisation `o`.
inline auto members_of(const model& m, organisation_index o, membership_kind kind = membership_kind::member) {
  return m.memberships() |
         ranges::views::filter([o, kind](const membership& x) { return x.organisation == o && x.kind == kind; }) |
         ranges::views::transform([](const membership& x) { return x.member; });
}

/// @brief The owners of organisation `o` with their holdings.
inline auto owners_of(const model& m, organisation_index o) {
  return m.ownerships() | ranges::views::filter([o](const ownership& x) { return x.owned == o; });
}

/// @brief The funding rules whose recipient is `o`.
inline auto funding_rules_to(const model& m, organisation_index o) {
  return m.funding_rules() | ranges::views::filter([o](const funding_rule& r) { return r.recipient == o; });
}

}  // namespace orgmodel
