#pragma once
/// @file
/// @brief A small unsigned big integer for exact power-index counts (2^(n−1) coalitions of
/// n players overflow 64 bits from n = 65 on) and the flat limb arithmetic of the counting DP.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace orgmodel::detail {

/// @brief 128-bit unsigned intermediate for limb products (a GCC/Clang extension).
__extension__ using uint128 = unsigned __int128;

/// @brief dst[0..l) += src[0..l) with carry; returns the carry out of the top limb.
inline std::uint64_t limbs_add(std::uint64_t* dst, const std::uint64_t* src, std::size_t l) noexcept {
  unsigned char carry = 0;
  for (std::size_t i = 0; i < l; ++i) {
    std::uint64_t s = 0;
    unsigned char c1 = __builtin_add_overflow(dst[i], src[i], &s);
    unsigned char c2 = __builtin_add_overflow(s, static_cast<std::uint64_t>(carry), &s);
    dst[i] = s;
    carry = static_cast<unsigned char>(c1 | c2);
  }
  return carry;
}
/// @brief dst[0..l) −= src[0..l); precondition dst ≥ src.
inline void limbs_sub(std::uint64_t* dst, const std::uint64_t* src, std::size_t l) noexcept {
  unsigned char borrow = 0;
  for (std::size_t i = 0; i < l; ++i) {
    std::uint64_t s = 0;
    unsigned char b1 = __builtin_sub_overflow(dst[i], src[i], &s);
    unsigned char b2 = __builtin_sub_overflow(s, static_cast<std::uint64_t>(borrow), &s);
    dst[i] = s;
    borrow = static_cast<unsigned char>(b1 | b2);
  }
}

/// @brief For each of `count` records `stride` limbs apart: dst[0..N) += src[0..N), the carry out of
/// limb N − 1 dropped (the caller knows the sums fit). A fixed N lets the compiler unroll the carry
/// chain into add-with-carry instructions.
template <std::size_t N>
void limbs_add_records(std::uint64_t* __restrict dst, const std::uint64_t* __restrict src, std::size_t count,
                       std::size_t stride) noexcept {
  for (std::size_t r = 0; r < count; ++r, dst += stride, src += stride) {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const auto t = static_cast<uint128>(dst[i]) + src[i] + carry;
      dst[i] = static_cast<std::uint64_t>(t);
      carry = static_cast<std::uint64_t>(t >> 64);
    }
  }
}
/// @brief `limbs_add_records` for a run-time number of limbs (unrolled up to 16).
inline void limbs_add_records(std::uint64_t* dst, const std::uint64_t* src, std::size_t count, std::size_t stride,
                              std::size_t limbs) noexcept {
  switch (limbs) {
    case 1: return limbs_add_records<1>(dst, src, count, stride);
    case 2: return limbs_add_records<2>(dst, src, count, stride);
    case 3: return limbs_add_records<3>(dst, src, count, stride);
    case 4: return limbs_add_records<4>(dst, src, count, stride);
    case 5: return limbs_add_records<5>(dst, src, count, stride);
    case 6: return limbs_add_records<6>(dst, src, count, stride);
    case 7: return limbs_add_records<7>(dst, src, count, stride);
    case 8: return limbs_add_records<8>(dst, src, count, stride);
    case 9: return limbs_add_records<9>(dst, src, count, stride);
    case 10: return limbs_add_records<10>(dst, src, count, stride);
    case 11: return limbs_add_records<11>(dst, src, count, stride);
    case 12: return limbs_add_records<12>(dst, src, count, stride);
    case 13: return limbs_add_records<13>(dst, src, count, stride);
    case 14: return limbs_add_records<14>(dst, src, count, stride);
    case 15: return limbs_add_records<15>(dst, src, count, stride);
    case 16: return limbs_add_records<16>(dst, src, count, stride);
    default:
      for (std::size_t r = 0; r < count; ++r) limbs_add(dst + r * stride, src + r * stride, limbs);
  }
}

