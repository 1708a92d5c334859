// Every relation layer's vertices, edges and maps, against counts made by hand from the model below.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/topological_sort.hpp>

#include "orgmodel/graph/layer_graph.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
// Organisations (index): region 0, a 1, c 2, p 3, ab 4, team 5.
// Bodies (index): sg 0, mg 1, board 2, committee 3.
om::model sample() {
  om::model_builder b("sample", "Sample");
  auto region = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region});
  auto a = b.add_organisation({.id = "a", .name = "A", .kind = om::organisation_kind::municipality});
  auto c = b.add_organisation({.id = "c", .name = "C", .kind = om::organisation_kind::municipality});
  auto p = b.add_organisation({.id = "p", .name = "P", .kind = om::organisation_kind::partnership});
  auto ab = b.add_organisation({.id = "ab", .name = "AB", .kind = om::organisation_kind::company});
  auto team = b.add_organisation({.id = "team", .name = "Team", .kind = om::organisation_kind::unit});
  auto sg = b.add_body({.id = "sg", .name = "SG", .organisation = p});
  auto mg = b.add_body({.id = "mg", .name = "MG", .organisation = p});
  auto board = b.add_body({.id = "board", .name = "Board", .organisation = ab});
  auto committee = b.add_body({.id = "committee", .name = "Committee", .organisation = region});
  // 5 seats: a on sg, c on sg, a on mg, region on board (3 votes), region on committee.
  b.add_seat({.body = sg, .holder = a});
  b.add_seat({.body = sg, .holder = c});
  b.add_seat({.body = mg, .holder = a});
  b.add_seat({.body = board, .holder = region, .votes = 3});
  b.add_seat({.body = committee, .holder = region});
  // Escalation mg → sg (7 days), sg → committee (30 days), mg → committee (60 days).
  b.add_escalation({.from = mg, .to = sg, .preparation_days = 7});
  b.add_escalation({.from = sg, .to = committee, .preparation_days = 30});
  b.add_escalation({.from = mg, .to = committee, .preparation_days = 60});
  b.add_ownership({.owner = region, .owned = ab, .equity = om::share::percent(75), .votes = om::share::percent(75)});
  om::share_range r(om::share::percent(10), om::share::percent(20));
  b.add_ownership({.owner = a, .owned = ab, .equity = r, .votes = r});
  b.add_funding_rule({.id = "fa", .payer = a, .recipient = p});
  b.add_funding_rule({.id = "fc", .payer = c, .recipient = p});
  b.add_funding_rule({.id = "fr", .payer = region, .recipient = p});
  b.add_funding_rule({.id = "fr2", .payer = region, .recipient = p});  // a second rule: a parallel edge
  b.add_membership({.member = a, .organisation = p});
  b.add_membership({.member = c, .organisation = p});
  b.add_affiliation({.child = team, .parent = region, .kind = om::affiliation_kind::hosted_by});
  return std::move(b).build();
}

/// The (source id, target id) of every edge, as a set.
std::multiset<std::pair<std::string, std::string>> edge_ids(const om::layer_graph& g) {
  std::multiset<std::pair<std::string, std::string>> out;
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it)
    out.emplace(std::string(g.id(boost::source(*it, g.graph()))), std::string(g.id(boost::target(*it, g.graph()))));
  return out;
}
}  // namespace

// The view models the BGL concepts that the stock algorithms require.
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<om::layer_csr>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<om::layer_csr>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<om::layer_csr>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<om::layer_csr>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<om::layer_csr>));

