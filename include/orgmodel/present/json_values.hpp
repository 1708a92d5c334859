#pragma once
/// @file
/// @brief The JSON form of the model's value types, by docs/output-format.md, shared by every
/// result's `to_json`: share ranges, cadences, decision-class sets and optionals (unknown = null).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/share.hpp"
#include "orgmodel/model/entities.hpp"

namespace orgmodel {

/// @brief An exact share as a string ("3/4"); a range as {"minimum", "maximum"}.
inline nlohmann::ordered_json range_json(const share_range& r) {
  if (r.exact()) return r.low.str();
  return {{"minimum", r.low.str()}, {"maximum", r.high.str()}};
}

/// @brief Meetings per year: a number, [low, high] for a range, null when unknown.
inline nlohmann::ordered_json cadence_json(const std::optional<cadence>& c) {
  if (!c) return nullptr;
  if (c->low == c->high) return c->low;
  return nlohmann::ordered_json::array({c->low, c->high});
}

/// @brief A set of decision classes (`names` by class number): "all", or the array of names.
inline nlohmann::ordered_json classes_json(const std::vector<std::string>& names, decision_class_set s) {
  if (s.is_all()) return "all";
  auto a = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < names.size(); ++c)
    if (s.contains(static_cast<decision_class>(c))) a.push_back(names[c]);
  return a;
}

/// @brief A value that may be unknown: its JSON, or null.
template <class T>
nlohmann::ordered_json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

/// @brief Every element's `to_json`, as an array.
template <class Range>
nlohmann::ordered_json array_json(const Range& r) {
  auto a = nlohmann::ordered_json::array();
  for (const auto& x : r) a.push_back(to_json(x));
  return a;
}

/// @brief A text that may be absent: itself, or null when empty.
inline nlohmann::ordered_json text_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace orgmodel
