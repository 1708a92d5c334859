#pragma once
/// @file
/// @brief Exact shares (fractions) and share ranges ("10–15 %").

#include <charconv>
#include <compare>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

#include "orgmodel/config.hpp"
#include "orgmodel/core/checked.hpp"

namespace orgmodel {

/// @brief An exact non-negative fraction num/den in lowest terms, e.g. 3/4 or 1/52.
///
/// Ownership and co-financing shares are exact so that 40 % + 40 % + 20 % is exactly one and
/// 25 % split among 13 owners loses nothing.
class share {
 public:
  constexpr share() = default;
  /// @brief num/den, reduced. Precondition: den > 0.
  share(std::int64_t num, std::int64_t den) : num_(num), den_(den) { normalise(); }
  static share zero() { return {}; }
  static share one() { return share(1, 1); }
  /// @brief p percent, exactly.
  static share percent(std::int64_t p) { return share(p, 100); }

  /// @brief Parses "0.25", "25%", "12.5 %", "1/52", "1". Rejects negatives and junk.
  static std::optional<share> parse(std::string_view s) noexcept {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    bool pct = !s.empty() && s.back() == '%';
    if (pct) {
      s.remove_suffix(1);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    }
    if (auto slash = s.find('/'); slash != std::string_view::npos) {
      if (pct) return std::nullopt;
      auto n = parse_uint(s.substr(0, slash));
      auto d = parse_uint(s.substr(slash + 1));
      if (!n || !d || *d == 0) return std::nullopt;
      return share(*n, *d);
    }
    auto dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (dot != std::string_view::npos && frac.empty()) return std::nullopt;
    if (frac.size() > 15) return std::nullopt;
    auto w = parse_uint(whole);
    std::int64_t f = 0, scale = 1;
    for (char c : frac) {
      if (c < '0' || c > '9') return std::nullopt;
      f = f * 10 + (c - '0');
      scale *= 10;
    }
    if (!w) return std::nullopt;
    std::int64_t num = 0;
    if (__builtin_mul_overflow(*w, scale, &num) || __builtin_add_overflow(num, f, &num)) return std::nullopt;
    std::int64_t den = scale;
    if (pct && __builtin_mul_overflow(den, 100, &den)) return std::nullopt;
    return share(num, den);
  }

  [[nodiscard]] constexpr std::int64_t numerator() const noexcept { return num_; }
  [[nodiscard]] constexpr std::int64_t denominator() const noexcept { return den_; }
  /// @brief For display and floating-point analyses on large graphs.
  [[nodiscard]] constexpr double value() const noexcept { return static_cast<double>(num_) / static_cast<double>(den_); }

  /// @brief Canonical text: a decimal when the denominator divides a power of ten ("0.25"),
  /// otherwise the fraction ("1/52").
  [[nodiscard]] std::string str() const {
    std::int64_t d = den_;
    int twos = 0, fives = 0;
    while (d % 2 == 0) d /= 2, ++twos;
    while (d % 5 == 0) d /= 5, ++fives;
    int k = twos > fives ? twos : fives;
    if (d != 1 || k > 15) return std::to_string(num_) + "/" + std::to_string(den_);
    std::int64_t pow10 = 1;
    for (int i = 0; i < k; ++i) pow10 *= 10;
    // A difference of shares can be negative: format the magnitude, then the sign, so that
    // -1/4 is "-0.25" (not "0.-25").
    int128 scaled = static_cast<int128>(num_) * (pow10 / den_);
    const bool negative = scaled < 0;
    if (negative) scaled = -scaled;
    auto whole = static_cast<std::uint64_t>(scaled / pow10);
    auto frac = static_cast<std::uint64_t>(scaled % pow10);
    std::string s = (negative ? "-" : "") + std::to_string(whole);
    if (k > 0) {
      std::string f = std::to_string(frac);
      s += '.';
      s.append(static_cast<std::size_t>(k) - f.size(), '0');
      s += f;
    }
    return s;
  }

  friend share operator+(share a, share b) {
    std::int64_t g = std::gcd(a.den_, b.den_);
    std::int64_t l = checked_mul(a.den_ / g, b.den_, "share sum");
    return share(checked_add(checked_mul(a.num_, l / a.den_, "share sum"),
                                     checked_mul(b.num_, l / b.den_, "share sum"), "share sum"),
                 l);
  }
  friend share operator-(share a, share b) {
    share nb;
    nb.num_ = -b.num_;
    nb.den_ = b.den_;
    return a + nb;
  }
  friend share operator*(share a, share b) {
    std::int64_t g1 = std::gcd(a.num_, b.den_), g2 = std::gcd(b.num_, a.den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    return share(checked_mul(a.num_ / g1, b.num_ / g2, "share product"),
                 checked_mul(a.den_ / g2, b.den_ / g1, "share product"));
  }
  friend bool operator==(share a, share b) noexcept { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend std::strong_ordering operator<=>(share a, share b) noexcept {
    return static_cast<int128>(a.num_) * b.den_ <=> static_cast<int128>(b.num_) * a.den_;
  }

 private:
  static std::optional<std::int64_t> parse_uint(std::string_view s) noexcept {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    // from_chars accepts a minus sign, and "-0" is 0: without this check "-0.25" read as 0.25.
    if (s.empty() || s.front() == '-') return std::nullopt;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
  }
  void normalise() {
    if (den_ < 0) num_ = -num_, den_ = -den_;
    std::int64_t g = std::gcd(num_, den_);
    if (g > 1) num_ /= g, den_ /= g;
    if (num_ == 0) den_ = 1;
  }
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

/// @brief A share known exactly (low == high) or only as a range, e.g. 10–15 %.
/// Analyses carry both bounds through every computation.
struct share_range {
  share low;
  share high;

  share_range() = default;
  /// @brief An exactly known share.
  share_range(share s) : low(s), high(s) {}  // NOLINT(google-explicit-constructor): a share is a degenerate range
  share_range(share lo, share hi) : low(lo), high(hi) {}
  [[nodiscard]] bool exact() const noexcept { return low == high; }
  /// @brief The midpoint, for display.
  [[nodiscard]] double mid() const noexcept { return (low.value() + high.value()) / 2.0; }
  friend bool operator==(const share_range&, const share_range&) = default;
};

}  // namespace orgmodel
