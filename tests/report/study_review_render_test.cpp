// The rendering fixes of the line-by-line review (docs/report-review.md, R3, R7, R8, R13, R19 and
// the R1 remainder): each test quotes the study's line the rendered text now follows.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/data/population.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/report/benchmark_report.hpp"

namespace om = orgmodel;

namespace {

std::string review_profile_text(std::string_view id) {
  return om::to_text(om::profile_model(om::data::load_bundled_model(id), om::data::study_findings(id)));
}

// The profile line of body `name` ("      <name>: …").
std::string review_body_line(const std::string& text, const std::string& name) {
  const auto at = text.find("      " + name + ":");
  if (at == std::string::npos) return {};
  return text.substr(at, text.find('\n', at) - at);
}

}  // namespace

// L1986-1989: "Medlemskapet kostar varje kommun 4 kronor per invånare och år. Stockholm stad betalar
// en fast summa på 7.5 miljoner kronor. Totalt genererar intäkterna från medlemskapet cirka 19.2
// miljoner kronor." The 29 unnamed members' population is worked back from that "cirka" figure
// (the model's note: 2 925 000 for the 54 besides Stockholm minus the 25 named ones), so it is not
// SCB: the SCB part is Stockholm + 2 925 000 − the derived part, and the two are printed apart.
TEST(StudyReviewRender, StockholmPopulationKeepsTheDerivedPartApartFromScb) {
  const auto m = om::data::load_bundled_model("stockholm-business-alliance");
  const std::int64_t derived = *m[m.organisation_at("sba-unknown-members")].population;
  const std::int64_t total = om::data::municipality("Stockholm").population + 2'925'000;
  const std::string scb = om::group_thousands(total - derived);
  const auto text = review_profile_text("stockholm-business-alliance");
  EXPECT_NE(text.find("population " + scb + " (SCB, 31 Dec 2023, 26 named) + ≈ " + om::group_thousands(derived) +
                      " derived for 29 unnamed (not SCB)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find(om::group_thousands(total) + " (SCB"), std::string::npos);
  std::vector<om::model> models{m};
  const auto overview = om::overview_section(models);
  EXPECT_NE(overview.text.find(scb + " + ≈ " + om::group_thousands(derived)), std::string::npos) << overview.text;
}

// L146-147: "Arbetsgruppen avrapporterar en gång per år för Region Örebro läns regionala
// tillväxtnämnd" — once a year is how often BRO's matters reach the committee, not how often it meets.
TEST(StudyReviewRender, OrebroCommitteeCadenceIsTheYearlyReport) {
  const auto line = review_body_line(review_profile_text("business-region-orebro"), "Nämnden för regional tillväxt");
  EXPECT_NE(line.find("matters reach it 1/yr (own meetings not stated)"), std::string::npos) << line;
  EXPECT_EQ(line.find("meets 1/yr"), std::string::npos) << line;
}

// L1768 "55 kommuner i nio län"; L1791-1793 "SBA styrs av kommunstyrelseordförandena (KSO) i
// medlemskommunerna som träffas årligen": 55 KSOs, the 29 unnamed members' included.
TEST(StudyReviewRender, StockholmKsoMeetingHasFiftyFiveSeats) {
  const auto line = review_body_line(review_profile_text("stockholm-business-alliance"), "KSO-möte");
  EXPECT_NE(line.find("55 seats (55 KSO)"), std::string::npos) << line;
}

// L138-142: the steering group's "Ordförande … Charlotta Englund, som är regionråd"; L137
// "kommunstyrelseordförande (KSO)": Swedish titles, not enum names.
TEST(StudyReviewRender, RolesReadAsSwedishTitles) {
  const auto line = review_body_line(review_profile_text("business-region-orebro"), "Styrgrupp");
  EXPECT_NE(line.find("chair Region Örebro län (regionråd)"), std::string::npos) << line;
  EXPECT_EQ(line.find("executive board chair"), std::string::npos) << line;
  EXPECT_NE(line.find("KSO"), std::string::npos) << line;
}

// L608-611: "Styrgruppen gör ställningstagande kring verksamheten, exempelvis verksamhetsplan och
// budget. Region Värmland ansvarar därefter för att fatta beslut" — no body named for the region's
// decision, and the steering group's part is said in words instead of a bare "mandates none".
TEST(StudyReviewRender, VarmlandUnnamedDecidingBodyAndSteeringGroupPositions) {
  const auto text = review_profile_text("business-region-varmland");
  const auto region = review_body_line(text, "Region Värmland (formal decisions)");
  EXPECT_NE(region.find("body not named by the study"), std::string::npos) << region;
  EXPECT_EQ(region.find("executive board"), std::string::npos) << region;
  const auto steering = review_body_line(text, "Politisk styrgrupp");
  EXPECT_NE(steering.find("mandates none (Takes positions on the operations, e.g. operational plan and budget;"), std::string::npos)
      << steering;
}

// L1043: "Beslutsfattare: Chefen för Tillväxtenheten och i nästa steg regionutvecklingsdirektören" —
// named decision makers whose matters the study does not list: "not stated", with the line.
TEST(StudyReviewRender, OstergotlandDecisionMakersWithoutListedMatters) {
  const auto line = review_body_line(review_profile_text("east-sweden-business-region"), "Chef för Tillväxtenheten");
  EXPECT_NE(line.find("mandates not stated (Decision maker named by the study"), std::string::npos) << line;
  EXPECT_NE(line.find("L1043"), std::string::npos) << line;
}

// Issue #11 item 9, "ids appear in JSON, names in text": the report header names the models.
TEST(StudyReviewRender, HeaderNamesTheModels) {
  const auto models = om::data::load_benchmark();
  const auto r = om::make_report(models);
  const auto text = om::to_text(r);
  const auto header = text.substr(0, text.find("\nPopulation:"));
  EXPECT_NE(header.find("Models: Business Region Örebro; Business Region Skaraborg"), std::string::npos) << header;
  EXPECT_EQ(header.find("business-region-orebro"), std::string::npos) << header;
  EXPECT_EQ(om::to_json(r)["models"][0], "business-region-orebro");
}

// L1537-1539: "Den ordinarie verksamheten, det vill säga bolaget, avsätter cirka 200 000 kronor per
// år till marknadsföring"; L739-741: "Den totala budgeten för 2024 uppgår idag till 4.5 miljoner
// kronor, varav 3.3 miljoner finansierar personalkostnader." A stated figure says what it is.
TEST(StudyReviewRender, StatedFiguresSayWhatTheyAre) {
  const auto iin = review_profile_text("invest-in-norrbotten");
  EXPECT_NE(iin.find("200 000 SEK: Marketing allocation of the company"), std::string::npos) << iin;
  EXPECT_EQ(iin.find("cost 200 000"), std::string::npos) << iin;
  const auto brv = review_profile_text("business-region-varmland");
  EXPECT_NE(brv.find("3 300 000 SEK: Staff costs within the 2024 budget of 4.5 MSEK"), std::string::npos) << brv;
}

// L1150-1153: "Region Östergötland bekostar personal och det finns en budget på 2 miljoner kronor för
// övriga kostnader": the 2 MSEK is not ESBR's whole funding; the staff, of unknown cost, come on top.
TEST(StudyReviewRender, OstergotlandIncomeShowsTheUnknownStaffCostsBesides) {
  const std::vector<om::model> models{om::data::load_bundled_model("east-sweden-business-region")};
  const auto f = om::funding_section(models);
  EXPECT_NE(f.text.find("2 000 000+"), std::string::npos) << f.text;
  EXPECT_NE(f.text.find("unknown besides: staff costs paid by Region Östergötland"), std::string::npos) << f.text;
  EXPECT_EQ(f.content[0]["years"][0]["by_source"]["base"]["unknown_flows"], 1);
}

// L1314-1316: Invest in Halland "finansieras av Region Halland, utan medfinansiering av kommunerna";
// only the amount of the region's money is unknown, the other sources are not described.
TEST(StudyReviewRender, HallandOnlyTheBaseAmountIsUnknown) {
  const std::vector<om::model> models{om::data::load_bundled_model("invest-in-halland")};
  const auto f = om::funding_section(models);
  const auto at = f.text.find("invest-in-halland");
  ASSERT_NE(at, std::string::npos);
  const auto row = f.text.substr(at, f.text.find('\n', at) - at);
  std::size_t unknowns = 0;
  for (auto p = row.find("unknown"); p != std::string::npos; p = row.find("unknown", p + 1)) ++unknowns;
  EXPECT_EQ(unknowns, 1U) << row;
}

// L1527-1529: "Varje projekt ger cirka 20 miljoner kronor för tre år, varav 40% från Tillväxtverket,
// 40% från Region Norrbotten och 20% från de kommuner som vill vara med". Per year 20 000 000 / 3 =
// 6 666 666.67; to the öre the parts 2 666 666.67 + 2 666 666.67 + 1 333 333.34 = 6 666 666.68 do not
// add up, and a "cirka" figure has no öre: whole kronor 2 666 667 + 2 666 667 + 1 333 333 = 6 666 667.
TEST(StudyReviewRender, NorrbottenProjectPartsInWholeKronor) {
  const std::vector<om::model> models{om::data::load_bundled_model("invest-in-norrbotten")};
  const auto f = om::funding_section(models);
  EXPECT_EQ(f.text.find("2 666 666.67"), std::string::npos) << f.text;
  EXPECT_EQ(f.text.find("1 333 333.34"), std::string::npos) << f.text;
  EXPECT_EQ(f.text.find("4 000 000.01"), std::string::npos) << f.text;
  EXPECT_NE(f.text.find("1 333 333"), std::string::npos) << f.text;
  EXPECT_NE(f.text.find("2 666 667"), std::string::npos) << f.text;
  EXPECT_EQ(f.content[0]["years"][1]["by_source"]["state"]["income"], "2666666.67");  // JSON keeps the exact öre
}

// L1799-1802: "en operativ styrgrupp [...] består av 13 kommundirektörer utvalda från de stora
// noderna: Gävle, Uppsala, Västerås, ..." — Västerås is the only Västmanland municipality on it
// (and on the working group, L1816-1817), so a template body shares Västerås's seat with it, not
// "the same municipalities".
TEST(StudyReviewRender, SbaOverlapNamesTheMunicipalitiesOnBoth) {
  const auto s = om::compare_section("Västmanlands län");
  EXPECT_EQ(s.text.find("same municipalities, same posts"), std::string::npos) << s.text;
  EXPECT_NE(s.text.find("Operativ styrgrupp (Västerås on both, as kommundirektör)"), std::string::npos) << s.text;
}

// The study names 14 SBA members (L224-225 Örebro, Karlskoga; L716 Karlstad; L1135 Linköping,
// Norrköping; L1801-1806 Gävle, Uppsala, Västerås, Eskilstuna, Stockholm, Danderyd, Nacka, Sigtuna,
// Solna); Ludvika is not among them (L925-926 says only "Tre kommuner i länet"), so its membership
// reads as from a public page; Västerås's does not.
TEST(StudyReviewRender, StockholmMembersNamedOutsideTheStudyAreMarked) {
  const auto text = review_profile_text("stockholm-business-alliance");
  EXPECT_NE(text.find("Ludvika (public page)"), std::string::npos) << text;
  EXPECT_EQ(text.find("Västerås (public page)"), std::string::npos) << text;
  EXPECT_NE(text.find("12 of the named members are named on public pages, not in the study"), std::string::npos) << text;
}

// L1701-1702: "permanent finansiering via ägarna, det vill säga de sju kommunerna i länet och Region
// Västernorrland": owners by name, no "assumed" on owners the study names, and no remainder row of
// 0–100 % that says nothing.
TEST(StudyReviewRender, BizMakerOwnersByNameWithoutAnEmptyRemainder) {
  const auto s = om::ownership_section(om::data::load_benchmark());
  const auto from = s.text.find("High Coast Invest — a business area of");
  ASSERT_NE(from, std::string::npos);
  const auto part = s.text.substr(from, s.text.find("Voting power", from) - from);
  EXPECT_NE(part.find("BizMaker AB  Härnösand"), std::string::npos) << part;
  EXPECT_NE(part.find("Region Västernorrland"), std::string::npos) << part;
  EXPECT_EQ(part.find("harnosand"), std::string::npos) << part;
  EXPECT_EQ(part.find("(unallocated)"), std::string::npos) << part;
  EXPECT_EQ(part.find("assumed"), std::string::npos) << part;
}

// L1768 "55 kommuner i nio län" and L36 "20 regionala investeringsfrämjande organisationer": the
// coverage table counts SBA's and Business Sweden's unnamed groups by their size, as the profiles do.
// L1000-1004 (ESBR "drivs av Region Östergötland"): the region a unit is part of is no funder
// "without a seat".
TEST(StudyReviewRender, CoverageCountsUnnamedGroupsBySize) {
  const auto s = om::coverage_section(om::data::load_benchmark());
  auto row_of = [&](const std::string& id) {
    const auto at = s.text.find("\n" + id + " ");
    return at == std::string::npos ? std::string() : s.text.substr(at + 1, s.text.find('\n', at + 1) - at - 1);
  };
  EXPECT_NE(row_of("stockholm-business-alliance").find("members       55"), std::string::npos) << row_of("stockholm-business-alliance");
  EXPECT_NE(row_of("business-sweden-partnership").find(" 20 "), std::string::npos) << row_of("business-sweden-partnership");
  EXPECT_EQ(s.text.find("east-sweden-business-region: 1 — Region Östergötland"), std::string::npos) << s.text;
  EXPECT_NE(s.text.find("(not named) (municipalities of the county: may be among those seated)"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.find("Property partners (≈ 20, not named) (municipalities"), std::string::npos) << s.text;
}

// L12-14: "ett flertal kommuner i Västmanland, Södermanland och Uppsala är medlemmar i Stockholm
// Business Alliance" — which ones the study does not say, so the counties' gaps are not "none".
TEST(StudyReviewRender, CountiesSayWhichSbaMembershipsAreUnknown) {
  const auto text = review_profile_text("counties-without-organisation");
  EXPECT_EQ(text.find("Gaps in what is known:\n    none"), std::string::npos) << text;
  // By name in the text (ids in JSON).
  EXPECT_NE(text.find("Region Västmanland; Region Sörmland; Region Uppsala: which of the county's municipalities are members of "
                      "Stockholm Business Alliance"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("organizations/region-vastmanland"), std::string::npos) << text;
  const auto j = om::to_json(om::profile_model(om::data::load_bundled_model("counties-without-organisation"), om::data::study_findings("counties-without-organisation")));
  EXPECT_EQ(j["gaps"][0]["elements"][0], "organizations/region-vastmanland");
}

// L796 "Dalarnas 15 kommuner": Invest in Dalarna serves the county's municipalities, so the income
// table gives their inhabitants (SCB 2023, Dalarnas län) instead of leaving the column empty.
TEST(StudyReviewRender, ServedMunicipalitiesGiveTheInhabitants) {
  const std::vector<om::model> models{om::data::load_bundled_model("invest-in-dalarna")};
  const auto f = om::funding_section(models);
  EXPECT_EQ(f.content[0]["years"][1]["members"], 15);
  EXPECT_EQ(f.content[0]["years"][1]["inhabitants"], om::data::county("20").population);
  EXPECT_NE(f.text.find("base incl. region, SEK/inh."), std::string::npos);
}

// L1314-1316: Invest in Halland (2B) "finansieras av Region Halland" — no amount, so 2B's 4 MSEK is a
// template assumption and is marked; the 4A host company is the template's, not an existing one.
// L192-195 (BRO, 1A) and L1291-1292 (IiH, 2B) "saknar fastställda KPI:er": the column counts
// statements on targets/KPIs, one of which says there are none.
TEST(StudyReviewRender, TemplateCellsThatRestOnAssumptionsAreMarked) {
  const auto s = om::compare_section("Västmanlands län");
  const auto at = s.text.find("\n2B ", s.text.find("Funding per year"));
  ASSERT_NE(at, std::string::npos) << s.text;
  const auto row = s.text.substr(at + 1, s.text.find('\n', at + 1) - at - 1);
  EXPECT_NE(row.find("4 000 000 *"), std::string::npos) << row;
  EXPECT_NE(s.text.find("* rests on an amount the study does not give"), std::string::npos);
  EXPECT_NE(s.text.find("Västerås Business Region AB (hypothetical)"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.find("Region Västmanland (hypothetical)"), std::string::npos);
  EXPECT_NE(s.text.find("statements on targets/KPIs (study)"), std::string::npos);
  // 3A's project money rests on "cirka 20 miljoner kronor för tre år" (L1527-1528): whole kronor.
  const auto a3 = s.text.find("\n3A ", s.text.find("Funding per year"));
  const auto row3 = s.text.substr(a3 + 1, s.text.find('\n', a3 + 1) - a3 - 1);
  EXPECT_EQ(row3.find("6 666 666.74"), std::string::npos) << row3;
  EXPECT_NE(row3.find("6 666 667 *"), std::string::npos) << row3;
  // A rate keeps its öre: 3A's base (4 000 000 + 1.60 × 280 813 = 4 449 300.80) / 280 813 = 15.84.
  EXPECT_NE(row3.find("15.84 *"), std::string::npos) << row3;
  EXPECT_NE(row.find("14.24 *"), std::string::npos) << row;  // 4 000 000 / 280 813 = 14.244
}

// L1160-1166: "Kommunerna är inte med och bekostar verksamheten, men … krav på motprestation.
// Kommunerna behöver redovisa minst 100 000 kronor i kostnader" — the municipalities pay nothing
// to the organisation; they take part and carry their own costs (review finding F29).
TEST(StudyReviewRender, NoPaymentRuleNamesWhoTakesPartNotPayers) {
  const auto text = review_profile_text("east-sweden-business-region");
  const auto at = text.find("no payment");
  ASSERT_NE(at, std::string::npos) << text;
  const auto line = text.substr(at, text.find('\n', at) - at);
  EXPECT_EQ(line.find("payers"), std::string::npos) << line;
  EXPECT_NE(line.find(" taking part, own costs at least 100 000 SEK"), std::string::npos) << line;
}

// L615-617: "en arbetsgrupp som består av kommunernas kommundirektörer samt Regions Värmlands
// regiondirektör, biträdande regiondirektör och utvecklingsdirektör"; L131 "En ledningsgrupp som
// består av näringslivschefer": a count of seats reads with the title in the plural.
TEST(StudyReviewRender, SeatCountsReadWithSwedishPlurals) {
  const auto brv = review_body_line(review_profile_text("business-region-varmland"), "Arbetsgrupp");
  EXPECT_NE(brv.find("16 kommundirektörer, 1 regional director"), std::string::npos) << brv;
  const auto bro = review_body_line(review_profile_text("business-region-orebro"), "Ledningsgrupp");
  EXPECT_NE(bro.find("12 näringslivschefer"), std::string::npos) << bro;
  EXPECT_EQ(bro.find("12 näringslivschef,"), std::string::npos) << bro;
  // Class names in words, as the rest of the line: not "operational_plan".
  EXPECT_NE(bro.find("mandates operational plan"), std::string::npos) << bro;
}