TEST(Layers, GovernanceIsOrganisationsThenBodies) {
  const om::model m = sample();
  om::layer_graph g(m, om::relation_layer::governance);
  EXPECT_EQ(g.num_vertices(), 10u);  // 6 organisations + 4 bodies
  EXPECT_EQ(g.num_edges(), 5u);      // one edge per seat
  EXPECT_EQ(g.vertex(m.organisation_at("c")), 2u);
  EXPECT_EQ(g.vertex(m.body_at("sg")), 6u);  // bodies follow the 6 organisations
  EXPECT_FALSE(g.is_body(5));
  EXPECT_TRUE(g.is_body(6));
  EXPECT_EQ(g.body_of(9), m.body_at("committee"));
  EXPECT_EQ(g.organisation_of(4), m.organisation_at("ab"));
  EXPECT_EQ(g.id(9), "committee");
  EXPECT_EQ(g.name(0), "Region");
  EXPECT_EQ(edge_ids(g), (std::multiset<std::pair<std::string, std::string>>{
                             {"a", "sg"}, {"c", "sg"}, {"a", "mg"}, {"region", "board"}, {"region", "committee"}}));
  // a holds 2 seats, region 2, c 1; sg has 2 seats.
  EXPECT_EQ(boost::out_degree(g.vertex(m.organisation_at("a")), g.graph()), 2u);
  EXPECT_EQ(boost::out_degree(g.vertex(m.organisation_at("region")), g.graph()), 2u);
  EXPECT_EQ(boost::in_degree(g.vertex(m.body_at("sg")), g.graph()), 2u);
  EXPECT_EQ(boost::in_degree(g.vertex(m.organisation_at("a")), g.graph()), 0u);
  // Votes map: the board seat carries 3 votes, the rest 1: total 3 + 4 × 1 = 7.
  std::int64_t votes = 0;
  auto vm = g.votes_map();
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) votes += get(vm, *it);
  EXPECT_EQ(votes, 7);
  // Each edge's relation is the seat it stands for.
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    const auto& s = m.seats()[g.relation(*it)];
    EXPECT_EQ(g.vertex(s.holder), boost::source(*it, g.graph()));
    EXPECT_EQ(g.vertex(s.body), boost::target(*it, g.graph()));
  }
}

TEST(Layers, EscalationInEdgesAndPreparationDays) {
  const om::model m = sample();
  om::layer_graph g(m, om::relation_layer::escalation);
  EXPECT_EQ(g.num_vertices(), 4u);  // bodies only
  EXPECT_EQ(g.num_edges(), 3u);
  EXPECT_TRUE(g.is_body(0));
  const auto committee = g.vertex(m.body_at("committee"));
  EXPECT_EQ(committee, 3u);
  // Two lines end at the committee: from sg (line 1) and from mg (line 2).
  std::set<std::string> from;
  std::set<std::uint32_t> lines;
  for (auto [it, end] = boost::in_edges(committee, g.graph()); it != end; ++it) {
    from.insert(std::string(g.id(boost::source(*it, g.graph()))));
    lines.insert(g.relation(*it));
  }
  EXPECT_EQ(from, (std::set<std::string>{"sg", "mg"}));
  EXPECT_EQ(lines, (std::set<std::uint32_t>{1, 2}));
  EXPECT_EQ(boost::in_degree(g.vertex(m.body_at("mg")), g.graph()), 0u);
  EXPECT_EQ(boost::out_degree(g.vertex(m.body_at("mg")), g.graph()), 2u);
  // Shortest preparation from mg to the committee: min(7 + 30, 60) = 37 days.
  std::vector<double> days(g.num_vertices());
  boost::dijkstra_shortest_paths(g.graph(), g.vertex(m.body_at("mg")),
                                 boost::weight_map(g.preparation_days_map()).distance_map(boost::make_iterator_property_map(days.begin(), boost::get(boost::vertex_index, g.graph()))));
  EXPECT_DOUBLE_EQ(days[committee], 37.0);
  EXPECT_DOUBLE_EQ(days[g.vertex(m.body_at("sg"))], 7.0);
  // Escalation lines are acyclic (validated): a topological order exists and puts mg first.
  std::vector<std::uint32_t> order;
  boost::topological_sort(g.graph(), std::back_inserter(order));
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.front(), committee);  // reverse topological order: sinks first
  auto name = g.name_map();
  EXPECT_EQ(get(name, committee), "Committee");
  auto id = g.id_map();
  EXPECT_EQ(get(id, 0u), "sg");
}

