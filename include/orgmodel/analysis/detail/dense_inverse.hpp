#pragma once
/// @file
/// @brief (I − W)⁻¹ of one small strongly connected block of cross-holdings, by Gauss–Jordan
/// elimination with partial pivoting in double precision.

#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace orgmodel::detail {

/// @brief Inverts A = I − W in place of `w` (k×k, row-major, w[l*k + j] = share of j held by l).
///
/// Returns false when A is singular or its inverse has a negative entry: for a non-negative W the
/// inverse is non-negative exactly when the spectral radius of W is below one (I − W is then a
/// non-singular M-matrix), i.e. when the walk sums I + W + W² + … converge. A false return
/// therefore means "the cross-holdings do not leave any share to the outside".
inline bool invert_i_minus_w(std::size_t k, std::vector<double>& w) {
  std::vector<double> a(k * k), inv(k * k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) a[i * k + j] = (i == j ? 1.0 : 0.0) - w[i * k + j];
    inv[i * k + i] = 1.0;
  }
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::fabs(a[r * k + c]) > std::fabs(a[p * k + c])) p = r;
    if (!(std::fabs(a[p * k + c]) > 1e-13)) return false;
    if (p != c)
      for (std::size_t j = 0; j < k; ++j) {
        std::swap(a[p * k + j], a[c * k + j]);
        std::swap(inv[p * k + j], inv[c * k + j]);
      }
    const double d = a[c * k + c];
    for (std::size_t j = 0; j < k; ++j) {
      a[c * k + j] /= d;
      inv[c * k + j] /= d;
    }
    for (std::size_t r = 0; r < k; ++r) {
      if (r == c) continue;
      const double f = a[r * k + c];
      if (f == 0.0) continue;
      for (std::size_t j = 0; j < k; ++j) {
        a[r * k + j] -= f * a[c * k + j];
        inv[r * k + j] -= f * inv[c * k + j];
      }
    }
  }
  for (double x : inv)
    if (!(x > -1e-9) || !std::isfinite(x)) return false;
  w = std::move(inv);
  return true;
}

}  // namespace orgmodel::detail
