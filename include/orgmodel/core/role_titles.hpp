#pragma once
/// @file
/// @brief Seat roles in the titles a Swedish reader uses. The models spell a role as a key
/// ("executive_board_chair"); every text that names a post prints its title from here, so the
/// profiles and the scenario comparisons say "KSO", never "chief executive" in one and
/// "kommundirektör" in the other.

#include <algorithm>
#include <string>
#include <string_view>

namespace orgmodel {

/// @brief A seat role in the title a Swedish reader uses (the study's: "kommunstyrelseordförande
/// (KSO)" L137, "näringslivschefer" L131, "kommundirektörer" L1801, "regionråd" L142); other roles
/// in words.
inline std::string role_title(std::string_view role) {
  if (role == "executive_board_chair") return "KSO";
  if (role == "chief_executive") return "kommundirektör";
  if (role == "business_development_manager") return "näringslivschef";
  if (role == "regional_councillor") return "regionråd";
  if (role.empty()) return "seat";
  std::string w(role);
  std::replace(w.begin(), w.end(), '_', ' ');
  return w;
}

}  // namespace orgmodel