/// @brief Unsigned arbitrary-precision integer, little-endian 64-bit limbs, no leading zero limbs.
class biguint {
 public:
  biguint() = default;
  biguint(std::uint64_t v) {  // NOLINT(google-explicit-constructor): a number is a number
    if (v) l_.push_back(v);
  }
  static biguint from_limbs(const std::uint64_t* p, std::size_t n) {
    biguint r;
    r.l_.assign(p, p + n);
    r.trim();
    return r;
  }
  static biguint pow2(std::size_t k) {
    biguint r;
    r.l_.assign(k / 64 + 1, 0);
    r.l_.back() = std::uint64_t{1} << (k % 64);
    return r;
  }
  [[nodiscard]] bool is_zero() const noexcept { return l_.empty(); }
  [[nodiscard]] std::size_t bits() const noexcept {
    return l_.empty() ? 0 : 64 * (l_.size() - 1) + (64 - static_cast<std::size_t>(__builtin_clzll(l_.back())));
  }
  [[nodiscard]] bool bit(std::size_t i) const noexcept { return i / 64 < l_.size() && ((l_[i / 64] >> (i % 64)) & 1u); }

  biguint& operator+=(const biguint& o) {
    if (l_.size() < o.l_.size()) l_.resize(o.l_.size(), 0);
    std::vector<std::uint64_t> tmp(l_.size(), 0);
    std::copy(o.l_.begin(), o.l_.end(), tmp.begin());
    if (limbs_add(l_.data(), tmp.data(), l_.size())) l_.push_back(1);
    return *this;
  }
  /// Precondition: *this ≥ o.
  biguint& operator-=(const biguint& o) {
    std::vector<std::uint64_t> tmp(l_.size(), 0);
    std::copy(o.l_.begin(), o.l_.end(), tmp.begin());
    limbs_sub(l_.data(), tmp.data(), l_.size());
    trim();
    return *this;
  }
  friend biguint operator+(biguint a, const biguint& b) { return a += b; }
  friend biguint operator-(biguint a, const biguint& b) { return a -= b; }
  friend biguint operator*(const biguint& a, const biguint& b) {
    biguint r;
    if (a.is_zero() || b.is_zero()) return r;
    r.l_.assign(a.l_.size() + b.l_.size(), 0);
    for (std::size_t i = 0; i < a.l_.size(); ++i) {
      uint128 carry = 0;
      for (std::size_t j = 0; j < b.l_.size(); ++j) {
        uint128 t = static_cast<uint128>(a.l_[i]) * b.l_[j] + r.l_[i + j] + carry;
        r.l_[i + j] = static_cast<std::uint64_t>(t);
        carry = t >> 64;
      }
      std::size_t k = i + b.l_.size();
      while (carry) {
        uint128 t = static_cast<uint128>(r.l_[k]) + carry;
        r.l_[k++] = static_cast<std::uint64_t>(t);
        carry = t >> 64;
      }
    }
    r.trim();
    return r;
  }
  friend std::strong_ordering operator<=>(const biguint& a, const biguint& b) noexcept {
    if (a.l_.size() != b.l_.size()) return a.l_.size() <=> b.l_.size();
    for (std::size_t i = a.l_.size(); i-- > 0;)
      if (a.l_[i] != b.l_[i]) return a.l_[i] <=> b.l_[i];
    return std::strong_ordering::equal;
  }
  friend bool operator==(const biguint& a, const biguint& b) noexcept { return a.l_ == b.l_; }

