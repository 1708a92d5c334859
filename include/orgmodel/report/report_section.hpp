#pragma once
/// @file
/// @brief The report's building block: a section with a JSON object and a text rendering, and the
/// report itself, an ordered list of sections printed as one JSON document or as text.
///
/// Every analysis contributes one section from its own header
/// (`include/orgmodel/report/<analysis>_section.hpp`), a free function
/// `report_section <analysis>_section(std::span<const model> models)`; `make_report()` in
/// benchmark_report.hpp appends them in order.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgmodel {

/// @brief One section of a report: the same content as data (`content`) and as text.
struct report_section {
  std::string id;                   ///< stable key, e.g. "organisations", "funding"
  std::string title;                ///< heading, e.g. "Organisations"
  nlohmann::ordered_json content;   ///< the section's data (object or array)
  std::string text;                 ///< the section rendered for reading, lines ending in '\n'
};

/// @brief A report: a header naming its models and the population source, then sections in order.
struct report {
  std::string title;
  std::vector<std::string> model_ids;    ///< in JSON
  std::vector<std::string> model_names;  ///< in text (ids stay in JSON); empty: the ids are printed
  std::string population_source;          ///< printed wherever population figures appear
  std::string population_reference_date;  ///< e.g. "2023-12-31"
  std::vector<report_section> sections;
};

/// @brief Adds a section at the end: the order of calls is the order in the report.
inline void append(report& r, report_section s) { r.sections.push_back(std::move(s)); }

/// @brief The report as one JSON document: header members, then `sections` in order, each
/// `{ "id", "title", "content" }`.
inline nlohmann::ordered_json to_json(const report& r) {
  auto a = nlohmann::ordered_json::array();
  for (const auto& s : r.sections) a.push_back({{"id", s.id}, {"title", s.title}, {"content", s.content}});
  return {{"title", r.title},
          {"models", r.model_ids},
          {"population_source", r.population_source},
          {"population_reference_date", r.population_reference_date},
          {"sections", std::move(a)}};
}

/// @brief The report as text: a title block, then each section under an underlined heading.
inline std::string to_text(const report& r) {
  std::string out = r.title + "\n" + std::string(r.title.size(), '=') + "\n";
  out += "Models: ";
  const auto& shown = r.model_names.size() == r.model_ids.size() ? r.model_names : r.model_ids;
  for (std::size_t i = 0; i < shown.size(); ++i) out += (i ? "; " : "") + shown[i];
  out += "\nPopulation: " + r.population_source + "\n";
  for (const auto& s : r.sections) {
    std::size_t w = 0;
    for (unsigned char c : s.title) w += (c & 0xC0) != 0x80 ? 1 : 0;
    out += "\n" + s.title + "\n" + std::string(w, '-') + "\n" + s.text;
  }
  return out;
}

}  // namespace orgmodel