TEST(Layers, OwnershipEquityMap) {
  const om::model m = sample();
  om::layer_graph g(m, om::relation_layer::ownership);
  EXPECT_EQ(g.num_vertices(), 6u);
  EXPECT_EQ(g.num_edges(), 2u);
  EXPECT_EQ(edge_ids(g), (std::multiset<std::pair<std::string, std::string>>{{"region", "ab"}, {"a", "ab"}}));
  // Equity map: 0.75 and the midpoint of 10–20 %, 0.15: sum 0.90.
  double sum = 0;
  auto eq = g.equity_map();
  for (auto [it, end] = boost::in_edges(g.vertex(m.organisation_at("ab")), g.graph()); it != end; ++it) sum += get(eq, *it);
  EXPECT_DOUBLE_EQ(sum, 0.90);
}

TEST(Layers, FundingKeepsParallelRules) {
  const om::model m = sample();
  om::layer_graph g(m, om::relation_layer::funding);
  EXPECT_EQ(g.num_vertices(), 6u);
  EXPECT_EQ(g.num_edges(), 4u);  // fr and fr2 are two edges region → p
  EXPECT_EQ(boost::in_degree(g.vertex(m.organisation_at("p")), g.graph()), 4u);
  EXPECT_EQ(boost::out_degree(g.vertex(m.organisation_at("region")), g.graph()), 2u);
  std::set<std::string> rules;
  auto ids = g.edge_map([&m](std::uint32_t r) { return m.funding_rules()[r].id; });
  for (auto [it, end] = boost::out_edges(g.vertex(m.organisation_at("region")), g.graph()); it != end; ++it)
    rules.insert(get(ids, *it));
  EXPECT_EQ(rules, (std::set<std::string>{"fr", "fr2"}));
}

TEST(Layers, MembershipAndAffiliation) {
  const om::model m = sample();
  om::layer_graph mem(m, om::relation_layer::membership);
  EXPECT_EQ(mem.num_vertices(), 6u);
  EXPECT_EQ(mem.num_edges(), 2u);
  EXPECT_EQ(edge_ids(mem), (std::multiset<std::pair<std::string, std::string>>{{"a", "p"}, {"c", "p"}}));
  om::layer_graph aff(m, om::relation_layer::affiliation);
  EXPECT_EQ(aff.num_vertices(), 6u);
  EXPECT_EQ(aff.num_edges(), 1u);
  EXPECT_EQ(edge_ids(aff), (std::multiset<std::pair<std::string, std::string>>{{"team", "region"}}));
  EXPECT_EQ(aff.layer(), om::relation_layer::affiliation);
  EXPECT_EQ(&aff.source(), &m);
}

TEST(Layers, EmptyModelGivesEmptyGraphs) {
  const om::model m;
  for (auto l : {om::relation_layer::governance, om::relation_layer::escalation, om::relation_layer::ownership,
                 om::relation_layer::funding, om::relation_layer::membership, om::relation_layer::affiliation}) {
    om::layer_graph g(m, l);
    EXPECT_EQ(g.num_vertices(), 0u) << om::to_string(l);
    EXPECT_EQ(g.num_edges(), 0u);
  }
}

TEST(Layers, LayerNames) {
  EXPECT_EQ(om::to_string(om::relation_layer::governance), "governance");
  EXPECT_EQ(om::parse_enum<om::relation_layer>("affiliation"), om::relation_layer::affiliation);
  EXPECT_EQ(om::enum_names<om::relation_layer>::names.size(), 6u);
}

TEST(Layers, DegreeIsInPlusOut) {
  const om::model m = sample();
  om::layer_graph g(m, om::relation_layer::escalation);
  // sg: one line in (from mg), one out (to the committee).
  EXPECT_EQ(degree(g.vertex(m.body_at("sg")), g.graph()), 2u);
  EXPECT_EQ(degree(g.vertex(m.body_at("mg")), g.graph()), 2u);
  EXPECT_EQ(degree(g.vertex(m.body_at("board")), g.graph()), 0u);
}
