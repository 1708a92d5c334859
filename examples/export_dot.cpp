// Writes one relation layer of a model as Graphviz DOT on standard output.
// Usage: example_export_dot [model.json [layer]]   layers: governance escalation ownership funding
// membership affiliation. Default: the governance layer of the test fixture tricky-ids.json, whose
// ids are DOT keywords ("node", "graph") and whose names hold quotes and backslashes.
// ctest pipes this output through `dot -Tsvg` for every fixture and bundled model.
#include <iostream>
#include <string>

#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"

namespace om = orgmodel;

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : ORGMODEL_FIXTURES_DIR "/tricky-ids.json";
  const std::string layer = argc > 2 ? argv[2] : "governance";
  try {
    auto l = om::parse_enum<om::relation_layer>(layer);
    if (!l) {
      std::cerr << "unknown layer \"" << layer << "\"\n";
      return 2;
    }
    const om::model m = om::load_model_file(path);
    om::write_dot(std::cout, om::layer_graph(m, *l));
  } catch (const om::error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
