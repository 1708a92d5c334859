#pragma once
/// @file
/// @brief The report's scenario-comparison section: the seven organisation models applied to one
/// county (default Västmanlands län, the study's own question), as JSON and as text.

#include <sstream>
#include <string>
#include <string_view>

#include "orgmodel/data/population.hpp"
#include "orgmodel/io/format.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/scenario/compare.hpp"

namespace orgmodel {

/// @brief The comparison section for `county`: content is `scenario::to_json` of the comparison.
/// @throws lookup_error for an unknown county.
inline report_section compare_section(std::string_view county = "Västmanlands län") {
  const auto in = scenario::template_input::from_county(county);
  const auto c = scenario::compare_templates(in);
  report_section s;
  s.id = "scenario_comparison";
  s.title = "Organisation models applied to " + in.county_name;
  s.content = scenario::to_json(c);
  std::ostringstream t;
  t << "The seven organisation models of the study (templates 1A–4A) applied to\n" << in.county_name << ": "
    << in.municipalities.size() << " municipalities, " << group_thousands(in.member_population()) << " inhabitants, "
    << in.region_name << ".\nPopulation: " << data::population_source << ".\n"
    << scenario::funding_note << "\n\n";
  scenario::print_text(c, t);
  s.text = t.str();
  return s;
}

}  // namespace orgmodel
