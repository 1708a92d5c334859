#pragma once
/// @file
/// @brief Large result and scratch arrays backed by transparent huge pages where the kernel
/// offers them on request (Linux THP in `madvise` mode).
///
/// Why: an all-bodies analysis at 10^6 bodies writes 25–40 MB of fresh arrays, and on a virtual
/// machine a 4 KiB page fault can cost ≈ 15 µs — 90 ms for 25 MB, more than the search itself —
/// while one 2 MiB fault costs about as much as one small one. The hint changes nothing but
/// the page size: contents, addresses and the vector types stay as they are.

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace orgmodel::detail {

/// @brief Below this many bytes (128 small pages) the hint is not worth a system call.
inline constexpr std::size_t huge_page_hint_min = std::size_t{512} << 10;

/// @brief Asks for huge pages on the 2 MiB frames [p, p + bytes) lies in (a hint; failure, as
/// for a frame partly outside the mapping, is ignored). Whole frames, not just those inside the
/// range: an array rarely starts on a frame, and a frame flagged only in part is never a huge
/// page, so the partial frames at both ends would stay 4 KiB pages. What shares them — other
/// heap blocks, or a neighbouring mapping — gets the same hint, which changes only the page size.
inline void advise_huge_pages([[maybe_unused]] const void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < huge_page_hint_min) return;
  constexpr std::uintptr_t frame = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(p) & ~(frame - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes + frame - 1) & ~(frame - 1);
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

/// @brief Makes room for `n` elements in `v` without copying what it holds (it is cleared) and,
/// when that takes fresh storage, asks for huge pages on it before anything touches it.
template <class T, class Alloc>
void reserve_fresh(std::vector<T, Alloc>& v, std::size_t n) {
  v.clear();
  if (v.capacity() >= n) return;  // reused storage: its pages are already there
  v.reserve(n);
  advise_huge_pages(v.data(), n * sizeof(T));
}

/// @brief `v.assign(n, value)`, on huge pages when the storage is fresh and large.
template <class T, class Alloc>
void assign_fresh(std::vector<T, Alloc>& v, std::size_t n, const T& value) {
  reserve_fresh(v, n);
  v.assign(n, value);
}

}  // namespace orgmodel::detail
