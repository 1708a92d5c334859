#pragma once
/// @file
/// @brief The report's scenario-comparison section: the seven organisation models applied to one
/// county (default Västmanlands län, the study's own question), as JSON and as text.

#include <ostream>
#include <sstream>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/present/findings.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/present/compare.hpp"
#include "orgmodel/present/sba_overlap.hpp"

namespace orgmodel {

/// @brief The study's findings about the organisations of one model category (1A: Business
/// Region Örebro; 1B: Skaraborg and Värmland; …), as the criteria a reader weighs for that model.
/// The category of each study organisation is read from its bundled model.
[[nodiscard]] inline std::vector<data::finding> study_findings(model_category c) {
  static const std::vector<std::pair<std::string, model_category>> categories = [] {
    std::vector<std::pair<std::string, model_category>> v;
    for (auto id : data::study_model_ids()) {
      const auto m = data::load_bundled_model(id);
      if (const auto o = m.find_organisation(m.info().id); o && m[*o].category) v.emplace_back(std::string(id), *m[*o].category);
    }
    return v;
  }();
  std::vector<data::finding> out;
  for (const auto& [id, cat] : categories)
    if (cat == c)
      for (auto& f : data::findings_of(id)) out.push_back(std::move(f));
  return out;
}

namespace detail {
/// @brief A comparison column counting one kind of finding of the template's source organisations
/// (the items themselves: `study_findings`, `print_study_findings`, `study_findings_json`).
inline scenario::compare_column findings_column(data::finding_kind k, std::string key, std::string header, int order) {
  return {.key = std::move(key),
          .header = std::move(header),
          .order = order,
          .numeric = true,
          .cell = [k](const scenario::scenario_variant& v) -> scenario::compare_cell {
            std::int64_t n = 0;
            for (const auto& f : study_findings(v.category)) n += f.kind == k ? 1 : 0;
            return {{}, n};
          }};
}
}  // namespace detail

/// @brief Strengths, weaknesses, success factors and targets the study reports for each model's
/// organisations, as columns of every comparison (counts; the JSON lists each with its lines).
inline const bool findings_compare_columns_registered = [] {
  scenario::register_compare_column(detail::findings_column(data::finding_kind::strength, "study_strengths", "strengths (study)", 130));
  scenario::register_compare_column(detail::findings_column(data::finding_kind::weakness, "study_weaknesses", "weaknesses (study)", 131));
  scenario::register_compare_column(detail::findings_column(data::finding_kind::success_factor, "study_success_factors", "success factors (study)", 132));
  scenario::register_compare_column(detail::findings_column(data::finding_kind::target, "study_targets", "statements on targets/KPIs (study)", 133));
  return true;
}();

/// @brief The study's findings per model category as JSON:
/// [{"category": "1A", "findings": [{"model", "kind", "text", "lines": [{"from", "to"}]}]}, …].
[[nodiscard]] inline nlohmann::ordered_json study_findings_json() {
  auto j = nlohmann::ordered_json::array();
  for (auto c : scenario::all_categories) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& f : study_findings(c)) a.push_back(to_json(f));
    j.push_back({{"category", to_string(c)}, {"findings", std::move(a)}});
  }
  return j;
}

/// @brief The study's findings per model category as text, grouped by kind, each with its lines:
/// what a reader weighs when choosing a model.
inline void print_study_findings(std::ostream& out) {
  out << "The study's findings per model (its organisations' own experience; L = line of the study):\n";
  for (auto c : scenario::all_categories) {
    const auto fs = study_findings(c);
    out << "\n" << to_string(c) << ":\n";
    if (fs.empty()) out << "  (none)\n";
    for (auto k : {data::finding_kind::strength, data::finding_kind::weakness, data::finding_kind::success_factor,
                   data::finding_kind::target, data::finding_kind::inquiry_handling, data::finding_kind::scope,
                   data::finding_kind::agreements, data::finding_kind::history, data::finding_kind::lesson}) {
      bool head = false;
      for (const auto& f : fs) {
        if (f.kind != k) continue;
        if (!head) out << "  " << to_string(k) << ":\n";
        head = true;
        out << "    - [" << f.model << "] " << f.text << "\n";
      }
    }
  }
}

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
  if (const auto o = scenario::sba_overlap(c, data::load_bundled_model("stockholm-business-alliance")); scenario::has_named_members(o)) {
    s.content["sba_overlap"] = scenario::to_json(o);
    t << "\n";
    scenario::print_text(o, t);
  }
  s.content["study_findings"] = study_findings_json();
  t << "\n";
  print_study_findings(t);
  s.text = t.str();
  return s;
}

}  // namespace orgmodel
