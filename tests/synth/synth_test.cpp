#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "orgmodel/io/edge_list.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/synth/nation.hpp"

namespace om = orgmodel;
namespace sy = orgmodel::synth;

TEST(SynthFit, LognormalMatchesIndependentComputation) {
  // /usr/bin/python3 on data/scb/se_municipalities_2023.csv:
  //   l = [math.log(p) for p in pops]; mu = sum(l)/290; sigma = sqrt(sum((x-mu)**2 for x in l)/290)
  //   → mu = 9.877228722037064, sigma = 0.9996651928705385
  const auto f = sy::swedish_municipality_fit();
  EXPECT_EQ(f.n, 290u);
  EXPECT_NEAR(f.mu, 9.877228722037064, 1e-12);
  EXPECT_NEAR(f.sigma, 0.9996651928705385, 1e-12);
  EXPECT_NEAR(f.median(), 19481.66, 0.01);
}

TEST(SynthRandom, XoshiroReferenceValues) {
  // splitmix64 from state 0: Vigna's reference output starts 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
  std::uint64_t s = 0;
  EXPECT_EQ(sy::splitmix64(s), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(sy::splitmix64(s), 0x6E789E6AA1B965F4ULL);
  sy::xoshiro256ss a(42, 1), b(42, 1), c(42, 2);
  EXPECT_EQ(a(), b());
  EXPECT_NE(a(), c());
}

TEST(Synth, SwedenSizedNationValidates) {
  sy::synth_options o;
  o.seed = 7;
  om::model m = sy::generate(o);  // validates
  const auto c = sy::count(m.data());
  EXPECT_EQ(c.municipalities, 290u);
  EXPECT_GE(c.counties, 14u);  // sizes uniform in [7, 20]: 290 / 20 ≥ 14.5
  EXPECT_LE(c.counties, 42u);
  EXPECT_GE(c.partnerships, 1u);
  EXPECT_GT(c.companies, 290u);
  EXPECT_GT(c.seats, c.bodies);
  // Every organised county's joint organisation carries its category; at least some are organised.
  std::set<om::model_category> cats;
  for (const auto& org : m.organisations())
    if (org.category) cats.insert(*org.category);
  EXPECT_GE(cats.size(), 3u);
  // Overlapping membership: some municipality is a member of two joint organisations.
  std::map<std::uint32_t, int> memberships;
  for (const auto& x : m.memberships())
    if (m[x.member].kind == om::organisation_kind::municipality) ++memberships[x.member.value];
  int overlapping = 0;
  for (auto& [_, k] : memberships) overlapping += k >= 2;
  EXPECT_GT(overlapping, 0);
  // Ownership chains: a holding owns a subsidiary that a municipality does not own directly.
  bool chain = false;
  for (const auto& ow : m.ownerships()) chain = chain || (m[ow.owner].id.starts_with("h") && m[ow.owned].id.starts_with("k"));
  EXPECT_TRUE(chain);
}

TEST(Synth, SameSeedSameBytesDifferentSeedDifferent) {
  sy::synth_options o;
  o.municipalities = 300;
  o.seed = 11;
  const std::string a = om::to_json(sy::generate(o));
  const std::string b = om::to_json(sy::generate(o));
  EXPECT_EQ(a, b);
  o.seed = 12;
  EXPECT_NE(a, om::to_json(sy::generate(o)));
}

TEST(Synth, JsonWrittenLoadsBackEqual) {
  sy::synth_options o;
  o.municipalities = 400;
  o.seed = 3;
  o.cross_holding_share = 0.3;
  const om::model m = sy::generate(o);
  const auto path = std::filesystem::temp_directory_path() / "orgmodel_synth_roundtrip.json";
  om::save_model_file(m, path.string());
  const om::model back = om::load_model_file(path.string());
  EXPECT_TRUE(back == m);
  std::filesystem::remove(path);
}

TEST(Synth, CrossHoldingsAreMutual) {
  sy::synth_options o;
  o.municipalities = 200;
  o.cross_holding_share = 0.5;
  const om::model m = sy::generate(o);
  std::set<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (const auto& ow : m.ownerships()) edges.insert({ow.owner.value, ow.owned.value});
  int mutual = 0;
  for (auto [a, b] : edges) mutual += edges.contains({b, a}) ? 1 : 0;
  EXPECT_GT(mutual, 0);
  EXPECT_EQ(mutual % 2, 0);
}

TEST(Synth, PopulationsFollowTheFit) {
  sy::synth_options o;
  o.municipalities = 20000;
  o.seed = 5;
  o.holding_share = 0;
  const auto d = sy::generate_data(o);
  double s = 0, ss = 0;
  std::size_t n = 0;
  for (const auto& org : d.organisations)
    if (org.kind == om::organisation_kind::municipality) {
      const double l = std::log(static_cast<double>(*org.population));
      s += l;
      ss += l * l;
      ++n;
    }
  ASSERT_EQ(n, 20000u);
  const double mean = s / static_cast<double>(n);
  const double sd = std::sqrt(ss / static_cast<double>(n) - mean * mean);
  const auto f = sy::swedish_municipality_fit();
  // Standard errors: sigma/√n ≈ 0.0071 for the mean, sigma/√(2n) ≈ 0.005 for the sd; allow 4.
  EXPECT_NEAR(mean, f.mu, 4 * 0.0071);
  EXPECT_NEAR(sd, f.sigma, 4 * 0.005);
}

TEST(Synth, ProgressAndBadOptions) {
  sy::synth_options o;
  o.municipalities = 1000;
  int calls = 0;
  std::uint64_t last_done = 0;
  o.progress = [&](const sy::synth_progress& p) {
    ++calls;
    if (p.phase == "companies") last_done = p.done;
  };
  (void)sy::generate_data(o);
  EXPECT_GT(calls, 10);
  EXPECT_EQ(last_done, 1000u);
  o.municipalities = 0;
  EXPECT_THROW(sy::generate_data(o), om::invalid_model);
  o.municipalities = 10;
  o.template_mix = {0, 0, 0, 0, 0, 0, 0};
  EXPECT_THROW(sy::generate_data(o), om::invalid_model);
}

TEST(EdgeList, LayersWriteOneLinePerVertexAndEdge) {
  sy::synth_options o;
  o.municipalities = 120;
  const om::model m = sy::generate(o);
  const auto dir = std::filesystem::temp_directory_path() / "orgmodel_edge_lists";
  std::filesystem::remove_all(dir);
  const auto counts = om::write_edge_lists(m, dir);
  auto lines = [](const std::filesystem::path& p) {
    std::ifstream f(p);
    std::size_t k = 0;
    for (std::string s; std::getline(f, s);) ++k;
    return k;
  };
  for (const auto& c : counts) {
    const std::string name(om::to_string(c.layer));
    EXPECT_EQ(lines(dir / (name + ".vertices.csv")), c.vertices + 1) << name;
    EXPECT_EQ(lines(dir / (name + ".edges.csv")), c.edges + 1) << name;
  }
  EXPECT_EQ(counts[0].edges, m.seats().size());
  EXPECT_EQ(counts[0].vertices, m.organisations().size() + m.bodies().size());
  EXPECT_EQ(counts[2].edges, m.ownerships().size());
  // The first governance edge: a seat's holder → its body, weight = votes.
  std::ifstream f(dir / "governance.edges.csv");
  std::string header;
  std::getline(f, header);
  EXPECT_EQ(header, "source,target,weight");
  std::filesystem::remove_all(dir);
}
