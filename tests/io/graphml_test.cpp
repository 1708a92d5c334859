// GraphML and attributed CSV edge lists of a small hand-built model: the expected lines are
// written out from the model below (ids, names, kinds, 2/5 = 0.4 of equity, 1 234.50 SEK =
// 123450 öre), not from the writer.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>

#include "orgmodel/io/graphml.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
om::model small() {
  om::model_builder b("m", "M");
  auto k = b.add_organisation({.id = "k", .name = "K & Co <kommun>", .kind = om::organisation_kind::municipality});
  auto c = b.add_organisation({.id = "c", .name = "Bolaget, AB", .kind = om::organisation_kind::company});
  auto x = b.add_organisation({.id = "x", .name = "X", .kind = om::organisation_kind::other});
  auto board = b.add_body({.id = "c", .name = "Styrelse", .kind = om::body_kind::board, .layer = om::layer::owner, .organisation = c});
  b.add_seat({.body = board, .holder = k, .role = "ordförande", .votes = 2, .chair = true});
  b.add_ownership({.owner = k, .owned = c, .equity = om::share(2, 5), .votes = om::share(2, 5)});
  b.add_ownership({.owner = x, .owned = c, .equity = om::share_range(om::share::zero(), om::share(1, 10)),
                   .votes = om::share_range(om::share::zero(), om::share(1, 10))});
  om::funding_rule f;
  f.id = "grant";
  f.payer = k;
  f.recipient = c;
  f.basis = om::funding_basis::fixed;
  f.amount = om::money::parse("1234.50").value();
  b.add_funding_rule(f);
  om::funding_rule p;
  p.id = "fee";
  p.payer = k;
  p.recipient = c;
  p.basis = om::funding_basis::per_inhabitant;
  p.rate = om::money::parse("1.60").value();
  b.add_funding_rule(p);
  return std::move(b).build();
}
std::string csv(const om::model& m, om::relation_layer l, bool vertices = false) {
  std::ostringstream s;
  om::layer_graph g(m, l);
  if (vertices) om::write_attributed_vertices(s, g);
  else om::write_attributed_edges(s, g);
  return s.str();
}
}  // namespace

TEST(AttributedEdgeList, OwnershipSharesAsBoundsAndExactText) {
  const auto m = small();
  EXPECT_EQ(csv(m, om::relation_layer::ownership),
            "source,target,relation,weight,equity_low,equity_high,votes_low,votes_high,equity\n"
            "org:k,org:c,ownership,0.4,0.4,0.4,0.4,0.4,0.4\n"
            "org:x,org:c,ownership,0.05,0,0.1,0,0.1,0..0.1\n");
}

TEST(AttributedEdgeList, FundingInOreAndUnknownsEmpty) {
  // 1 234.50 SEK = 123 450 öre; the per-inhabitant fee has a rate (160 öre) and no amount.
  EXPECT_EQ(csv(small(), om::relation_layer::funding),
            "source,target,relation,weight,rule,basis,amount_ore,rate_ore,ratio\n"
            "org:k,org:c,funding,1,grant,fixed,123450,,\n"
            "org:k,org:c,funding,1,fee,per_inhabitant,,160,\n");
}

TEST(AttributedEdgeList, VerticesKeyedByTypeWithQuotedNames) {
  // The body "c" shares its id with the company "c": the keys keep them apart.
  EXPECT_EQ(csv(small(), om::relation_layer::governance, true),
            "vertex,model_id,name,type,kind,layer\n"
            "org:k,k,K & Co <kommun>,organisation,municipality,\n"
            "org:c,c,\"Bolaget, AB\",organisation,company,\n"
            "org:x,x,X,organisation,other,\n"
            "body:c,c,Styrelse,body,board,owner\n");
}

TEST(Graphml, KeysNodesEdgesAndEscaping) {
  const auto x = om::to_graphml(small(), om::relation_layer::governance);
  EXPECT_NE(x.find("<key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>"), std::string::npos);
  EXPECT_NE(x.find("<key id=\"e_votes\" for=\"edge\" attr.name=\"votes\" attr.type=\"long\"/>"), std::string::npos);
  EXPECT_NE(x.find("<key id=\"e_chair\" for=\"edge\" attr.name=\"chair\" attr.type=\"boolean\"/>"), std::string::npos);
  EXPECT_NE(x.find("<graph id=\"m:governance\" edgedefault=\"directed\">"), std::string::npos);
  EXPECT_NE(x.find("<node id=\"org:k\"><data key=\"v_model_id\">k</data><data key=\"v_name\">K &amp; Co &lt;kommun&gt;</data>"
                   "<data key=\"v_type\">organisation</data><data key=\"v_kind\">municipality</data></node>"),
            std::string::npos);
  EXPECT_NE(x.find("<edge id=\"e0\" source=\"org:k\" target=\"body:c\"><data key=\"e_relation\">governance</data>"
                   "<data key=\"e_weight\">2</data><data key=\"e_votes\">2</data><data key=\"e_chair\">true</data>"
                   "<data key=\"e_role\">ordförande</data></edge>"),
            std::string::npos);
  // one node per organisation and body, one edge per seat
  std::size_t nodes = 0, edges = 0;
  for (std::size_t p = 0; (p = x.find("<node ", p)) != std::string::npos; ++p) ++nodes;
  for (std::size_t p = 0; (p = x.find("<edge ", p)) != std::string::npos; ++p) ++edges;
  EXPECT_EQ(nodes, 4u);
  EXPECT_EQ(edges, 1u);
}

TEST(Graphml, UnknownAmountsAreLeftOut) {
  const auto x = om::to_graphml(small(), om::relation_layer::funding);
  EXPECT_NE(x.find("<data key=\"e_amount_ore\">123450</data>"), std::string::npos);
  // the fee edge has a rate and no amount element at all
  const auto fee = x.find("<data key=\"e_rule\">fee</data>");
  ASSERT_NE(fee, std::string::npos);
  const auto end = x.find("</edge>", fee);
  EXPECT_EQ(x.substr(fee, end - fee).find("amount_ore"), std::string::npos);
  EXPECT_NE(x.substr(fee, end - fee).find("<data key=\"e_rate_ore\">160</data>"), std::string::npos);
}

// A name with a control character (ESC, which XML 1.0 cannot carry even as a reference) and a
// line break: the document stays well-formed, ESC as U+FFFD and the newline as &#10;, through
// the one XML escape GraphML and SVG share (core/escape.hpp).
TEST(Graphml, ControlCharactersStayWellFormed) {
  om::model_builder b("m", "M");
  b.add_organisation({.id = "k", .name = "K\x1b[31m\nO'Hara", .kind = om::organisation_kind::municipality});
  const auto x = om::to_graphml(std::move(b).build(), om::relation_layer::governance);
  EXPECT_NE(x.find("<data key=\"v_name\">K\xEF\xBF\xBD[31m&#10;O&#39;Hara</data>"), std::string::npos) << x;
  EXPECT_EQ(x.find('\x1b'), std::string::npos);
}
