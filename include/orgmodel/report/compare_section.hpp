#pragma once
/// @file
/// @brief The report's scenario-comparison section: the seven organisation models applied to one
/// county (default Västmanlands län, the study's own question), as JSON and as text.

#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "orgmodel/scenario/compare.hpp"

namespace orgmodel::report {

/// @brief A report section: its JSON object and its text rendering.
struct compare_section_result {
  nlohmann::ordered_json json;
  std::string text;
};

/// @brief Builds the section for `county`. @throws lookup_error for an unknown county.
inline compare_section_result compare_section(std::string_view county = "Västmanlands län") {
  const auto in = scenario::template_input::from_county(county);
  const auto c = scenario::compare_templates(in);
  compare_section_result r;
  r.json = scenario::to_json(c);
  std::ostringstream s;
  s << "Organisation models for " << in.county_name << " (" << in.municipalities.size() << " municipalities, "
    << in.member_population() << " inhabitants, " << in.region_name << ")\n\n";
  scenario::to_table(c).print(s);
  r.text = s.str();
  return r;
}

}  // namespace orgmodel::report
