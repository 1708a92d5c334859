#pragma once
/// @file
/// @brief What a synthetic-nation run produced — the model's counts, the seed, the time, the edge
/// lists per layer — as JSON, as a what/count table and as one CSV row; and the manifest written
/// beside the edge lists. `orgmodel synth` prints these; any program generating nations can too.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/synth/nation.hpp"

namespace orgmodel {

/// @brief One synthetic-nation run.
struct synth_summary {
  std::string model;                   ///< the generated model's id
  std::uint64_t seed = 0;              ///< the generator's seed: the same seed, the same nation
  synth::synth_counts counts;          ///< what the model holds
  double seconds = 0;                  ///< generating, validating and writing, wall time
  std::vector<edge_list_counts> layers;  ///< the edge lists written, one per layer; empty: none
};

namespace detail {
/// The counts in the order every form prints them: the headline kinds, then the relations.
inline std::vector<std::pair<const char*, std::uint64_t>> synth_count_fields(const synth::synth_counts& c) {
  return {{"municipalities", c.municipalities}, {"counties", c.counties},
          {"partnerships", c.partnerships},     {"companies", c.companies},
          {"organisations", c.organisations},   {"bodies", c.bodies},
          {"seats", c.seats},                   {"entities", c.entities()},
          {"ownerships", c.ownerships},         {"funding_rules", c.funding_rules},
          {"memberships", c.memberships},       {"escalations", c.escalations}};
}
inline nlohmann::ordered_json layer_counts_json(const std::vector<edge_list_counts>& layers) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& l : layers) j[std::string(to_string(l.layer))] = {{"vertices", l.vertices}, {"edges", l.edges}};
  return j;
}
}  // namespace detail

/// @brief The run as JSON (docs/schemas/synth.schema.json): counts as numbers, `layers` only when
/// edge lists were written.
inline nlohmann::ordered_json to_json(const synth_summary& s) {
  nlohmann::ordered_json j;
  j["model"] = s.model;
  j["seed"] = s.seed;
  for (const auto& [name, n] : detail::synth_count_fields(s.counts)) j[name] = n;
  j["seconds"] = s.seconds;
  if (!s.layers.empty()) j["layers"] = detail::layer_counts_json(s.layers);
  return j;
}

/// @brief The run as a two-column table: what, count (then vertices and edges of each layer).
inline text_table synth_summary_table(const synth_summary& s) {
  text_table t({"what", "count"}, {text_table::align::left, text_table::align::right});
  t.row({"model", s.model});
  t.row({"seed", std::to_string(s.seed)});
  for (const auto& [name, n] : detail::synth_count_fields(s.counts)) t.row({name, std::to_string(n)});
  t.row({"seconds", format_fixed(s.seconds, 2)});
  for (const auto& l : s.layers) {
    t.row({std::string(to_string(l.layer)) + " vertices", std::to_string(l.vertices)});
    t.row({std::string(to_string(l.layer)) + " edges", std::to_string(l.edges)});
  }
  return t;
}

/// @brief The run as one row with a column per count (`<layer>_vertices`, `<layer>_edges` last),
/// numeric columns for tools such as pandas.
inline text_table synth_summary_row(const synth_summary& s) {
  std::vector<std::string> head{"model", "seed"}, row{s.model, std::to_string(s.seed)};
  for (const auto& [name, n] : detail::synth_count_fields(s.counts)) head.emplace_back(name), row.push_back(std::to_string(n));
  head.emplace_back("seconds"), row.push_back(format_fixed(s.seconds, 2));
  for (const auto& l : s.layers) {
    const std::string layer(to_string(l.layer));
    head.push_back(layer + "_vertices"), row.push_back(std::to_string(l.vertices));
    head.push_back(layer + "_edges"), row.push_back(std::to_string(l.edges));
  }
  text_table t(head);
  t.row(row);
  return t;
}

/// @brief The manifest written beside the edge lists (`manifest.json`): the model's id and each
/// layer's vertex and edge counts, for peers that check what they read.
inline nlohmann::ordered_json edge_list_manifest(const std::string& model_id, const std::vector<edge_list_counts>& layers) {
  return {{"model", model_id}, {"layers", detail::layer_counts_json(layers)}};
}

}  // namespace orgmodel
