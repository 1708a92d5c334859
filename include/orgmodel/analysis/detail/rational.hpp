#pragma once
/// @file
/// @brief Exact rationals on 128-bit integers with overflow checks, for the small exact LPs of
/// the nucleolus (coefficients 0/±1, costs in öre: the numbers stay far below 2^127).

#include <cstdint>
#include <string>

#include "orgmodel/core/checked.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::detail {

/// @brief num/den in lowest terms, den > 0. Every operation throws `arithmetic_error` rather
/// than overflow.
class rational {
 public:
  rational() = default;
  rational(std::int64_t v) : n_(v), d_(1) {}  // NOLINT(google-explicit-constructor): integers are rationals
  rational(int128 n, int128 d) : n_(n), d_(d) { norm(); }
  [[nodiscard]] int128 num() const noexcept { return n_; }
  [[nodiscard]] int128 den() const noexcept { return d_; }
  [[nodiscard]] double value() const noexcept { return static_cast<double>(n_) / static_cast<double>(d_); }
  [[nodiscard]] int sign() const noexcept { return n_ > 0 ? 1 : (n_ < 0 ? -1 : 0); }

  friend rational operator+(const rational& a, const rational& b) {
    const int128 g = gcd(a.d_, b.d_);
    const int128 da = a.d_ / g;
    return rational(add(mul(a.n_, b.d_ / g), mul(b.n_, da)), mul(da, b.d_));
  }
  friend rational operator-(const rational& a) { return rational(-a.n_, a.d_); }
  friend rational operator-(const rational& a, const rational& b) { return a + (-b); }
  friend rational operator*(const rational& a, const rational& b) {
    if (a.n_ == 0 || b.n_ == 0) return {};
    const int128 g1 = gcd(a.n_, b.d_), g2 = gcd(b.n_, a.d_);
    return rational(mul(a.n_ / g1, b.n_ / g2), mul(a.d_ / g2, b.d_ / g1));
  }
  friend rational operator/(const rational& a, const rational& b) {
    if (b.n_ == 0) throw arithmetic_error("division by zero in an exact LP");
    return a * rational(b.d_, b.n_);
  }
  rational& operator+=(const rational& b) { return *this = *this + b; }
  rational& operator-=(const rational& b) { return *this = *this - b; }
  friend bool operator==(const rational& a, const rational& b) noexcept { return a.n_ == b.n_ && a.d_ == b.d_; }
  friend bool operator<(const rational& a, const rational& b) { return (a - b).n_ < 0; }
  friend bool operator>(const rational& a, const rational& b) { return b < a; }
  friend bool operator<=(const rational& a, const rational& b) { return !(b < a); }

 private:
  static int128 abs(int128 x) noexcept { return x < 0 ? -x : x; }
  static int128 gcd(int128 a, int128 b) noexcept {
    a = abs(a);
    b = abs(b);
    while (b != 0) {
      int128 t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }
  static int128 mul(int128 a, int128 b) {
    int128 r = 0;
    if (__builtin_mul_overflow(a, b, &r)) throw arithmetic_error("exact rational arithmetic overflows 128 bits");
    return r;
  }
  static int128 add(int128 a, int128 b) {
    int128 r = 0;
    if (__builtin_add_overflow(a, b, &r)) throw arithmetic_error("exact rational arithmetic overflows 128 bits");
    return r;
  }
  void norm() {
    if (d_ == 0) throw arithmetic_error("zero denominator in an exact rational");
    if (d_ < 0) n_ = -n_, d_ = -d_;
    const int128 g = gcd(n_, d_);
    n_ /= g;
    d_ /= g;
  }
  int128 n_ = 0;
  int128 d_ = 1;
};

}  // namespace orgmodel::detail