  /// @brief Quotient and remainder by a non-zero limb.
  std::uint64_t divmod_small(std::uint64_t d) {
    uint128 rem = 0;
    for (std::size_t i = l_.size(); i-- > 0;) {
      uint128 cur = (rem << 64) | l_[i];
      l_[i] = static_cast<std::uint64_t>(cur / d);
      rem = cur % d;
    }
    trim();
    return static_cast<std::uint64_t>(rem);
  }
  /// @brief Quotient of a / b by shift-and-subtract (b non-zero); quadratic, fine for a few thousand bits.
  friend biguint operator/(const biguint& a, const biguint& b) {
    biguint q, r;
    for (std::size_t i = a.bits(); i-- > 0;) {
      r.shl1();
      if (a.bit(i)) r.set_bit0();
      if (!(r < b)) {
        r -= b;
        q.set_bit(i);
      }
    }
    q.trim();
    return q;
  }
  /// @brief Greatest common divisor (binary GCD).
  friend biguint gcd(biguint a, biguint b) {
    if (a.is_zero()) return b;
    if (b.is_zero()) return a;
    std::size_t shift = 0;
    while (!a.bit(0) && !b.bit(0)) a.shr1(), b.shr1(), ++shift;
    while (!a.bit(0)) a.shr1();
    while (!b.is_zero()) {
      while (!b.bit(0)) b.shr1();
      if (b < a) std::swap(a, b);
      b -= a;
    }
    for (std::size_t i = 0; i < shift; ++i) a.shl1();
    return a;
  }
  /// @brief Decimal digits.
  [[nodiscard]] std::string str() const {
    if (is_zero()) return "0";
    biguint t = *this;
    std::string s;
    constexpr std::uint64_t chunk = 10'000'000'000'000'000'000ULL;  // 10^19
    while (!t.is_zero()) {
      std::uint64_t r = t.divmod_small(chunk);
      std::string part = std::to_string(r);
      if (!t.is_zero()) part.insert(0, 19 - part.size(), '0');
      s.insert(0, part);
    }
    return s;
  }
  /// @brief (mantissa in [0.5, 1), binary exponent), so that huge ratios can be taken in floating point.
  [[nodiscard]] std::pair<double, long> frexp() const {
    if (is_zero()) return {0.0, 0};
    std::size_t b = bits();
    long double m = 0;
    std::size_t top = l_.size();
    for (std::size_t i = 0; i < 3 && top > 0; ++i) m = m * 18446744073709551616.0L + static_cast<long double>(l_[--top]);
    int e = 0;
    long double f = std::frexp(m, &e);
    (void)b;
    return {static_cast<double>(f), static_cast<long>(e) + static_cast<long>(64 * top)};
  }
  /// @brief a / b in double precision, for any sizes.
  friend double ratio(const biguint& a, const biguint& b) {
    if (a.is_zero()) return 0.0;
    auto [ma, ea] = a.frexp();
    auto [mb, eb] = b.frexp();
    return std::ldexp(ma / mb, static_cast<int>(ea - eb));
  }

 private:
  void trim() {
    while (!l_.empty() && l_.back() == 0) l_.pop_back();
  }
  void shl1() {
    std::uint64_t carry = 0;
    for (auto& x : l_) {
      std::uint64_t nc = x >> 63;
      x = (x << 1) | carry;
      carry = nc;
    }
    if (carry) l_.push_back(1);
  }
  void shr1() {
    for (std::size_t i = 0; i < l_.size(); ++i) l_[i] = (l_[i] >> 1) | (i + 1 < l_.size() ? l_[i + 1] << 63 : 0);
    trim();
  }
  void set_bit0() {
    if (l_.empty()) l_.push_back(0);
    l_[0] |= 1;
  }
  void set_bit(std::size_t i) {
    if (l_.size() <= i / 64) l_.resize(i / 64 + 1, 0);
    l_[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  std::vector<std::uint64_t> l_;
};

/// @brief a / b in double precision (declared here so that qualified calls find the friend).
double ratio(const biguint& a, const biguint& b);
/// @brief Greatest common divisor.
biguint gcd(biguint a, biguint b);

/// @brief An exact non-negative fraction of big integers, reduced.
struct big_fraction {
  biguint num, den{1};
  static big_fraction make(biguint n, biguint d) {
    biguint g = gcd(n, d);
    if (!(g == biguint(1)) && !g.is_zero()) n = n / g, d = d / g;
    return {std::move(n), std::move(d)};
  }
  [[nodiscard]] double value() const { return ratio(num, den); }
  [[nodiscard]] std::string str() const { return den == biguint(1) ? num.str() : num.str() + "/" + den.str(); }
};

}  // namespace orgmodel::detail
