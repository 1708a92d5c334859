// The umbrella header includes every public header: each header's own include guard macro or a
// type it declares is visible after including only orgmodel.hpp. distributed/ needs MPI and is left out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "orgmodel/orgmodel.hpp"

TEST(Umbrella, IncludesEveryPublicHeader) {
  // Read the umbrella's own include lines and compare with the headers on disk (detail/ excluded).
  const std::filesystem::path inc = std::filesystem::path(ORGMODEL_SOURCE_DIR) / "include";
  std::set<std::string> on_disk, included;
  for (const auto& e : std::filesystem::recursive_directory_iterator(inc / "orgmodel")) {
    const auto rel = std::filesystem::relative(e.path(), inc).generic_string();
    if (e.path().extension() == ".hpp" && rel.find("/detail/") == std::string::npos && rel != "orgmodel/orgmodel.hpp" &&
        rel.rfind("orgmodel/distributed/", 0) != 0)  // MPI-only: orgmodel::distributed
      on_disk.insert(rel);
  }
  on_disk.insert("orgmodel/version.hpp");  // generated from the project version into the build tree
  std::ifstream in(inc / "orgmodel" / "orgmodel.hpp");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("#include \"", 0) == 0) included.insert(line.substr(10, line.find('"', 10) - 10));
  EXPECT_EQ(on_disk, included);
  // And it compiles together: a few names from different modules.
  EXPECT_EQ(orgmodel::to_string(orgmodel::relation_layer::funding), "funding");
  EXPECT_EQ(orgmodel::money::from_major(1).minor(), 100);
}
