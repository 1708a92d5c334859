#pragma once
/// @file
/// @brief One finding of the benchmark study — its kind, its text and the lines of the study it
/// rests on — as a type only: the reader of `data/findings.json` is data/findings.hpp, so that a
/// result carrying findings (analysis/organisation_profile.hpp) parses no JSON library.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/core/enum_names.hpp"

namespace orgmodel::data {

/// @brief What a finding is about.
enum class finding_kind : std::uint8_t {
  scope,             ///< scope and focus (international / national, sectors, services)
  inquiry_handling,  ///< how inquiries are received and handled
  target,            ///< targets and KPIs
  agreements,        ///< signing agreements and NDAs
  history,           ///< earlier forms, projects, changes
  lesson,            ///< other lessons the organisation draws
  strength,
  weakness,
  success_factor,
};
}  // namespace orgmodel::data

namespace orgmodel {
template <>
struct enum_names<data::finding_kind> {
  static constexpr std::string_view what = "finding kind";
  static constexpr std::array<std::string_view, 9> names{"scope",    "inquiry_handling", "target",   "agreements",    "history",
                                                         "lesson",   "strength",         "weakness", "success_factor"};
};
}  // namespace orgmodel

namespace orgmodel::data {

/// @brief Lines `from`–`to` of the study (1-based, inclusive).
struct line_range {
  int from = 0;
  int to = 0;
};

/// @brief One finding of the study about one organisation.
struct finding {
  std::string model;               ///< the bundled model id of the organisation
  finding_kind kind = finding_kind::scope;
  std::string text;                ///< in English, with the study's line references
  std::vector<line_range> lines;   ///< never empty
  /// @brief "L236–240, L242–243".
  [[nodiscard]] std::string lines_text() const {
    std::string s;
    for (const auto& l : lines)
      s += (s.empty() ? "L" : ", L") + std::to_string(l.from) + (l.to != l.from ? "–" + std::to_string(l.to) : "");
    return s;
  }
};

}  // namespace orgmodel::data
