#pragma once
/// @file
/// @brief The JSON of the study's findings (data/findings.hpp), one form for the profiles, the
/// comparison and the report: {"model", "kind", "text", "lines": [{"from", "to"}]}.

#include <nlohmann/json.hpp>

#include "orgmodel/data/findings.hpp"

namespace orgmodel::data {  // beside the type, so that array_json and other templates find it

inline nlohmann::ordered_json to_json(const finding& f) {
  auto lines = nlohmann::ordered_json::array();
  for (const auto& l : f.lines) lines.push_back({{"from", l.from}, {"to", l.to}});
  return {{"model", f.model}, {"kind", to_string(f.kind)}, {"text", f.text}, {"lines", std::move(lines)}};
}

}  // namespace orgmodel::data
