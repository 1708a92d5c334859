// Issue #11 item 1: every decision route the study describes is in the bundled data, and where the
// study names nobody the report says so in words and names who signs. Each test quotes the line of
// ../shared/seed/ipa-benchmark-study.sv.txt it checks. Days by hand: a body meeting f times a year
// waits 365/(2f) days on average and 365/f at worst; undocumented cadences use the defaults of
// cadence_defaults (operative team 12/yr, company board 6/yr).
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/report/paths_section.hpp"

namespace om = orgmodel;

namespace {

om::decision_path_result route(const om::model& m, std::string_view from, om::decision_class c) {
  const om::layer_graph g(m, om::relation_layer::escalation);
  return om::decision_paths(g, m.body_at(from), c);
}

om::decision_class class_named(const om::model& m, std::string_view name) {
  const auto& n = m.decision_class_names();
  const auto it = std::find(n.begin(), n.end(), name);
  EXPECT_NE(it, n.end()) << name;
  return static_cast<om::decision_class>(it - n.begin());
}

}  // namespace

// L1632-1636: "Det finns dessutom en föreningsstyrelse bestående av politiker från alla kommuner.
// De ger en riktning för verksamheten [...] Föreningsstyrelsen ses en gång per kvartal."
TEST(StudyRoutes, HighCoastInvestStrategyReachesTheQuarterlyAssociationBoard) {
  const auto m = om::data::load_bundled_model("high-coast-invest");
  const auto r = route(m, "hci-team", om::decision_classes::strategy);
  ASSERT_TRUE(r.found());
  EXPECT_EQ(om::path_text(m, r.paths[0].bodies), "hci-team → hci-company-board → hci-association-board");
  // 365/24 (team, default) + 365/12 (company board, default 6/yr) + 365/8 (quarterly) = 91.25
  EXPECT_NEAR(r.paths[0].days.expected, 365.0 / 24 + 365.0 / 12 + 365.0 / 8, 1e-9);
  EXPECT_DOUBLE_EQ(r.paths[0].waits.back().expected, 45.625);
}

// L1791-1794: "SBA styrs av kommunstyrelseordförandena (KSO) i medlemskommunerna som träffas
// årligen för att diskutera strategier framåt"; L1799-1800: "en operativ styrgrupp som ses fyra
// gånger per år och fattar beslut".
TEST(StudyRoutes, StockholmTeamGoesToTheOperativeSteeringGroupAndStrategyToTheYearlyKsoMeeting) {
  const auto m = om::data::load_bundled_model("stockholm-business-alliance");
  const auto s = route(m, "sba-team", om::decision_classes::strategy);
  ASSERT_TRUE(s.found());
  EXPECT_EQ(om::path_text(m, s.paths[0].bodies), "sba-team → sba-steering-group → sba-ksos-meeting");
  // 365/24 + 365/8 + 365/2 = 15.2083 + 45.625 + 182.5 = 243.33
  EXPECT_NEAR(s.paths[0].days.expected, 365.0 / 24 + 45.625 + 182.5, 1e-9);
  const auto p = route(m, "sba-team", om::decision_classes::operational_plan);
  ASSERT_TRUE(p.found());
  EXPECT_EQ(om::path_text(m, p.paths[0].bodies), "sba-team → sba-steering-group");
  // The study names no body that decides SBA's budget (no body of the model holds the class); the
  // report says so and who signs: SBA is run by Stockholm Business Region (L1765-1767), a company.
  const auto b = route(m, "sba-team", om::decision_classes::budget);
  ASSERT_FALSE(b.found());
  EXPECT_EQ(b.reason, om::no_path_reason::no_mandate_holder);
  EXPECT_EQ(om::unanswered_text(m, b), "the study names no body that decides budget");
  EXPECT_EQ(om::signing_sentence(m, om::signing_capacity_of(m, m.organisation_at("stockholm-business-alliance"))),
            "Stockholm Business Region signs for Stockholm Business Alliance");
}

