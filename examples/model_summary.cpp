// Loads a model file and prints its summary: what it holds, its bodies and its funding rules.
// Usage: example_model_summary [model.json]   (default: the test fixture every-field.json)
#include <iostream>
#include <string>

#include "orgmodel/io/json.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/model_tables.hpp"
#include "orgmodel/present/table.hpp"

namespace om = orgmodel;

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : ORGMODEL_FIXTURES_DIR "/every-field.json";
  try {
    const om::model m = om::load_model_file(path);
    std::cout << m.info().name << " (" << m.info().id << ")\n\n";
    // The presentation layer's tables, as `orgmodel validate` and `orgmodel show` print them.
    om::text_table counts({"element", "count"}, {om::text_table::align::left, om::text_table::align::right});
    const auto counted = om::to_json(om::count_elements(m));
    for (const auto& [element, n] : counted.items()) counts.row({element, om::count_cell(n.get<std::int64_t>())});
    counts.print(std::cout);

    std::cout << "\nBodies\n";
    om::bodies_table(m).print(std::cout);

    std::cout << "\nFunding rules\n";
    om::text_table rules({"rule", "payer", "recipient", "basis", "amount", "rate", "ratio"},
                         {om::text_table::align::left, om::text_table::align::left, om::text_table::align::left,
                          om::text_table::align::left, om::text_table::align::right, om::text_table::align::right,
                          om::text_table::align::right});
    for (const om::funding_rule& r : m.funding_rules())
      rules.row({r.id, m[r.payer].id, m[r.recipient].id, std::string(om::to_string(r.basis)), om::amount_cell(r.amount),
                 om::amount_cell(r.rate), r.ratio.str()});
    rules.print(std::cout);
  } catch (const om::error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
