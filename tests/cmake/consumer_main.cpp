// A program that uses orgmodel the way a consumer project does: builds a model in C++, round-trips
// it through JSON, views a layer as a BGL graph, and loads a model file given as argument.
#include <iostream>
#include <string>

#include <orgmodel/graph/layer_graph.hpp>
#include <orgmodel/io/json.hpp>
#include <orgmodel/model/builder.hpp>
#include <orgmodel/version.hpp>

int main(int argc, char** argv) {
  namespace om = orgmodel;
  om::model_builder b("consumer", "Consumer");
  auto region = b.add_organisation({.id = "region", .name = "Region", .kind = om::organisation_kind::region});
  auto kom = b.add_organisation({.id = "kom", .name = "Kommun", .kind = om::organisation_kind::municipality, .population = 1000});
  auto sg = b.add_body({.id = "sg", .name = "Styrgrupp", .organisation = region});
  b.add_seat({.body = sg, .holder = kom});
  b.add_funding_rule({.id = "fee", .payer = kom, .recipient = region, .basis = om::funding_basis::per_inhabitant,
                      .rate = om::money::from_major(10)});
  const om::model m = std::move(b).build();
  const bool round_trip = om::from_json(om::to_json(m)) == m;
  const om::layer_graph g(m, om::relation_layer::governance);
  std::cout << "orgmodel " << om::version_string << ": " << m.organisations().size() << " organisations, "
            << g.num_edges() << " governance edge, round trip " << (round_trip ? "ok" : "FAILED") << '\n';
  if (argc > 1) {
    const om::model f = om::load_model_file(argv[1]);
    std::cout << f.info().id << ": " << f.organisations().size() << " organisations, " << f.bodies().size() << " bodies\n";
  }
#ifdef CONSUMER_CHECK_SCHEMA
  // Installed packages ship the data directory (schema, bundled models) under share/orgmodel.
  std::cout << "schema " << (om::read_text_file(std::string(ORGMODEL_DATA_DIR) + "/model.schema.json").find("draft-07") != std::string::npos ? "installed" : "MISSING") << '\n';
#endif
  return round_trip ? 0 : 1;
}
