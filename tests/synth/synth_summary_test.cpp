// The printed summary of a synthetic-nation run (present/synth_summary.hpp), against counts set
// by hand, and against a generated nation's own model.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "orgmodel/present/synth_summary.hpp"
#include "orgmodel/synth/nation.hpp"

namespace {

orgmodel::synth_summary hand_made_summary() {
  orgmodel::synth_summary s;
  s.model = "synth-7-3";
  s.seed = 7;
  s.counts.organisations = 11;
  s.counts.bodies = 13;
  s.counts.seats = 40;
  s.counts.municipalities = 3;
  s.counts.counties = 1;
  s.counts.companies = 5;
  s.counts.ownerships = 9;
  s.seconds = 1.256;
  return s;
}

}  // namespace

TEST(SynthSummary, JsonCarriesEveryCountAsANumberAndEntitiesAsTheirSum) {
  const auto j = orgmodel::to_json(hand_made_summary());
  EXPECT_EQ(j["model"], "synth-7-3");
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["municipalities"], 3);
  EXPECT_EQ(j["ownerships"], 9);
  EXPECT_EQ(j["entities"], 64);  // 11 organisations + 13 bodies + 40 seats
  EXPECT_DOUBLE_EQ(j["seconds"].get<double>(), 1.256);
  EXPECT_FALSE(j.contains("layers"));  // no edge lists written
}

TEST(SynthSummary, CsvIsOneRowWithAColumnPerCountAndTwoPerLayer) {
  auto s = hand_made_summary();
  s.layers.push_back({orgmodel::relation_layer::ownership, 11, 9});
  std::ostringstream out;
  orgmodel::synth_summary_row(s).print_csv(out);
  EXPECT_EQ(out.str(),
            "model,seed,municipalities,counties,partnerships,companies,organisations,bodies,seats,entities,ownerships,"
            "funding_rules,memberships,escalations,seconds,ownership_vertices,ownership_edges\r\n"
            "synth-7-3,7,3,1,0,5,11,13,40,64,9,0,0,0,1.26,11,9\r\n");
  const auto manifest = orgmodel::edge_list_manifest(s.model, s.layers);
  EXPECT_EQ(manifest["layers"]["ownership"]["edges"], 9);
  EXPECT_EQ(manifest["model"], "synth-7-3");
}

TEST(SynthSummary, TableOfAGeneratedNationCountsWhatItsModelHolds) {
  orgmodel::synth::synth_options o;
  o.municipalities = 4;
  const auto d = orgmodel::synth::generate_data(o);
  orgmodel::synth_summary s{"n", o.seed, orgmodel::synth::count(d), 0.5, {}};
  std::ostringstream out;
  orgmodel::synth_summary_table(s).print(out);
  // The "seats" row's count, read back from the text, is the data's own seat vector's size.
  std::istringstream lines(out.str());
  std::string line, seats_count;
  while (std::getline(lines, line))
    if (line.rfind("seats ", 0) == 0) seats_count = line.substr(line.find_last_of(' ') + 1);
  EXPECT_EQ(seats_count, std::to_string(d.seats.size())) << out.str();
}