// L608-612: "Styrgruppen gör ställningstagande kring verksamheten, exempelvis verksamhetsplan och
// budget. Region Värmland ansvarar därefter för att fatta beslut som krävs för BRV:s verksamhet".
TEST(StudyRoutes, VarmlandStrategyGoesThroughThePoliticalSteeringGroupToRegionVarmland) {
  const auto m = om::data::load_bundled_model("business-region-varmland");
  for (auto c : {om::decision_classes::strategy, om::decision_classes::contract}) {
    const auto r = route(m, "brv-team", c);
    ASSERT_TRUE(r.found()) << int(c);
    EXPECT_EQ(om::path_text(m, r.paths[0].bodies),
              "brv-team → brv-working-group → brv-steering-group → region-varmland-decision");
    // team 365/24, working group 4/yr 45.625, steering group 2–3/yr 365/5 = 73, region 365/22
    EXPECT_NEAR(r.paths[0].days.expected, 365.0 / 24 + 45.625 + 73 + 365.0 / 22, 1e-9);
    EXPECT_TRUE(r.paths[0].signing.can_sign);
  }
}

// L1038-1041: "Den etablerings- och investeringsfrämjande strategen har dessutom mandat att aktivera
// andra funktioner inom Region Östergötland vid behov, exempelvis samhällsbyggnadsenheten."
TEST(StudyRoutes, OstergotlandStrategistDecidesWithinOwnMandate) {
  const auto m = om::data::load_bundled_model("east-sweden-business-region");
  for (auto c : {class_named(m, "activate_regional_functions"), om::decision_classes::daily_operations}) {
    const auto r = route(m, "esbr-strategist", c);
    ASSERT_TRUE(r.found());
    EXPECT_EQ(om::path_text(m, r.paths[0].bodies), "esbr-strategist");
    EXPECT_FALSE(r.political_on_every_path);
  }
  // Outside the mandate a matter still climbs to the political level (unchanged).
  const auto s = route(m, "esbr-strategist", om::decision_classes::strategy);
  ASSERT_TRUE(s.found());
  EXPECT_EQ(m[s.paths[0].decided_by()].id, "region-ostergotland-regional-development-committee");
}

// L146-149: "Arbetsgruppen avrapporterar en gång per år för Region Örebro läns regionala
// tillväxtnämnd som bereder och beslutar i frågor som rör regional tillväxt."
TEST(StudyRoutes, OrebroMattersForTheGrowthCommitteeWaitForTheYearlyReport) {
  const auto m = om::data::load_bundled_model("business-region-orebro");
  const auto r = route(m, "bro-team", om::decision_classes::budget);
  ASSERT_TRUE(r.found());
  const auto& p = r.paths[0];
  ASSERT_EQ(m[p.decided_by()].id, "region-orebro-growth-committee");
  // once a year: 365/2 = 182.5 days on average, 365 at worst, a stated (not default) cadence
  EXPECT_DOUBLE_EQ(p.waits.back().expected, 182.5);
  EXPECT_DOUBLE_EQ(p.waits.back().worst, 365.0);
  EXPECT_FALSE(p.waits.back().assumed);
}

