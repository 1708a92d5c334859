#pragma once
/// @file
/// @brief A tiny SVG writer for the render module: escaped text and attributes, a conservative
/// text-width measure for layout, numbers with one decimal (deterministic output), and every
/// document carrying a `<title>` and a `<desc>`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/core/escape.hpp"
#include "orgmodel/present/format.hpp"

namespace orgmodel::svg {

/// @brief `s` escaped for XML text and attribute values (core/escape.hpp: xml_escape).
inline std::string escape(std::string_view s) { return xml_escape(s); }

/// @brief Code points in UTF-8 text (continuation bytes are not counted).
inline std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

/// @brief A conservative width of `s` at `font_size` px: 0.62 em per code point, wider than the
/// average glyph of the sans-serif fonts the page asks for, so boxes sized by it hold their text.
inline double text_width(std::string_view s, double font_size) noexcept {
  return 0.62 * font_size * static_cast<double>(code_points(s));
}

/// @brief `s` broken at spaces into lines of at most `max_chars` code points (a longer word is
/// cut at `max_chars`).
inline std::vector<std::string> wrap(std::string_view s, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  auto push_word = [&](std::string word) {
    while (code_points(word) > max_chars) {
      // cut at a code-point boundary
      std::size_t n = 0, i = 0;
      for (; i < word.size(); ++i) {
        if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) {
          if (n == max_chars) break;
          ++n;
        }
      }
      if (!line.empty()) lines.push_back(std::move(line)), line.clear();
      lines.push_back(word.substr(0, i));
      word.erase(0, i);
    }
    if (word.empty()) return;
    if (line.empty()) line = std::move(word);
    else if (code_points(line) + 1 + code_points(word) <= max_chars) line += ' ' + word;
    else lines.push_back(std::move(line)), line = std::move(word);
  };
  while (pos <= s.size()) {
    const auto sp = s.find(' ', pos);
    const auto end = sp == std::string_view::npos ? s.size() : sp;
    if (end > pos) push_word(std::string(s.substr(pos, end - pos)));
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (lines.empty()) lines.emplace_back();
  return lines;
}

/// @brief `v` with one decimal, the same on every platform ("12.0", "-3.5").
inline std::string num(double v) {
  std::string s = format_fixed(v + 0.0, 1);
  if (s == "-0.0") s = "0.0";
  return s;
}

/// @brief The style every chart carries inside its `<svg>`, so a chart drawn alone (by an
/// embedder) looks as it does in the report: greyscale-readable fills, patterns for unknowns.
inline constexpr std::string_view chart_css =
    "text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-size:12px;fill:#111}"
    ".heading{font-size:15px;font-weight:bold}.name{font-size:13px;font-weight:bold}"
    ".meta{fill:#333}.assumed{font-style:italic}.band-label{font-weight:bold;fill:#222}"
    ".band-bg.even{fill:#f2f2f2}.band-bg.odd{fill:#e0e0e0}"
    ".box{fill:#fff;stroke:#555;stroke-width:1}.box.mandate{stroke:#000;stroke-width:3}"
    ".mandate,.signatory{font-weight:bold}.escalation{stroke:#222;stroke-width:1.5;fill:none}"
    ".wait.even{fill:#4d4d4d}.wait.odd{fill:#9a9a9a}.wait.assumed{stroke:#000}"
    ".preparation{fill:#d0d0d0;stroke:#777}.worst{stroke:#000;stroke-width:3}.seg{fill:#fff;font-weight:bold}"
    ".node{fill:#333}.flow{fill:#8a8a8a;fill-opacity:.55;stroke:#555;stroke-width:.5}.flow.unknown{fill-opacity:1}"
    ".cell.direct{fill:#222}.cell.delegated{stroke:#000}.cell.none{fill:#fff;stroke:#999}"
    ".county.has{fill:#444}.county.none{fill:#fff;stroke:#000;stroke-dasharray:3 2}"
    ".bar{fill:#4d4d4d}.bar.assumed{fill:#bdbdbd;stroke:#000;stroke-dasharray:4 2}";

/// @brief A `<defs>` with a diagonal hatch pattern of id `id`, for unknown or assumed values.
inline std::string hatch_defs(std::string_view id) {
  return "<defs><pattern id=\"" + escape(id) +
         "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
         "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" "
         "stroke-width=\"2\"/></pattern></defs>\n";
}

/// @brief Builds one SVG document element by element.
class writer {
 public:
  /// @brief Starts `<svg>` with `id`, size `width`×`height` (also the viewBox), `<title>` and `<desc>`.
  writer(std::string_view id, double width, double height, std::string_view title, std::string_view desc) {
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + escape(id) + "\" width=\"" + num(width) +
            "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + ' ' + num(height) +
            "\" role=\"img\" aria-labelledby=\"" + escape(id) + "-title " + escape(id) + "-desc\">\n";
    out_ += "<title id=\"" + escape(id) + "-title\">" + escape(title) + "</title>\n";
    out_ += "<desc id=\"" + escape(id) + "-desc\">" + escape(desc) + "</desc>\n";
    out_ += "<style>";
    out_ += chart_css;
    out_ += "</style>\n";
  }

  /// @brief Raw markup (already escaped), e.g. `<defs>`.
  void raw(std::string_view s) { out_ += s; }

  void open_group(std::string_view cls, std::string_view id = {}) {
    out_ += "<g class=\"" + escape(cls) + '"';
    if (!id.empty()) out_ += " id=\"" + escape(id) + '"';
    out_ += ">\n";
  }
  void close_group() { out_ += "</g>\n"; }

  void rect(double x, double y, double w, double h, std::string_view cls, std::string_view extra = {}) {
    out_ += "<rect class=\"" + escape(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
            "\" height=\"" + num(h) + '"';
    if (!extra.empty()) out_ += ' ' + std::string(extra);
    out_ += "/>\n";
  }
  void line(double x1, double y1, double x2, double y2, std::string_view cls, std::string_view extra = {}) {
    out_ += "<line class=\"" + escape(cls) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) +
            "\" y2=\"" + num(y2) + '"';
    if (!extra.empty()) out_ += ' ' + std::string(extra);
    out_ += "/>\n";
  }
  void path(std::string_view d, std::string_view cls, std::string_view tooltip = {}) {
    out_ += "<path class=\"" + escape(cls) + "\" d=\"" + std::string(d) + '"';
    if (tooltip.empty()) out_ += "/>\n";
    else out_ += "><title>" + escape(tooltip) + "</title></path>\n";
  }
  /// @brief One line of text with its baseline at `y`; `anchor` is start, middle or end.
  void text(double x, double y, std::string_view s, std::string_view cls = "label", std::string_view anchor = "start") {
    out_ += "<text class=\"" + escape(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + '"';
    if (anchor != "start") out_ += " text-anchor=\"" + escape(anchor) + '"';
    out_ += '>' + escape(s) + "</text>\n";
  }

  /// @brief The finished document.
  [[nodiscard]] std::string finish() && {
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  std::string out_;
};

}  // namespace orgmodel::svg
