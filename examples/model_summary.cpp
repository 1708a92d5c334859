// Loads a model file and prints its summary: what it holds, its bodies and its funding rules.
// Usage: example_model_summary [model.json]   (default: the test fixture every-field.json)
#include <iostream>
#include <string>

#include "orgmodel/io/json.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/model/queries.hpp"

namespace om = orgmodel;

namespace {
std::string cadence_text(const std::optional<om::cadence>& c) {
  if (!c) return "unknown";
  auto num = [](double x) {
    std::string s = std::to_string(x);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  return c->low == c->high ? num(c->low) : num(c->low) + "–" + num(c->high);
}
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : ORGMODEL_FIXTURES_DIR "/every-field.json";
  try {
    const om::model m = om::load_model_file(path);
    std::cout << m.info().name << " (" << m.info().id << ")\n\n";
    om::text_table counts({"element", "count"}, {om::text_table::align::left, om::text_table::align::right});
    auto count = [&](const char* what, std::size_t n) { counts.row({what, std::to_string(n)}); };
    count("organisations", m.organisations().size());
    count("bodies", m.bodies().size());
    count("seats", m.seats().size());
    count("affiliations", m.affiliations().size());
    count("escalation lines", m.escalations().size());
    count("ownerships", m.ownerships().size());
    count("funding rules", m.funding_rules().size());
    count("memberships", m.memberships().size());
    count("representations", m.representations().size());
    count("budget figures", m.budgets().size());
    counts.print(std::cout);

    std::cout << "\nBodies\n";
    om::text_table bodies({"body", "kind", "layer", "of", "meetings/yr", "seats"},
                          {om::text_table::align::left, om::text_table::align::left, om::text_table::align::left,
                           om::text_table::align::left, om::text_table::align::right, om::text_table::align::right});
    for (std::uint32_t i = 0; i < m.bodies().size(); ++i) {
      const om::body& b = m.bodies()[i];
      std::size_t seats = 0;
      for ([[maybe_unused]] const om::seat& s : om::seats_on(m, om::body_index(i))) ++seats;
      bodies.row({b.name, std::string(om::to_string(b.kind)), std::string(om::to_string(b.layer)), m[b.organisation].id,
                  cadence_text(b.meetings_per_year), std::to_string(seats)});
    }
    bodies.print(std::cout);

    std::cout << "\nFunding rules\n";
    om::text_table rules({"rule", "payer", "recipient", "basis", "amount", "rate", "ratio"},
                         {om::text_table::align::left, om::text_table::align::left, om::text_table::align::left,
                          om::text_table::align::left, om::text_table::align::right, om::text_table::align::right,
                          om::text_table::align::right});
    for (const om::funding_rule& r : m.funding_rules())
      rules.row({r.id, m[r.payer].id, m[r.recipient].id, std::string(om::to_string(r.basis)), r.amount.str(), r.rate.str(),
                 r.ratio.str()});
    rules.print(std::cout);
  } catch (const om::error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
