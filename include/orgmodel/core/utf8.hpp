#pragma once
/// @file
/// @brief Strict UTF-8 validation (RFC 3629), the rule JSON text and the JSON writer enforce.

#include <cstddef>
#include <string_view>

namespace orgmodel {

/// @brief The length (1–4) of the well-formed UTF-8 sequence that starts at byte `i` of `s`, or 0
/// when none does: an overlong form, a surrogate (U+D800–U+DFFF), a code point above U+10FFFF, a
/// truncated sequence or a stray continuation byte (RFC 3629, section 4). Precondition: i < s.size().
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c == 0xED) len = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c == 0xF4) len = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else return 0;
  if (s.size() - i < len) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if (c1 < lo || c1 > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    const auto ck = static_cast<unsigned char>(s[i + k]);
    if (ck < 0x80 || ck > 0xBF) return 0;
  }
  return len;
}

/// @brief True when `s` is well-formed UTF-8 (every sequence as `utf8_sequence_length` accepts).
constexpr bool is_valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

}  // namespace orgmodel
