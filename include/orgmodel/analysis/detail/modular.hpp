#pragma once
/// @file
/// @brief Word-size prime moduli and the Chinese remainder theorem: counting DPs run modulo several
/// 62-bit primes and are reassembled into exact big integers (Garner's algorithm). A count known to
/// be below 2^b needs ⌈(b + 1)/61⌉ primes, each above 2^61.

#include <cstdint>
#include <mutex>
#include <vector>

#include "orgmodel/analysis/detail/biguint.hpp"

namespace orgmodel::detail {

inline std::uint64_t mulmod(std::uint64_t a, std::uint64_t b, std::uint64_t p) noexcept {
  return static_cast<std::uint64_t>(static_cast<uint128>(a) * b % p);
}
inline std::uint64_t powmod(std::uint64_t a, std::uint64_t e, std::uint64_t p) noexcept {
  std::uint64_t r = 1 % p;
  for (a %= p; e; e >>= 1, a = mulmod(a, a, p))
    if (e & 1u) r = mulmod(r, a, p);
  return r;
}
/// a + b mod p for a, b < p < 2^63.
inline std::uint64_t addmod(std::uint64_t a, std::uint64_t b, std::uint64_t p) noexcept {
  const std::uint64_t s = a + b;
  return s >= p ? s - p : s;
}

/// dst[i] = dst[i] + src[i] mod p on disjoint ranges, every value below p < 2^62: branch-free, so
/// that the compiler vectorises it (the sign bit of s − p says whether p is to be added back).
inline void addmod_words(std::uint64_t* __restrict dst, const std::uint64_t* __restrict src, std::size_t len,
                         std::uint64_t p) noexcept {
  for (std::size_t i = 0; i < len; ++i) {
    const std::uint64_t t = dst[i] + src[i] - p;
    dst[i] = t + (p & (0 - (t >> 63)));
  }
}

/// Deterministic Miller–Rabin for 64-bit numbers (the first twelve primes as bases suffice below 3.3·10^24).
inline bool is_prime_u64(std::uint64_t n) noexcept {
  if (n < 2) return false;
  for (std::uint64_t s : {2ull, 3ull, 5ull, 7ull, 11ull, 13ull, 17ull, 19ull, 23ull, 29ull, 31ull, 37ull})
    if (n % s == 0) return n == s;
  std::uint64_t d = n - 1;
  int r = 0;
  while ((d & 1u) == 0) d >>= 1, ++r;
  for (std::uint64_t a : {2ull, 3ull, 5ull, 7ull, 11ull, 13ull, 17ull, 19ull, 23ull, 29ull, 31ull, 37ull}) {
    std::uint64_t x = powmod(a, d, n);
    if (x == 1 || x == n - 1) continue;
    bool composite = true;
    for (int i = 1; i < r && composite; ++i) {
      x = mulmod(x, x, n);
      if (x == n - 1) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

/// The k largest primes below 2^62 (computed once, extended on demand; thread-safe).
inline std::vector<std::uint64_t> crt_primes(std::size_t k) {
  static std::mutex mu;
  static std::vector<std::uint64_t> found;
  std::lock_guard<std::mutex> lock(mu);
  std::uint64_t c = found.empty() ? (std::uint64_t{1} << 62) - 1 : found.back() - 2;
  while (found.size() < k) {
    if (is_prime_u64(c)) found.push_back(c);
    c -= 2;
  }
  return {found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k)};
}
/// Number of primes whose product exceeds 2^bits.
inline std::size_t primes_for_bits(std::size_t bits) { return bits / 61 + 1; }

/// Garner's algorithm: the unique x < Π p with x ≡ r_k (mod p_k).
inline biguint crt_reconstruct(const std::vector<std::uint64_t>& r, const std::vector<std::uint64_t>& p) {
  const std::size_t k = p.size();
  std::vector<std::uint64_t> a(k);
  for (std::size_t i = 0; i < k; ++i) {
    std::uint64_t v = 0, prod = 1;
    for (std::size_t t = 0; t < i; ++t) {
      v = addmod(v, mulmod(a[t], prod, p[i]), p[i]);
      prod = mulmod(prod, p[t] % p[i], p[i]);
    }
    const std::uint64_t diff = r[i] % p[i] >= v ? r[i] % p[i] - v : r[i] % p[i] + p[i] - v;
    a[i] = mulmod(diff, powmod(prod, p[i] - 2, p[i]), p[i]);
  }
  biguint x;
  for (std::size_t i = k; i-- > 0;) x = x * biguint(p[i]) + biguint(a[i]);
  return x;
}

/// b mod p for a big integer.
inline std::uint64_t mod_small(biguint b, std::uint64_t p) { return b.divmod_small(p); }

}  // namespace orgmodel::detail
