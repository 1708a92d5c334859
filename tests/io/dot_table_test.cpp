// DOT export (quoting and escaping) and text tables / CSV.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/builder.hpp"

namespace om = orgmodel;

namespace {
om::model tricky() { return om::load_model_file(std::string(ORGMODEL_TEST_FIXTURES_DIR) + "/tricky-ids.json"); }
}  // namespace

TEST(Dot, QuoteEscapesQuotesAndBackslashes) {
  EXPECT_EQ(om::detail::dot_quote("node"), "\"node\"");
  EXPECT_EQ(om::detail::dot_quote("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(om::detail::dot_quote("a\\"), "\"a\\\\\"");  // a trailing backslash cannot escape the closing quote
  EXPECT_EQ(om::detail::dot_quote("x\ny"), "\"x\\ny\"");
  EXPECT_EQ(om::detail::dot_quote("x\r\ny"), "\"x\\ny\"");
  EXPECT_EQ(om::detail::dot_quote(""), "\"\"");
  EXPECT_EQ(om::detail::dot_quote("Örebro"), "\"Örebro\"");
  // Other control characters are text, their backslash escaped for DOT: ESC → \\x1b, a lone CR → \\r.
  EXPECT_EQ(om::detail::dot_quote("a\x1b[2Jb\rc"), "\"a\\\\x1b[2Jb\\\\rc\"");
}

TEST(Dot, KeywordIdsAreQuotedAndPrefixed) {
  const om::model m = tricky();
  const std::string dot = om::to_dot(m, om::relation_layer::governance);
  EXPECT_EQ(dot.rfind("digraph \"graph:governance\" {\n", 0), 0u);
  EXPECT_NE(dot.find("  \"org:node\" [label=\"A \\\"quoted\\\" name\", shape=box];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"org:graph\" [label=\"Back\\\\slash and trailing \\\\\", shape=box];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"org:edge\" [label=\"Line\\nbreak\", shape=box];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"body:strict\" [label=\"node\", shape=ellipse];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"body:a\\\\\" [label=\"ends with a backslash\\\\\", shape=ellipse];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"org:node\" -> \"body:strict\" [label=\"chair \\\"of\\\" \\\\board\"];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"org:graph\" -> \"body:strict\" [label=\"seat (chair)\"];\n"), std::string::npos);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  // 5 organisations + 2 bodies = 7 node statements, 2 seats = 2 edge statements.
  std::size_t nodes = 0, edges = 0;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    if (line.find("shape=") != std::string::npos) ++nodes;
    if (line.find(" -> ") != std::string::npos && line.find("[label=") != std::string::npos) ++edges;
  }
  EXPECT_EQ(nodes, 7u);
  // Careful: the name "Ö -> å; {x} [y]" contains " -> " inside a node statement, which has shape=.
  EXPECT_EQ(edges, 3u);
}

TEST(Dot, EdgeLabelsOfEveryLayer) {
  const om::model m = tricky();
  EXPECT_NE(om::to_dot(m, om::relation_layer::escalation).find("\"body:strict\" -> \"body:a\\\\\" [label=\"budget, contract\"]"),
            std::string::npos);
  EXPECT_NE(om::to_dot(m, om::relation_layer::ownership).find("\"org:graph\" -> \"org:edge\" [label=\"1/3–0.5\"]"),
            std::string::npos);
  EXPECT_NE(om::to_dot(m, om::relation_layer::funding)
                .find("\"org:node\" -> \"org:digraph\" [label=\"fee \\\"x\\\" (per_inhabitant)\"]"),
            std::string::npos);
  const std::string mem = om::to_dot(m, om::relation_layer::membership);
  EXPECT_NE(mem.find("\"org:node\" -> \"org:digraph\" [label=\"member\"]"), std::string::npos);
  EXPECT_NE(mem.find("\"org:subgraph\" -> \"org:digraph\" [label=\"served\"]"), std::string::npos);
  EXPECT_NE(om::to_dot(m, om::relation_layer::affiliation).find("\"org:subgraph\" -> \"org:graph\" [label=\"part_of\"]"),
            std::string::npos);
  // An escalation line for every class is labelled "all".
  om::model_builder b("m", "M");
  auto o = b.add_organisation({.id = "o", .name = "O"});
  auto x = b.add_body({.id = "x", .name = "X", .organisation = o});
  auto y = b.add_body({.id = "y", .name = "Y", .organisation = o});
  b.add_escalation({.from = x, .to = y});
  EXPECT_NE(om::to_dot(std::move(b).build(), om::relation_layer::escalation).find("[label=\"all\"]"), std::string::npos);
}

TEST(Table, AlignsByCodePointsAndTrimsTrailingSpace) {
  om::text_table t({"kommun", "invånare"}, {om::text_table::align::left, om::text_table::align::right});
  t.row({"Örebro", "160017"}).row({"Lekeberg", "8648"}).row({"Å"});
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.rows()[2], (std::vector<std::string>{"Å", ""}));
  std::ostringstream out;
  t.print(out);
  // Widths: "Lekeberg" = 8 columns, "invånare" = 8 columns (å is one), rule 8 + 2 + 8 = 18.
  EXPECT_EQ(out.str(),
            "kommun    invånare\n"
            "------------------\n"
            "Örebro      160017\n"
            "Lekeberg      8648\n"
            "Å\n");
  EXPECT_EQ(om::text_table::width("Örebro"), 6u);
  EXPECT_EQ(om::text_table::width(""), 0u);
}

TEST(Table, TextShowsControlCharactersEscaped) {
  // ESC, NUL and a newline in a cell: written out (\x1b, \x00, \n) and counted as such for the width.
  om::text_table t({"name", "n"}, {om::text_table::align::left, om::text_table::align::right});
  t.row({std::string("a\x1b[2J\0b\nc", 9), "1"});
  std::ostringstream out;
  t.print(out);
  // "a\x1b[2J\x00b\nc" is 16 columns: rule 16 + 2 + 1 = 19.
  EXPECT_EQ(out.str(),
            "name              n\n"
            "-------------------\n"
            "a\\x1b[2J\\x00b\\nc  1\n");
}

TEST(Table, CsvQuotesOnlyWhatNeedsIt) {
  om::text_table t({"id", "name", "note"});
  t.row({"a", "Plain", ""});
  t.row({"b", "Comma, inside", "say \"hi\""});
  t.row({"c", "Line\nbreak", "cr\r"});
  std::ostringstream out;
  t.print_csv(out);
  EXPECT_EQ(out.str(),
            "id,name,note\r\n"
            "a,Plain,\r\n"
            "b,\"Comma, inside\",\"say \"\"hi\"\"\"\r\n"
            "c,\"Line\nbreak\",\"cr\r\"\r\n");
}

TEST(Table, LastLeftColumnIsNotPadded) {
  om::text_table t({"a", "b"});
  t.row({"long value", "x"});
  t.row({"s", "longer"});
  std::ostringstream out;
  t.print(out);
  EXPECT_EQ(out.str(),
            "a           b\n"
            "------------------\n"
            "long value  x\n"
            "s           longer\n");
}
