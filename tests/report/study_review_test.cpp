// The data fixes of the line-by-line review of the report (docs/report-review.md): each test quotes
// the line of ../shared/seed/ipa-benchmark-study.sv.txt that the bundled data now follows.
#include <cstdint>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/report/paths_section.hpp"

namespace om = orgmodel;

namespace {

om::decision_path_result review_route(const om::model& m, std::string_view from, om::decision_class c) {
  const om::layer_graph g(m, om::relation_layer::escalation);
  return om::decision_paths(g, m.body_at(from), c);
}

}  // namespace

// L146-147: "Arbetsgruppen avrapporterar en gång per år för Region Örebro läns regionala
// tillväxtnämnd"; the study calls the operative team "arbetsgruppen" (L252, L294 "den operativa
// arbetsgruppen"). So a budget matter goes from the team straight to the committee with the yearly
// report: 365/24 (team, default 12/yr) + 365/2 = 15.208 + 182.5 = 197.708 days, not via the
// management and steering groups (258.5 days before the fix).
TEST(StudyReview, OrebroYearlyReportGoesFromTheTeamToTheGrowthCommittee) {
  const auto m = om::data::load_bundled_model("business-region-orebro");
  const auto r = review_route(m, "bro-team", om::decision_classes::budget);
  ASSERT_TRUE(r.found());
  EXPECT_EQ(om::path_text(m, r.paths[0].bodies), "bro-team → region-orebro-growth-committee");
  EXPECT_NEAR(r.paths[0].days.expected, 365.0 / 24 + 365.0 / 2, 1e-9);
  for (const auto& e : m.escalations())
    EXPECT_FALSE(m[e.from].id == "bro-steering-group" && m[e.to].id == "region-orebro-growth-committee");
}

// L363-371: "Styrgruppen består av representanter från Skaraborgs kommunalförbund, enskilda
// kommundirektörer, Science Park Skövde, Agro Väst, IDC West Sweden, Västsvenska handelskammaren
// och Högskolan i Skövde. Livet i Skaraborg [...] är också med i styrgruppen, liksom
// etableringsansvariga på Business Region Skaraborg och en kommunikatör från Skaraborgs
// kommunalförbund." Seven parties plus three: ten seats; the two staff seats carry no vote.
TEST(StudyReview, SkaraborgSteeringGroupHasEveryPartyTheStudyNames) {
  const auto m = om::data::load_bundled_model("business-region-skaraborg");
  const auto sg = m.body_at("brs-steering-group");
  std::set<std::string> holders;
  int seats = 0;
  std::int64_t votes = 0;
  for (const auto& s : m.seats()) {
    if (s.body != sg) continue;
    ++seats;
    votes += s.votes;
    holders.insert(m[s.holder].id + "/" + s.role);
  }
  EXPECT_EQ(seats, 10);
  EXPECT_EQ(votes, 8);
  EXPECT_TRUE(holders.contains("livet-i-skaraborg/representative"));
  EXPECT_TRUE(holders.contains("business-region-skaraborg/establishment_manager"));
  EXPECT_TRUE(holders.contains("skaraborgs-kommunalforbund/communicator"));
  EXPECT_TRUE(holders.contains("skaraborgs-kommunalforbund/association_representative"));
}

// L1799-1800: "en operativ styrgrupp som ses fyra gånger per år och fattar beslut"; L1820:
// "Verksamheten drivs av 11 anställda". The study gives the steering group no daily operations.
TEST(StudyReview, StockholmSteeringGroupDoesNotRunDailyOperations) {
  const auto m = om::data::load_bundled_model("stockholm-business-alliance");
  const auto& sg = m[m.body_at("sba-steering-group")];
  EXPECT_FALSE(sg.mandates.contains(om::decision_classes::daily_operations));
  EXPECT_TRUE(sg.mandates.contains(om::decision_classes::operational_plan));
  EXPECT_TRUE(m[m.body_at("sba-team")].mandates.contains(om::decision_classes::daily_operations));
}

// L1632-1633: "en föreningsstyrelse bestående av politiker från alla kommuner" — how many seats
// each municipality has is not given, so one seat each is an assumption.
TEST(StudyReview, HighCoastAssociationBoardSeatsAreAssumed) {
  const auto m = om::data::load_bundled_model("high-coast-invest");
  const auto ab = m.body_at("hci-association-board");
  int seats = 0;
  for (const auto& s : m.seats())
    if (s.body == ab) {
      ++seats;
      EXPECT_EQ(s.source, om::provenance::assumed) << m[s.holder].id;
    }
  EXPECT_EQ(seats, 7);  // L1613-1615: the seven municipalities of Västernorrland
}

