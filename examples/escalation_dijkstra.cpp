// Runs a stock Boost.Graph algorithm, boost::dijkstra_shortest_paths, on the escalation layer of a
// model built in C++: the decision path of Region Östergötland's investment promotion (benchmark
// study: strategist → head of the growth unit → regional development director → political level;
// the strategist may also go through other regional functions such as the community-planning unit).
//
// The study gives no preparation times, so the lags below are ASSUMED (provenance "assumed") and
// only illustrate the algorithm. Hand check of the shortest preparation from the strategist:
//   head of growth unit   7
//   community planning    3
//   development director  min(7 + 14, 3 + 21) = 21, via the head of the growth unit
//   development committee 21 + 30 = 51
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

int main() {
  om::model_builder b("ostergotland-escalation", "Region Östergötland: decision path");
  auto region = b.add_organisation({.id = "region-ostergotland", .name = "Region Östergötland", .kind = om::organisation_kind::region});
  auto official = [&](const char* id, const char* name, om::layer l) {
    return b.add_body({.id = id, .name = name, .kind = om::body_kind::official, .layer = l, .organisation = region,
                       .rule = om::decision_rule::single_decider});
  };
  auto strategist = official("strategist", "Strategist", om::layer::operative);
  auto growth = official("head-growth-unit", "Head of the growth unit", om::layer::executive);
  auto planning = official("community-planning", "Community-planning unit", om::layer::executive);
  auto director = official("development-director", "Regional development director", om::layer::executive);
  auto committee = b.add_body({.id = "development-committee", .name = "Regional development committee",
                               .kind = om::body_kind::committee, .layer = om::layer::political, .organisation = region,
                               .mandates = om::decision_class_set::all(), .rule = om::decision_rule::majority});
  auto line = [&](om::body_index from, om::body_index to, double days) {
    b.add_escalation({.from = from, .to = to, .preparation_days = days, .source = om::provenance::assumed});
  };
  line(strategist, growth, 7);
  line(growth, director, 14);
  line(strategist, planning, 3);
  line(planning, director, 21);
  line(director, committee, 30);
  const om::model m = std::move(b).build();

  const om::layer_graph esc(m, om::relation_layer::escalation);
  const auto n = esc.num_vertices();
  std::vector<double> days(n);
  std::vector<om::layer_graph::vertex_descriptor> pred(n);
  // Iterator property maps, not raw pointers: BGL finds get() for pointers only in some include orders.
  const auto index = boost::get(boost::vertex_index, esc.graph());
  boost::dijkstra_shortest_paths(esc.graph(), esc.vertex(strategist),
                                 boost::weight_map(esc.preparation_days_map())
                                     .distance_map(boost::make_iterator_property_map(days.begin(), index))
                                     .predecessor_map(boost::make_iterator_property_map(pred.begin(), index)));

  om::text_table t({"body", "days", "via"}, {om::text_table::align::left, om::text_table::align::right});
  for (std::uint32_t v = 0; v < n; ++v) {
    std::string via = pred[v] == v ? "-" : std::string(esc.name(pred[v]));
    t.row({std::string(esc.name(v)), std::to_string(static_cast<long>(days[v])), via});
  }
  std::cout << "Shortest preparation time from the strategist (days, assumed lags)\n\n";
  t.print(std::cout);
  return days[esc.vertex(committee)] == 51 ? 0 : 1;
}
