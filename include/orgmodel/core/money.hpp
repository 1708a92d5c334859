#pragma once
/// @file
/// @brief Exact money in integer minor units (öre for SEK).

#include <charconv>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "orgmodel/core/checked.hpp"

namespace orgmodel {

/// @brief An exact amount of money in minor units (1 SEK = 100 öre).
///
/// Arithmetic is overflow-checked and throws `arithmetic_error`; there is no floating point
/// anywhere on the path from rule to flow, so every allocation can sum to its total exactly.
class money {
 public:
  constexpr money() = default;
  /// @brief An amount of `ore` minor units.
  static constexpr money from_minor(std::int64_t ore) noexcept { return money(ore); }
  /// @brief A whole number of major units (SEK).
  static money from_major(std::int64_t sek) { return money(checked_mul(sek, 100, "money")); }

  /// @brief Parses an exact decimal in major units: "4000000", "1.6", "-12.05". At most two decimals.
  static std::optional<money> parse(std::string_view s) noexcept {
    bool neg = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
      neg = s.front() == '-';
      s.remove_prefix(1);
    }
    auto dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && frac.empty()) || frac.size() > 2) return std::nullopt;
    for (char c : whole)
      if (c < '0' || c > '9') return std::nullopt;
    for (char c : frac)
      if (c < '0' || c > '9') return std::nullopt;
    std::int64_t w = 0;
    auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
    if (ec != std::errc{} || p != whole.data() + whole.size()) return std::nullopt;
    std::int64_t f = 0;
    for (char c : frac) f = f * 10 + (c - '0');
    if (frac.size() == 1) f *= 10;
    std::int64_t ore = 0;
    if (__builtin_mul_overflow(w, 100, &ore) || __builtin_add_overflow(ore, f, &ore)) return std::nullopt;
    return money(neg ? -ore : ore);
  }

  /// @brief Minor units (öre).
  [[nodiscard]] constexpr std::int64_t minor() const noexcept { return ore_; }
  /// @brief The amount in major units as a double, for display and ratios only.
  [[nodiscard]] constexpr double major() const noexcept { return static_cast<double>(ore_) / 100.0; }

  /// @brief Exact decimal text with two decimals: "6160232.00".
  [[nodiscard]] std::string str() const {
    std::uint64_t a = ore_ < 0 ? static_cast<std::uint64_t>(-(ore_ + 1)) + 1 : static_cast<std::uint64_t>(ore_);
    std::string s = std::to_string(a / 100);
    s += '.';
    s += static_cast<char>('0' + (a % 100) / 10);
    s += static_cast<char>('0' + a % 10);
    return ore_ < 0 ? "-" + s : s;
  }

  friend money operator+(money a, money b) { return money(checked_add(a.ore_, b.ore_, "money sum")); }
  friend money operator-(money a, money b) { return money(checked_sub(a.ore_, b.ore_, "money difference")); }
  friend money operator-(money a) { return money(checked_sub(0, a.ore_, "money negation")); }
  friend money operator*(money a, std::int64_t k) { return money(checked_mul(a.ore_, k, "money product")); }
  friend money operator*(std::int64_t k, money a) { return a * k; }
  money& operator+=(money b) { return *this = *this + b; }
  money& operator-=(money b) { return *this = *this - b; }
  constexpr auto operator<=>(const money&) const = default;

 private:
  constexpr explicit money(std::int64_t ore) noexcept : ore_(ore) {}
  std::int64_t ore_ = 0;
};

}  // namespace orgmodel
