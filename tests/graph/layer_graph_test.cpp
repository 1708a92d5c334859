#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>

#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

TEST(LayerGraph, EscalationChainHasOneEdgePerLine) {
  om::model_builder b("t", "T");
  auto o = b.add_organisation({.id = "o", .name = "O"});
  auto a = b.add_body({.id = "a", .name = "A", .organisation = o});
  auto c = b.add_body({.id = "c", .name = "C", .organisation = o});
  auto d = b.add_body({.id = "d", .name = "D", .organisation = o});
  b.add_escalation({.from = a, .to = c, .preparation_days = 3});
  b.add_escalation({.from = c, .to = d, .preparation_days = 5});
  om::model m = std::move(b).build();
  om::layer_graph g(m, om::relation_layer::escalation);
  EXPECT_EQ(g.num_vertices(), 3u);
  EXPECT_EQ(g.num_edges(), 2u);
  EXPECT_EQ(boost::in_degree(g.vertex(d), g.graph()), 1u);
  EXPECT_EQ(boost::out_degree(g.vertex(a), g.graph()), 1u);
  // BFS from a reaches d in two hops (hand count: a → c → d).
  std::vector<int> hops(3, -1);
  hops[g.vertex(a)] = 0;
  boost::breadth_first_search(g.graph(), g.vertex(a),
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(hops.data(), boost::on_tree_edge()))));
  EXPECT_EQ(hops[g.vertex(d)], 2);
  EXPECT_EQ(g.name(g.vertex(c)), "C");
}
