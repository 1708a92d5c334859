#pragma once
/// @file
/// @brief The benchmark study's qualitative findings — scope, inquiry handling, targets and KPIs,
/// agreements, history, strengths, weaknesses, success factors — as typed data, each with the
/// lines of the study it rests on (`data/findings.json`, format `orgmodel-findings/1`).
///
/// @code
/// for (const auto& f : orgmodel::data::findings_of("business-region-orebro"))
///   if (f.kind == orgmodel::data::finding_kind::weakness) std::cout << f.text << " " << f.lines_text() << '\n';
/// @endcode

#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/finding.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::data {

namespace detail {
[[noreturn]] inline void findings_error(error_code c, const std::string& pointer, const std::string& what) {
  throw parse_error(c, pointer, what);
}
}  // namespace detail

/// @brief Reads findings from JSON text. Every finding needs a model id, a known kind, a text and at
/// least one line range with 1 ≤ from ≤ to.
/// @throws parse_error naming the JSON Pointer of the offending member
[[nodiscard]] inline std::vector<finding> parse_findings(std::string_view text) {
  nlohmann::ordered_json j;
  try {
    j = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    throw parse_error(error_code::syntax, "", e.what(), e.byte);
  }
  if (!j.is_object()) detail::findings_error(error_code::wrong_type, "", "findings must be a JSON object");
  if (j.value("format", std::string("orgmodel-findings/1")) != "orgmodel-findings/1")
    detail::findings_error(error_code::unsupported, "/format", "unsupported findings format");
  if (!j.contains("findings") || !j["findings"].is_array())
    detail::findings_error(error_code::missing_member, "/findings", "an array of findings is required");
  std::vector<finding> out;
  const auto& a = j["findings"];
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string at = "/findings/" + std::to_string(i);
    const auto& x = a[i];
    if (!x.is_object()) detail::findings_error(error_code::wrong_type, at, "a finding must be an object");
    finding f;
    for (const char* k : {"model", "kind", "text"}) {
      if (!x.contains(k)) detail::findings_error(error_code::missing_member, at + "/" + k, std::string(k) + " is required");
      if (!x[k].is_string()) detail::findings_error(error_code::wrong_type, at + "/" + k, std::string(k) + " must be a string");
    }
    f.model = x["model"].get<std::string>();
    f.text = x["text"].get<std::string>();
    const auto kind = parse_enum<finding_kind>(x["kind"].get<std::string>());
    if (!kind) detail::findings_error(error_code::unknown_value, at + "/kind", "unknown finding kind \"" + x["kind"].get<std::string>() + "\"");
    f.kind = *kind;
    if (!x.contains("lines") || !x["lines"].is_array() || x["lines"].empty())
      detail::findings_error(error_code::missing_member, at + "/lines", "a finding needs at least one line range");
    for (std::size_t k = 0; k < x["lines"].size(); ++k) {
      const auto& l = x["lines"][k];
      const std::string lp = at + "/lines/" + std::to_string(k);
      if (!l.is_object() || !l.contains("from") || !l["from"].is_number_integer() || !l.contains("to") || !l["to"].is_number_integer())
        detail::findings_error(error_code::wrong_type, lp, "a line range is {\"from\": integer, \"to\": integer}");
      const auto from = l["from"].get<std::int64_t>(), to = l["to"].get<std::int64_t>();
      if (from < 1 || to < from || to > 1'000'000) detail::findings_error(error_code::out_of_range, lp, "line range out of order");
      f.lines.push_back({static_cast<int>(from), static_cast<int>(to)});
    }
    out.push_back(std::move(f));
  }
  return out;
}

/// @brief The bundled findings (`<data directory>/findings.json`), read once.
/// @throws lookup_error when the file is missing, parse_error when it is damaged
[[nodiscard]] inline const std::vector<finding>& bundled_findings() {
  static const std::vector<finding> all = [] {
    const auto path = data_directory() + "/findings.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw lookup_error("no findings file \"" + path + "\"");
    std::ostringstream s;
    s << in.rdbuf();
    return parse_findings(s.str());
  }();
  return all;
}

/// @brief The bundled findings about one model's organisation, in the file's order (empty for a
/// model the study says nothing qualitative about).
[[nodiscard]] inline std::vector<finding> findings_of(std::string_view model_id) {
  std::vector<finding> v;
  for (const auto& f : bundled_findings())
    if (f.model == model_id) v.push_back(f);
  return v;
}

/// @brief The study's findings on a model: `findings_of(id)` when `model_id` names a bundled
/// model, none for any other (and then no file is read).
[[nodiscard]] inline std::vector<finding> study_findings(std::string_view model_id) {
  return is_bundled_model(model_id) ? findings_of(model_id) : std::vector<finding>{};
}

}  // namespace orgmodel::data
