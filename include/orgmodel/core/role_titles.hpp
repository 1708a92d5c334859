#pragma once
/// @file
/// @brief Seat roles in the titles a Swedish reader uses. The models spell a role as a key
/// ("executive_board_chair"); every text that names a post prints its title from here, so the
/// profiles and the scenario comparisons say "KSO", never "chief executive" in one and
/// "kommundirektör" in the other.

#include <cstdint>
#include <string>
#include <string_view>

#include "orgmodel/core/enum_names.hpp"

namespace orgmodel {

/// @brief A seat role in the title a Swedish reader uses (the study's: "kommunstyrelseordförande
/// (KSO)" L137, "näringslivschefer" L131, "kommundirektörer" L1801, "regionråd" L142), in the plural
/// when `count` is not 1 ("16 kommundirektörer", L615-616); other roles in words.
inline std::string role_title(std::string_view role, std::int64_t count = 1) {
  const bool many = count != 1;
  if (role == "executive_board_chair") return "KSO";  // plural too: "kommunstyrelseordförandena (KSO)", L1791
  if (role == "chief_executive") return many ? "kommundirektörer" : "kommundirektör";
  if (role == "business_development_manager") return many ? "näringslivschefer" : "näringslivschef";
  if (role == "regional_councillor") return "regionråd";
  if (role.empty()) return many ? "seats" : "seat";
  std::string w = in_words(role);
  if (many) w += 's';  // the other roles are English nouns with a regular plural (owners, representatives)
  return w;
}

}  // namespace orgmodel
