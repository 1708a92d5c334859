#pragma once
/// @file
/// @brief Strong index types: an organisation's index cannot be passed where a body's is expected.

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>  // declares std::hash (as <functional> does, without its weight)

namespace orgmodel {

/// @brief A dense 32-bit index into one of the model's entity vectors, tagged by entity kind.
///
/// 32 bits hold 4 × 10^9 entities per kind, far beyond the synthetic nations of 10^7 entities,
/// and keep the CSR graphs half the size of 64-bit indices.
template <class Tag>
struct strong_index {
  using value_type = std::uint32_t;
  static constexpr value_type invalid_value = std::numeric_limits<value_type>::max();

  value_type value = invalid_value;

  constexpr strong_index() = default;
  constexpr explicit strong_index(value_type v) noexcept : value(v) {}
  /// @brief True when the index refers to something.
  [[nodiscard]] constexpr bool valid() const noexcept { return value != invalid_value; }
  constexpr auto operator<=>(const strong_index&) const = default;
};

struct organisation_tag {};
struct body_tag {};
struct seat_tag {};
struct funding_rule_tag {};

using organisation_index = strong_index<organisation_tag>;  ///< index of an organisation
using body_index = strong_index<body_tag>;                  ///< index of a governance body
using seat_index = strong_index<seat_tag>;                  ///< index of a seat
using funding_rule_index = strong_index<funding_rule_tag>;  ///< index of a funding rule

}  // namespace orgmodel

template <class Tag>
struct std::hash<orgmodel::strong_index<Tag>> {
  std::size_t operator()(orgmodel::strong_index<Tag> i) const noexcept { return i.value; }  // the identity, as std::hash<std::uint32_t>
};
