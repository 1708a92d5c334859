#pragma once
/// @file
/// @brief Text that is safe to print on a terminal or into a DOT label: control characters
/// made visible, so a name cannot move the cursor, recolour the screen or end a line; and text
/// escaped for XML (GraphML, SVG, the HTML report).

#include <cstddef>
#include <string>
#include <string_view>

#include "orgmodel/core/utf8.hpp"

namespace orgmodel {

/// @brief `s` with every control character written out, everything else unchanged:
/// - newline, carriage return and tab as `\n`, `\r`, `\t`;
/// - the other C0 controls (U+0000–U+001F, e.g. ESC, NUL) and DEL as `\xHH` (`\x1b`, `\x00`, `\x7f`);
/// - the C1 controls (U+0080–U+009F; U+009B is a one-character escape sequence on some terminals)
///   as `\u0080`…`\u009f`;
/// - a byte that is not part of well-formed UTF-8 as U+FFFD (the replacement character).
/// Backslashes are kept as they are: the result is for reading, not for parsing back.
inline std::string escape_control_characters(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string r;
  r.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      if (c == '\n') r += "\\n";
      else if (c == '\r') r += "\\r";
      else if (c == '\t') r += "\\t";
      else r += {'\\', 'x', hex[c >> 4], hex[c & 15]};
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      r += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {  // len is 2 here
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      r += {'\\', 'u', '0', '0', hex[c1 >> 4], hex[c1 & 15]};
    } else {
      r.append(s.substr(i, len));
    }
    i += len;
  }
  return r;
}

/// @brief `s` escaped for XML text and attribute values (GraphML, SVG). Control characters that
/// XML 1.0 cannot carry (even as character references) become U+FFFD; tab, newline and carriage
/// return are kept as character references so attribute normalisation does not eat them.
inline std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += "\xEF\xBF\xBD";
        else out += ch;
    }
  }
  return out;
}

}  // namespace orgmodel
