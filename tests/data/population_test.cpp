#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "orgmodel/data/population.hpp"

namespace od = orgmodel::data;

// Figures from SCB's table for 31 Dec 2023 (data/scb/README.md) and the study digest.
TEST(Population, OrebroLanTotalsMatchScb) {
  EXPECT_EQ(od::county("Örebro län").population, 308116);
  EXPECT_EQ(od::county("18").municipalities, 12);
  std::int64_t sum = 0;
  for (const auto* m : od::municipalities_of("18")) sum += m->population;
  EXPECT_EQ(sum, 308116);
}

TEST(Population, LookupByNameSlugAndCode) {
  EXPECT_EQ(od::municipality("Kiruna").population, 22433);
  EXPECT_EQ(&od::municipality("malung-salen"), &od::municipality("Malung-Sälen"));
  EXPECT_EQ(od::municipality("1880").name, "Örebro");
  EXPECT_THROW((void)od::municipality("Atlantis"), orgmodel::lookup_error);
  EXPECT_EQ(od::slug("Upplands Väsby"), "upplands-vasby");
}

TEST(Population, EmbeddedTableMatchesShippedCsv) {
  std::ifstream in(ORGMODEL_SOURCE_DIR "/data/scb/se_municipalities_2023.csv");
  ASSERT_TRUE(in);
  std::string line;
  std::getline(in, line);  // header
  std::size_t n = 0;
  std::int64_t total = 0;
  while (std::getline(in, line)) {
    std::stringstream s(line);
    std::string code, name, county_code, county, pop;
    std::getline(s, code, ',');
    std::getline(s, name, ',');
    std::getline(s, county_code, ',');
    std::getline(s, county, ',');
    std::getline(s, pop, ',');
    const auto& m = od::municipality(code);
    EXPECT_EQ(m.name, name);
    EXPECT_EQ(m.population, std::stoll(pop));
    total += m.population;
    ++n;
  }
  EXPECT_EQ(n, 290u);
  EXPECT_EQ(total, 10551707);  // SCB: Sweden's population on 31 Dec 2023
}

// A county as people write it: every spelling is the one county with code 19 (SCB's code for
// Västmanlands län); "Dalarna" drops no s of its own ("Dalarnas län", code 20).
TEST(Population, CountyAsPeopleWriteIt) {
  for (const char* written : {"Västmanlands län", "Västmanland", "västmanlands län", "VÄSTMANLAND", "Vastmanland",
                              "VASTMANLANDS LAN", " västmanland ", "19"})
    EXPECT_EQ(od::county(written).code, "19") << written;
  EXPECT_EQ(od::county("Dalarna").code, "20");
  EXPECT_EQ(od::county("dalarnas län").code, "20");
  EXPECT_EQ(od::county("Skåne").code, "12");
  EXPECT_EQ(od::county("västra götaland").code, "14");
  EXPECT_EQ(od::find_county("län"), nullptr);
  EXPECT_EQ(od::find_county(""), nullptr);
  try {
    (void)od::county("Gotlandia");
    FAIL() << "no county is Gotlandia";
  } catch (const orgmodel::lookup_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("\"Gotlandia\""), std::string::npos) << what;
    EXPECT_NE(what.find("close: Gotlands län (09)"), std::string::npos) << what;
  }
}
