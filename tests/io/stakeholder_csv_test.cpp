// The stakeholder CSV `orgmodel allocate` reads: semicolon-separated spreadsheets, the CSV that
// orgmodel itself writes, and the inputs it must refuse rather than misread.
#include <gtest/gtest.h>

#include <string>

#include "orgmodel/io/stakeholder_csv.hpp"

namespace om = orgmodel;

// A Swedish spreadsheet saves "Luleå;79352" (SCB 2023: Luleå 79 352 inhabitants, Piteå 42 275);
// before, this read as one stakeholder named "Luleå;79352" with weight 1.
TEST(StakeholderCsv, SemicolonSeparatedIsRead) {
  const auto t = om::parse_stakeholder_csv("name;population\nLuleå;79352\nPiteå;42275\n");
  ASSERT_EQ(t.names.size(), 2U);
  EXPECT_EQ(t.names[0], "Luleå");
  EXPECT_EQ(t.weights[0], 79352);
  EXPECT_EQ(t.names[1], "Piteå");
  EXPECT_EQ(t.weights[1], 42275);
}

TEST(StakeholderCsv, BothSeparatorsInTheHeaderAreRefused) {
  try {
    (void)om::parse_stakeholder_csv("name;population,cost\na;1,2\n");
    FAIL() << "no error";
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.pointer(), "line 1");
    EXPECT_NE(std::string(e.what()).find("both ',' and ';'"), std::string::npos) << e.what();
  }
}

// A header whose weight column has another name ("kommun;invånare") is refused, not read as
// everyone weighing 1.
TEST(StakeholderCsv, NoWeightColumnIsRefusedWhenOtherColumnsExist) {
  EXPECT_THROW((void)om::parse_stakeholder_csv("kommun;invånare\nLuleå;79352\n"), om::lookup_error);
  // Names and stand-alone costs only: the airport game, everyone weighs 1.
  const auto t = om::parse_stakeholder_csv("name,cost\nA,8\nB,11\n");
  EXPECT_EQ(t.weights, (std::vector<std::int64_t>{1, 1}));
}

// What `orgmodel allocate --format csv` writes (stakeholder,weight,amount) and what
// `orgmodel funding --view compare --format csv` writes (recipient,payer,population,…) read back:
// the name column by its key, plain integer weights.
TEST(StakeholderCsv, ReadsOrgmodelsOwnCsv) {
  const auto a = om::parse_stakeholder_csv("stakeholder,weight,amount\r\norebro,157000,500.00\r\nkumla,22000,70.00\r\n");
  EXPECT_EQ(a.names, (std::vector<std::string>{"orebro", "kumla"}));
  EXPECT_EQ(a.weights, (std::vector<std::int64_t>{157000, 22000}));
  const auto f = om::parse_stakeholder_csv(
      "recipient,payer,population,actual,fair\r\nbro,orebro,157000,1.00,1.00\r\nbro,kumla,22000,1.00,1.00\r\n");
  EXPECT_EQ(f.names, (std::vector<std::string>{"orebro", "kumla"}));
  EXPECT_EQ(f.weights, (std::vector<std::int64_t>{157000, 22000}));
}

// What `orgmodel funding --view flows --format csv` writes: one row per rule, a payer on several
// rows, amounts in SEK. Each payer weighs its amounts summed, in öre: a = 100.00 + 0.25 SEK =
// 10 025 öre, b = 50.50 SEK = 5 050 öre.
TEST(StakeholderCsv, ReadsFundingFlowsSummingEachPayersAmounts) {
  const auto t = om::parse_stakeholder_csv(
      "rule,payer,recipient,purpose,basis,computation,amount,flags\r\n"
      "r1,a,x,base,fixed,fixed,100.00,\r\n"
      "r2,b,x,base,per_inhabitant,\"0.50 × 101 (2023)\",50.50,\r\n"
      "r3,a,y,base,fixed,fixed,0.25,\r\n");
  EXPECT_EQ(t.names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.weights, (std::vector<std::int64_t>{10'025, 5'050}));
}

// An unknown flow (an empty amount) is refused with its line, never weighed 0; without a "rule"
// column a payer twice is still a duplicate.
TEST(StakeholderCsv, UnknownFlowAmountsAndDuplicatesOutsideFlowsAreRefused) {
  try {
    (void)om::parse_stakeholder_csv("rule,payer,amount\nr1,a,100.00\nr2,b,\n");
    FAIL() << "no error";
  } catch (const om::parse_error& e) {
    EXPECT_EQ(e.pointer(), "line 3");
  }
  EXPECT_THROW((void)om::parse_stakeholder_csv("payer,amount\na,1.00\na,2.00\n"), om::parse_error);
}