// L269-273: "Verksamheten kan formellt inte ingå avtal eftersom de lyder under Örebro kommuns
// upphandlingsregler." L123: "bedrivs verksamheten inom Örebro kommun". The study names no body
// that decides BRO's contracts: the report says so and names Örebro kommun as the signatory.
TEST(StudyRoutes, ReportNeverLeavesADecisionBareAndNamesWhoSigns) {
  std::vector<om::model> models;
  for (auto id : om::data::study_model_ids()) models.push_back(om::data::load_bundled_model(id));
  const auto s = om::paths_section(models);
  std::size_t unanswered = 0;
  for (const auto& o : s.content["organisations"])
    for (const auto& d : o["decisions"]) {
      if (d["found"].get<bool>()) continue;
      ++unanswered;
      ASSERT_TRUE(d.contains("explanation")) << o["model"];
      EXPECT_EQ(d["explanation"].get<std::string>().rfind("the study names no body that decides ", 0), 0u);
      ASSERT_TRUE(d.contains("signing"));
    }
  EXPECT_GT(unanswered, 0u);
  const auto& bro = s.content["organisations"][0];
  ASSERT_EQ(bro["model"], "business-region-orebro");
  const auto& contract = bro["decisions"][2];
  ASSERT_EQ(contract["decision_class"], "contract");
  ASSERT_FALSE(contract["found"].get<bool>());
  EXPECT_EQ(contract["signing"]["signatory_id"], "orebro");
  const auto& m = models[0];
  EXPECT_NE(s.text.find(m[m.organisation_at("orebro")].name + " signs for Business Region Örebro"), std::string::npos);
  // every row of the organisations' table carries a path or a reason: no bare "none" cell
  const auto organisations_text = s.text.substr(0, s.text.find("The seven organisation models"));
  EXPECT_EQ(organisations_text.find(" none "), std::string::npos) << organisations_text;
}

// Issue #11 item 9, "ids appear in JSON, names in text": the path table shows body and signatory
// names to the reader and ids in its CSV. L122-124 (BRO): "bedrivs verksamheten inom Örebro kommun".
// L1043-1046 (ESBR): "Vid beslut som behöver fattas på politisk nivå är det regionutvecklingsdirektören
// som tar frågan vidare" — the study names no committee, so the one the data assumes is marked.
TEST(StudyRoutes, PathTablesNameBodiesInTextAndMarkAnAssumedDecidingBody) {
  const auto bro = om::data::load_bundled_model("business-region-orebro");
  const auto r = route(bro, "bro-team", om::decision_classes::budget);
  ASSERT_TRUE(r.found());
  const auto t = om::to_table(bro, r);
  std::ostringstream text, csv;
  t.print(text);
  t.print_csv(csv);
  const auto& team = bro[bro.body_at("bro-team")];
  const auto& decider = bro[r.paths[0].decided_by()];
  EXPECT_NE(text.str().find(team.name + " → "), std::string::npos) << text.str();
  EXPECT_NE(text.str().find(decider.name), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find("bro-team"), std::string::npos) << text.str();
  EXPECT_NE(csv.str().find(om::path_text(bro, r.paths[0].bodies)), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find("decider_signs"), std::string::npos) << csv.str();
  // BRO cannot sign (L269-273); whoever signs for the deciding body's organisation is named, not its id.
  if (!r.paths[0].signing.can_sign && r.paths[0].signing.signatory.valid()) {
    const auto& signatory = bro[r.paths[0].signing.signatory];
    EXPECT_NE(text.str().find("no: " + signatory.name + " signs"), std::string::npos) << text.str();
    EXPECT_NE(csv.str().find("no: " + signatory.id + " signs"), std::string::npos) << csv.str();
  }

  const auto esbr = om::data::load_bundled_model("east-sweden-business-region");
  const auto committee = esbr.body_at("region-ostergotland-regional-development-committee");
  ASSERT_EQ(esbr[committee].source, om::provenance::assumed);
  const om::layer_graph g(esbr, om::relation_layer::escalation);
  bool reached = false;
  for (const auto& b : esbr.bodies()) {
    const auto rr = om::decision_paths(g, esbr.body_at(b.id), om::decision_classes::budget);
    if (!rr.found() || rr.paths[0].decided_by() != committee) continue;
    reached = true;
    EXPECT_NE(om::path_assumptions(esbr, rr.paths[0]).find("assumed body"), std::string::npos) << b.id;
  }
  EXPECT_TRUE(reached) << "no ESBR body's budget route ends at the assumed committee";
}
