// Municipality ids: distinct for all 290 municipalities, and lookups that do not confuse Håbo
// (Uppsala län, SCB 0305) with Habo (Jönköpings län, SCB 0643) — issue #11 item 9.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "orgmodel/data/population.hpp"

namespace od = orgmodel::data;

TEST(MunicipalityId, AllDistinctOverTheNation) {
  std::set<std::string> ids;
  for (const auto& m : od::municipalities()) ids.insert(od::municipality_id(m));
  // SCB 2023 lists 290 municipalities; every id differs.
  EXPECT_EQ(od::municipalities().size(), 290U);
  EXPECT_EQ(ids.size(), 290U);
}

TEST(MunicipalityId, HaboAndHaboAreTwo) {
  // Folding å to a makes both "habo"; the SCB code keeps them apart.
  EXPECT_EQ(od::slug("Håbo"), od::slug("Habo"));
  EXPECT_EQ(od::municipality_id(od::municipality("0305")), "habo-0305");
  EXPECT_EQ(od::municipality_id(od::municipality("0643")), "habo-0643");
  // A name that folds uniquely keeps its plain slug (the bundled models' convention).
  EXPECT_EQ(od::municipality_id(od::municipality("Malung-Sälen")), "malung-salen");
  EXPECT_EQ(od::municipality_id(od::municipality("Örebro")), "orebro");
}

TEST(MunicipalityId, LookupsPreferTheExactName) {
  EXPECT_EQ(od::municipality("Habo").code, "0643");
  EXPECT_EQ(od::municipality("Håbo").code, "0305");
  EXPECT_EQ(od::municipality("habo-0305").name, "Håbo");
  // The shared slug is ambiguous: neither is chosen silently.
  EXPECT_EQ(od::find_municipality("habo"), nullptr);
  EXPECT_THROW((void)od::municipality("habo"), orgmodel::lookup_error);
  // Every id finds its own municipality.
  for (const auto& m : od::municipalities()) EXPECT_EQ(od::municipality(od::municipality_id(m)).code, m.code) << m.name;
}
