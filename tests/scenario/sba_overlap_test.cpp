// Västmanland and Stockholm Business Alliance (issue #11 item 7). Study L96–100: "Inte minst
// eftersom många kommuner i Västmanland är medlemmar i SBA. Dessutom ligger det inom uppdraget att
// undersöka hur en investerings- och etableringsfrämjande organisation i Västmanland ska förhålla
// sig till SBA." L1986–1987: "Medlemskapet kostar varje kommun 4 kronor per invånare och år."
// L2011–2018: "Det kan bli komplicerat när det finns regionala investeringsfrämjande
// organisationer som ligger som ett lager mellan medlemskommuner och SBA."
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/sba_overlap.hpp"
#include "orgmodel/scenario/sba_overlap.hpp"

namespace om = orgmodel;
namespace sc = orgmodel::scenario;

namespace {
const sc::alliance_overlap& vastmanland_sba() {
  static const auto c = sc::compare_templates(sc::template_input::from_county("Västmanlands län"));
  static const auto r = sc::sba_overlap(c, om::data::load_bundled_model("stockholm-business-alliance"));
  return r;
}
const sc::alliance_model_overlap& sba_row(om::model_category k) {
  for (const auto& o : vastmanland_sba().models)
    if (o.category == k) return o;
  throw std::runtime_error("no row");
}
}  // namespace

TEST(SbaOverlap, WhoBelongsAndWhatTheyPay) {
  const auto& r = vastmanland_sba();
  ASSERT_EQ(r.municipalities.size(), 10U);
  EXPECT_EQ(r.rate, om::money::from_major(4));
  // data/scb/sba_members_partial.csv names three Västmanland members: Kungsör (public page, 2017),
  // Sala (public page, 2016), Västerås (named in the study, L1802). SCB 2023: 8 643, 22 853, 159 662.
  // 4 SEK each: 34 572 + 91 412 + 638 648 = 764 632 SEK.
  std::string members;
  for (const auto& m : r.municipalities)
    if (m.status == sc::alliance_status::member) {
      members += m.id + " ";
      ASSERT_TRUE(m.pays.has_value());
      EXPECT_EQ(*m.pays, om::money::from_major(4 * m.population)) << m.id;
    } else {
      EXPECT_FALSE(m.pays.has_value()) << m.id;  // not named: unknown, never 0
    }
  EXPECT_EQ(members, "kungsor vasteras sala ");  // SCB code order: 1960, 1980, 1981
  EXPECT_EQ(r.members_pay.known, om::money::from_major(764'632));
  EXPECT_TRUE(r.members_pay.exact());
  EXPECT_EQ(r.unknown_count, 7U);
  // All ten: 4 × 280 813 = 1 123 252 SEK.
  EXPECT_EQ(r.all_would_pay, om::money::from_major(1'123'252));
  // Seats now (bundled SBA model): three KSOs at the yearly KSO meeting, Västerås's chief
  // executive on the operative steering group (L1801–1802) and its business manager in the working group.
  EXPECT_EQ(r.member_seats, 5);
}

TEST(SbaOverlap, WhatEachModelAddsOrDuplicates) {
  ASSERT_EQ(vastmanland_sba().models.size(), 7U);
  // All ten in SBA: KSO meeting 10 seats + the steering group's and working group's 1 each = 12.
  for (const auto& o : vastmanland_sba().models) EXPECT_EQ(o.alliance_seats, 12) << to_string(o.category);
  // 1A: the municipalities pay 10 SEK × 280 813 = 2 808 130 SEK; with SBA 2 808 130 + 1 123 252 = 3 931 382.
  const auto& a = sba_row(om::model_category::c1A);
  EXPECT_EQ(a.model_municipal.known, om::money::from_major(2'808'130));
  EXPECT_EQ(a.both.known, om::money::from_major(3'931'382));
  // Same municipality, same post: 10 KSOs (steering group = KSO meeting), Västerås's business
  // manager (management group = working group), Västerås's chief executive (the host's signatory
  // = SBA's steering group) = 12; the team duplicates SBA's team.
  EXPECT_EQ(a.duplicated_seats, 12);
  EXPECT_EQ(a.duplicated_bodies.size(), 4U);
  EXPECT_TRUE(a.added_bodies.empty());
  // Who sits on both: the ten KSOs, Västerås twice (chief executive, business manager), and the
  // teams, which share no seat (both promote the same municipalities, L2011–2018).
  std::vector<std::size_t> shared;
  for (const auto& x : a.duplicated_bodies) shared.push_back(x.shared.size());
  std::sort(shared.begin(), shared.end());
  EXPECT_EQ(shared, (std::vector<std::size_t>{0, 1, 1, 10}));
  // The posts in the study's Swedish titles: "kommundirektörer" (L1801), "näringslivschefer" (L131).
  std::string all;
  for (const auto& x : a.duplicated_bodies) all += sc::to_text(vastmanland_sba(), x) + "\n";
  EXPECT_NE(all.find("(Västerås on both, as kommundirektör)"), std::string::npos) << all;
  EXPECT_NE(all.find("(Västerås on both, as näringslivschef)"), std::string::npos) << all;
  EXPECT_NE(all.find("(10 municipalities on both, as KSO)"), std::string::npos) << all;
  // 2B: a regional unit, no municipal seat, no municipal money: SBA adds its three bodies and
  // 1 123 252 SEK; only the team is duplicated.
  const auto& b = sba_row(om::model_category::c2B);
  EXPECT_EQ(b.model_municipal.known, om::money{});
  EXPECT_EQ(b.both.known, om::money::from_major(1'123'252));
  EXPECT_EQ(b.duplicated_seats, 0);
  EXPECT_EQ(b.duplicated_bodies.size(), 1U);
  EXPECT_EQ(b.added_bodies.size(), 3U);
  // 4A is SBA's own model for one county: members' meeting of the ten KSOs, Västerås's chief
  // executive and business manager → 12 seats twice; the municipalities pay 1 123 252 twice.
  const auto& d = sba_row(om::model_category::c4A);
  EXPECT_EQ(d.duplicated_seats, 12);
  EXPECT_EQ(d.both.known, om::money::from_major(2 * 1'123'252));
}

TEST(SbaOverlap, TextAndJsonKeepUnknownsUnknown) {
  const auto j = sc::to_json(vastmanland_sba());
  EXPECT_EQ(j["all_would_pay"], "1123252.00");
  EXPECT_EQ(j["members_pay"], "764632.00");
  for (const auto& m : j["municipalities"])
    if (m["status"] == "unknown") {
      EXPECT_TRUE(m["pays"].is_null()) << m["id"];
    }
  std::ostringstream t;
  sc::print_text(vastmanland_sba(), t);
  EXPECT_NE(t.str().find("Västerås"), std::string::npos);   // names in text
  EXPECT_EQ(t.str().find("vasteras"), std::string::npos);   // ids only in JSON
  EXPECT_NE(t.str().find("1 123 252"), std::string::npos);
  EXPECT_NE(t.str().find("unknown (not named)"), std::string::npos);
}