// L519-534: "Framgångsfaktorer enligt Business Region Skaraborg" are three bullets; L489-491 ("Det
// finns en flernivåsamverkan som fungerar bra") is under "Samverkan", so it is no success factor.
TEST(StudyReview, SkaraborgSuccessFactorsComeFromItsSuccessFactorSection) {
  int success = 0;
  bool business_sweden = false;
  for (const auto& f : om::data::findings_of("business-region-skaraborg")) {
    if (f.kind == om::data::finding_kind::success_factor) {
      ++success;
      for (const auto& l : f.lines) {
        EXPECT_GE(l.from, 519) << f.text;
        EXPECT_LE(l.to, 534) << f.text;
      }
    }
    if (f.lines.front().from == 489) {
      business_sweden = true;
      EXPECT_EQ(f.kind, om::data::finding_kind::lesson);
    }
  }
  EXPECT_EQ(success, 3);
  EXPECT_TRUE(business_sweden);
}

// L1767 "SBA har funnits sedan 2006"; L1783-1785 "Politikerna i respektive kommun tar beslut om
// kommunen ska bli medlem i SBA, och avtalsperioden förnyas vart femte år". A report for officials
// cites the study, never the project's digest.
TEST(StudyReview, FindingsCiteTheStudyNotTheDigest) {
  for (auto id : om::data::study_model_ids())
    for (const auto& f : om::data::findings_of(id)) EXPECT_EQ(f.text.find("facts.md"), std::string::npos) << f.text;
  bool found = false;
  for (const auto& f : om::data::findings_of("stockholm-business-alliance"))
    if (f.kind == om::data::finding_kind::history && f.text.find("2006") != std::string::npos) {
      found = true;
      EXPECT_EQ(f.lines_text(), "L1767, L1783–1785");
    }
  EXPECT_TRUE(found);
}

// L1398-1399: "Ägarna är beslutsfattarna, men det finns ett tydligt ägardirektiv som ses över varje
// år." The owners decide at the bolagsstämma, which an aktiebolag holds once a year (årsstämma,
// aktiebolagslagen 7 kap. 10 §): its cadence is known, no longer "unknown".
TEST(StudyReview, NorrbottenBolagsstammaMeetsOnceAYear) {
  const auto m = om::data::load_bundled_model("invest-in-norrbotten");
  const auto& st = m[m.body_at("iin-owners-meeting")];
  ASSERT_TRUE(st.meetings_per_year.has_value());
  EXPECT_DOUBLE_EQ(st.meetings_per_year->low, 1.0);
  EXPECT_DOUBLE_EQ(st.meetings_per_year->high, 1.0);
  for (const auto& u : st.unknown) EXPECT_NE(u, "meetings_per_year");
  EXPECT_NE(st.note.find("L1398-1399"), std::string::npos);
}

// L1701-1702: "permanent finansiering via ägarna, det vill säga de sju kommunerna i länet och Region
// Västernorrland": the owners are stated; only their shares are not (0–100 % each).
TEST(StudyReview, HighCoastOwnersAreStatedTheirSharesAreNot) {
  const auto m = om::data::load_bundled_model("high-coast-invest");
  int owners = 0;
  for (const auto& w : m.ownerships()) {
    ++owners;
    EXPECT_EQ(w.source, om::provenance::stated) << m[w.owner].id;
    EXPECT_FALSE(w.equity.exact());
  }
  EXPECT_EQ(owners, 8);  // seven municipalities and Region Västernorrland
}

// L138-143: "fungerar framförallt som en förankrande instans men har politiskt mandat att ta beslut
// om behov skulle uppstå" — a general mandate, no class of matters; L232-233 "Region Örebro län
// växlar upp med samma summa" — the committee's budget mandate is inferred from that, not stated.
// The mandates the routes need stay, and the notes say they are readings (review F9, F12).
TEST(StudyReview, OrebroMandatesReadFromTheStudysWordsSaySo) {
  const auto m = om::data::load_bundled_model("business-region-orebro");
  const auto& steering = m[m.body_at("bro-steering-group")];
  EXPECT_NE(steering.note.find("L138-143"), std::string::npos) << steering.note;
  EXPECT_NE(steering.note.find("reads that mandate as strategy"), std::string::npos) << steering.note;
  const auto& committee = m[m.body_at("region-orebro-growth-committee")];
  EXPECT_TRUE(committee.mandates.contains(om::decision_classes::budget));
  EXPECT_NE(committee.note.find("budget mandate is inferred"), std::string::npos) << committee.note;
  EXPECT_NE(committee.note.find("L232-233"), std::string::npos) << committee.note;
}
