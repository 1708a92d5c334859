#pragma once
/// @file
/// @brief A template against the organisation it comes from (scenario/fidelity.hpp) in words: one
/// reason per difference, naming the bodies, their cadences and where each cadence comes from.

#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/present/format.hpp"
#include "orgmodel/scenario/fidelity.hpp"

namespace orgmodel::scenario {

/// @brief "Team → Management group → Steering group", or "no route (why)".
inline std::string to_text(const decision_route& r) {
  if (r.steps.empty()) return "no route (" + r.no_route + ")";
  std::string s;
  for (const auto& st : r.steps) s += (s.empty() ? "" : " → ") + st.name;
  return s;
}

/// @brief "4/yr", "2–3/yr", with where the cadence comes from when the model does not state it:
/// "(the analysis' default: not stated)" or the body's provenance ("(assumed)").
inline std::string cadence_text(const route_step& st) {
  const auto& w = st.wait;
  std::string s = format_cadence(w.used) + "/yr";
  if (w.assumed) s += " (the analysis' default: not stated)";
  else if (st.source != provenance::stated) s += " (" + std::string(to_string(st.source)) + ")";
  return s;
}

/// @brief One reason per difference of `rc`, naming the organisation `who` (its model's name).
inline std::vector<std::string> reasons(const route_comparison& rc, std::string_view who_view) {
  using what = route_difference::kind;
  const std::string who(who_view);
  std::vector<std::string> out;
  for (const auto& d : rc.differences) {
    switch (d.what) {
      case what::no_route_in_template:
        out.push_back("the template has no route (" + rc.in_template.no_route + "); " + who + ": " + to_text(rc.in_organisation));
        break;
      case what::no_route_in_organisation:
        out.push_back(who + " has no route (" + rc.in_organisation.no_route + "); the template: " + to_text(rc.in_template));
        break;
      case what::different_route:
        out.push_back("route differs: the template " + to_text(rc.in_template) + "; " + who + " " + to_text(rc.in_organisation));
        break;
      case what::different_cadence: {
        const auto& a = rc.in_template.steps.at(d.step);
        const auto& b = rc.in_organisation.steps.at(d.step);
        out.push_back("at the " + std::string(to_string(a.kind)) + ": the template's " + a.name + " meets " + cadence_text(a) +
                      ", " + who + "'s " + b.name + " " + cadence_text(b));
        break;
      }
      case what::preparation_only: out.push_back("the days differ by the preparation time on the lines"); break;
    }
  }
  return out;
}

}  // namespace orgmodel::scenario
