#pragma once
/// @file
/// @brief Overflow-checked 64-bit integer arithmetic: money, shares, funding rules and the
/// templates use it, so it is public (an overflow is an `arithmetic_error`, never a wrapped value).

#include <cstdint>
#include <string_view>

#include "orgmodel/error.hpp"

namespace orgmodel {

/// @brief 128-bit intermediate for exact a·b/c (a GCC/Clang extension, hence __extension__).
__extension__ using int128 = __int128;

inline std::int64_t checked_add(std::int64_t a, std::int64_t b, std::string_view what = "addition") {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw arithmetic_error(std::string(what) + " overflows 64 bits");
  return r;
}
inline std::int64_t checked_sub(std::int64_t a, std::int64_t b, std::string_view what = "subtraction") {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) throw arithmetic_error(std::string(what) + " overflows 64 bits");
  return r;
}
inline std::int64_t checked_mul(std::int64_t a, std::int64_t b, std::string_view what = "multiplication") {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw arithmetic_error(std::string(what) + " overflows 64 bits");
  return r;
}

/// @brief a·b / c rounded half away from zero, exact through a 128-bit intermediate.
inline std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t c) {
  int128 n = static_cast<int128>(a) * b;
  int128 d = c;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  int128 q = n / d;
  int128 r = n % d;
  if (2 * (r < 0 ? -r : r) >= d) q += (n < 0 ? -1 : 1);
  if (q > INT64_MAX || q < INT64_MIN) throw arithmetic_error("scaled amount overflows 64 bits");
  return static_cast<std::int64_t>(q);
}

}  // namespace orgmodel
