#pragma once
/// @file
/// @brief Text names of enumerations, one table per enum, shared by JSON, tables and DOT.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace orgmodel {

/// @brief Specialised for each enumeration that has text names: `static constexpr std::array names`,
/// indexed by the enumerator's value, and `static constexpr std::string_view what` (its noun).
template <class Enum>
struct enum_names;

/// @brief The text name of an enumerator.
template <class Enum>
constexpr std::string_view to_string(Enum e) noexcept
  requires requires { enum_names<Enum>::names; }
{
  auto i = static_cast<std::size_t>(e);
  return i < enum_names<Enum>::names.size() ? enum_names<Enum>::names[i] : std::string_view{"?"};
}

/// @brief The enumerator with this text name, or nothing.
template <class Enum>
constexpr std::optional<Enum> parse_enum(std::string_view s) noexcept {
  const auto& n = enum_names<Enum>::names;
  for (std::size_t i = 0; i < n.size(); ++i)
    if (n[i] == s) return static_cast<Enum>(i);
  return std::nullopt;
}

/// @brief A snake_case name in words, for text: "operational_plan" → "operational plan".
inline std::string in_words(std::string_view name) {
  std::string w(name);
  for (char& c : w)
    if (c == '_') c = ' ';
  return w;
}

}  // namespace orgmodel
