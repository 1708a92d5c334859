#pragma once
/// @file
/// @brief The report as one self-contained HTML page: inline CSS and SVG, no script, no external
/// request; prints cleanly (@media print). For each model its org chart, decision timeline,
/// coverage grid and funding flows; for several models the national picture and the seven models
/// for Västmanland side by side; then every section of `make_report`
/// as preformatted text.

#include <span>
#include <string>
#include <string_view>

#include "orgmodel/render/compare_chart.hpp"
#include "orgmodel/render/coverage_grid.hpp"
#include "orgmodel/render/decision_timeline.hpp"
#include "orgmodel/render/funding_sankey.hpp"
#include "orgmodel/render/national_picture.hpp"
#include "orgmodel/render/org_chart.hpp"
#include "orgmodel/render/svg.hpp"
#include "orgmodel/report/benchmark_report.hpp"

namespace orgmodel {

/// @brief Options of `html_report`.
struct html_report_options {
  int funding_year = 2024;  ///< the year of the funding flows drawn
  std::string compare_county = "Västmanlands län";  ///< the county the seven models are applied to (several models)
};

/// @brief The page's style sheet.
inline constexpr std::string_view html_report_css =
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:1.5em;color:#111;background:#fff;max-width:1400px}"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #333;margin-top:2em}h3{font-size:1.05em;margin:1.2em 0 .4em}"
    "figure{margin:0 0 1em 0;overflow-x:auto}svg.chart{max-width:100%;height:auto;display:block}"
    "pre{font-size:11px;overflow-x:auto;background:#f6f6f6;padding:.6em;border:1px solid #ddd}"
    "nav ul{columns:2}.note{color:#444;font-size:.9em}"
    "@media print{body{margin:0;max-width:none}nav{display:none}figure{break-inside:avoid}"
    "section.model{break-before:page}pre{white-space:pre-wrap;font-size:7px;overflow:visible;background:none}}";

/// @brief The HTML report on `models` (the bundled benchmark, or one model).
inline std::string html_report(std::span<const model> models, const html_report_options& opt = {}) {
  const auto r = make_report(models);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + svg::escape(r.title) + "</title>\n<style>";
  h += html_report_css;
  h += "</style>\n</head>\n<body>\n<h1>" + svg::escape(r.title) + "</h1>\n";
  h += "<p class=\"note\">Population: " + svg::escape(r.population_source) + ". Funding flows: " +
       std::to_string(opt.funding_year) + ". Hatching marks unknown amounts and assumed cadences.</p>\n";
  h += "<nav><ul>\n";
  for (const auto& m : models)
    h += "<li><a href=\"#model-" + svg::escape(m.info().id) + "\">" + svg::escape(m.info().name) + "</a></li>\n";
  h += "<li><a href=\"#sections\">Report tables</a></li>\n</ul></nav>\n";
  if (models.size() > 1)
    h += "<section id=\"national\"><h2>The national picture</h2>\n<figure>" + national_picture_svg(models) +
         "</figure></section>\n";
  if (models.size() > 1) {  // the study's own question: which model for Västmanland
    const auto c = scenario::compare_templates(scenario::template_input::from_county(opt.compare_county));
    h += "<section id=\"scenario-comparison\"><h2>The seven models for " + svg::escape(c.input.county_name) +
         "</h2>\n<figure class=\"compare\">" + compare_chart_svg(c) + "</figure></section>\n";
  }
  for (const auto& m : models) {
    const auto id = svg::escape(m.info().id);
    h += "<section class=\"model\" id=\"model-" + id + "\">\n<h2>" + svg::escape(m.info().name) + "</h2>\n";
    if (!m.info().description.empty()) h += "<p>" + svg::escape(m.info().description) + "</p>\n";
    if (!m.bodies().empty()) {
      h += "<h3>Org chart</h3>\n<figure class=\"org-chart\">" + org_chart_svg(m) + "</figure>\n";
      h += "<h3>Decision timeline</h3>\n<figure class=\"timeline\">" + decision_timeline_svg(m) + "</figure>\n";
    }
    if (!m.memberships().empty()) {
      try {
        const auto cov = coverage(m);
        h += "<h3>Coverage</h3>\n<figure class=\"coverage\">" + coverage_grid_svg(m, cov) + "</figure>\n";
      } catch (const lookup_error& e) {  // no organisation the model is about: no grid
        h += "<p class=\"note\">No coverage grid: " + svg::escape(e.what()) + "</p>\n";
      }
    }
    if (!m.funding_rules().empty())
      h += "<h3>Funding flows</h3>\n<figure class=\"funding\">" + funding_sankey_svg(m, opt.funding_year) + "</figure>\n";
    h += "</section>\n";
  }
  h += "<section id=\"sections\"><h2>Report tables</h2>\n";
  for (const auto& s : r.sections)
    h += "<h3 id=\"section-" + svg::escape(s.id) + "\">" + svg::escape(s.title) + "</h3>\n<pre>" + svg::escape(s.text) +
         "</pre>\n";
  h += "</section>\n</body>\n</html>\n";
  return h;
}

}  // namespace orgmodel
