#pragma once
/// @file
/// @brief Decision classes (the kinds of matter a body may decide) and compact sets of them.

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

namespace orgmodel {

/// @brief Index of a decision class within a model's list of classes (at most 64).
using decision_class = std::uint8_t;

/// @brief The documented default classes every model starts with, in this order.
/// A model may add its own after them (up to 64 in all).
inline constexpr std::array<std::string_view, 7> default_decision_classes{
    "daily_operations",  ///< running the operations within budget
    "budget",            ///< the yearly budget and funding
    "operational_plan",  ///< verksamhetsplan and its follow-up
    "strategy",          ///< long-term direction, establishment strategy
    "contract",          ///< agreements incl. non-disclosure agreements
    "membership",        ///< members joining or leaving
    "ownership",         ///< changes of owners, owner directive, articles
};

/// @brief Indices of the default classes, for readable code.
namespace decision_classes {
inline constexpr decision_class daily_operations = 0;
inline constexpr decision_class budget = 1;
inline constexpr decision_class operational_plan = 2;
inline constexpr decision_class strategy = 3;
inline constexpr decision_class contract = 4;
inline constexpr decision_class membership = 5;
inline constexpr decision_class ownership = 6;
}  // namespace decision_classes

/// @brief The most classes a model can have: a set is one 64-bit word.
inline constexpr std::size_t max_decision_classes = 64;

/// @brief A set of decision classes as a 64-bit mask: bodies' mandates and escalation lines
/// stay one word each, whatever the model's size.
class decision_class_set {
 public:
  constexpr decision_class_set() = default;
  constexpr explicit decision_class_set(std::uint64_t bits) noexcept : bits_(bits) {}
  /// @brief Every class.
  static constexpr decision_class_set all() noexcept { return decision_class_set(~std::uint64_t{0}); }
  constexpr decision_class_set& insert(decision_class c) noexcept {
    bits_ |= std::uint64_t{1} << c;
    return *this;
  }
  [[nodiscard]] constexpr bool contains(decision_class c) const noexcept { return (bits_ >> c) & 1U; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr bool is_all() const noexcept { return bits_ == ~std::uint64_t{0}; }
  [[nodiscard]] constexpr int size() const noexcept { return std::popcount(bits_); }
  [[nodiscard]] constexpr std::uint64_t bits() const noexcept { return bits_; }
  friend constexpr decision_class_set operator&(decision_class_set a, decision_class_set b) noexcept {
    return decision_class_set(a.bits_ & b.bits_);
  }
  friend constexpr decision_class_set operator|(decision_class_set a, decision_class_set b) noexcept {
    return decision_class_set(a.bits_ | b.bits_);
  }
  friend constexpr bool operator==(decision_class_set, decision_class_set) noexcept = default;

 private:
  std::uint64_t bits_ = 0;
};

}  // namespace orgmodel
