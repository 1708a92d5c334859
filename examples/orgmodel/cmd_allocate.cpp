// orgmodel allocate: split a total among stakeholders (from a model or a CSV), exact to the öre.

#include "cli.hpp"
#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/io/stakeholder_csv.hpp"

namespace cmd_allocate {  // named, not anonymous: the commands share unity batches

using namespace orgmodel;

using stakeholders = stakeholder_table;

stakeholders read_csv(const std::string& path, const std::optional<std::string>& weight_col) {
  return parse_stakeholder_csv(read_text_file(path), weight_col, path);
}

// From a model: the municipal payers of --recipient in --year, weighted by population.
stakeholders from_model(const model& m, const cli::arguments& args) {
  const auto rid = args.get_or("recipient", m.info().id);
  const auto recipient = m.organisation_at(rid);
  const int year = cli::year_option(args, 2024);
  const auto ev = evaluate_funding(m, year);
  stakeholders s;
  std::vector<char> seen(m.organisations().size(), 0);
  for (const auto& f : ev.flows) {
    const auto& p = m[f.payer];
    if (f.recipient != recipient || p.kind != organisation_kind::municipality || seen[f.payer.value]) continue;
    seen[f.payer.value] = 1;
    if (!p.population) throw lookup_error("the population of \"" + p.id + "\" is unknown");
    s.names.push_back(p.id);
    s.weights.push_back(*p.population);
  }
  if (s.names.empty()) throw lookup_error("no municipality pays \"" + rid + "\" in " + std::to_string(year));
  return s;
}

int run(const cli::arguments& args, std::ostream& out) {
  if (args.positional().size() != 1) throw cli::usage_error("allocate needs one model (file or bundled id) or CSV file");
  const auto total_text = args.get("total");
  if (!total_text) throw cli::usage_error("--total is required (SEK, e.g. 4500000 or 1.60)");
  const auto total = money::parse(*total_text);
  if (!total) throw cli::usage_error("--total must be an exact amount in SEK, not \"" + *total_text + "\"");
  if (!(money() < *total)) throw cli::usage_error("--total must be a positive amount in SEK, not \"" + *total_text + "\"");
  const auto method_text = args.get_or("method", "proportional");
  const auto method = parse_enum<allocation_method>(method_text == "shapley-sample" ? "shapley_sample"
                                                    : method_text == "rate-matching" ? "rate_matching" : method_text);
  if (!method) throw cli::usage_error("--method must be equal, proportional, rate_matching, shapley, airport, shapley_sample or nucleolus");
  const auto& src = args.positional()[0];
  stakeholders s = src.ends_with(".csv") ? read_csv(src, args.get("weight")) : from_model(cli::load_model(src), args);
  const std::size_t n = s.names.size();

  std::vector<money> parts;
  std::vector<std::string> extra_head;
  std::vector<std::vector<std::string>> extra(n);
  std::string note;
  auto need_costs = [&] {
    if (!s.has_costs) throw cli::usage_error("the game methods need a CSV with a \"cost\" column of stand-alone costs");
    if (s.costs.empty()) throw cli::usage_error("no stakeholders");
    money top;
    for (auto c : s.costs) top = std::max(top, c);
    if (top != *total) note = "note: the game's grand-coalition cost is " + format_amount(top) + " SEK (the largest stand-alone cost), not --total";
  };
  switch (*method) {
    case allocation_method::equal: parts = allocate_equal(*total, n); break;
    case allocation_method::proportional: parts = allocate_proportional(*total, s.weights); break;
    case allocation_method::rate_matching: {
      auto ratio = share::parse(args.get_or("ratio", "1"));
      if (!ratio || *ratio < share::zero()) throw cli::usage_error("--ratio must be a non-negative share such as 1, 0.5 or 50%");
      auto r = allocate_rate_matching(*total, s.weights, *ratio);
      parts = r.members;
      s.names.emplace_back("matching party");
      s.weights.push_back(0);
      parts.push_back(r.matcher);
      extra.emplace_back();
      note = "implied rate " + r.rate.str() + " SEK per inhabitant (exactly " + r.rate_ore.str() + " öre)";
      break;
    }
    case allocation_method::airport: {
      need_costs();
      auto r = shapley_airport(s.costs);
      parts = r.allocation;
      break;
    }
    case allocation_method::shapley: {
      need_costs();
      if (n > 20) throw cli::usage_error("exact Shapley needs n ≤ 20 here; use --method airport or shapley_sample");
      parts = shapley_exact(tabular_cost_game::airport(s.costs)).allocation;
      break;
    }
    case allocation_method::nucleolus: {
      need_costs();
      if (n > 8) throw cli::usage_error("the nucleolus is computed for n ≤ 8 here");
      parts = nucleolus(tabular_cost_game::airport(s.costs)).allocation;
      break;
    }
    case allocation_method::shapley_sample: {
      need_costs();
      airport_game g(s.costs);
      shapley_sample_options o;
      o.permutations = static_cast<std::size_t>(cli::count_option(args, "permutations", 10000, 2, 100'000'000));
      o.seed = cli::count_option(args, "seed", 1);
      const auto conf = args.get_or("confidence", "0.95");
      auto c = share::parse(conf);
      if (!c || !(share::zero() < *c) || !(*c < share::one()))
        throw cli::usage_error("--confidence must lie strictly between 0 and 1 (0.95 or 95%), not \"" + conf + "\"");
      o.confidence = c->value();
      auto e = shapley_sample(n, g, g.total(), o);
      parts = e.allocation;
      extra_head = {"estimate", "half_width"};
      for (std::size_t i = 0; i < n; ++i) {
        extra[i].push_back(format_fixed(e.mean[i] / 100, 2));
        extra[i].push_back(format_fixed(e.half_width[i] / 100, 2));
      }
      note = std::to_string(o.permutations) + " random orders, " + std::to_string(o.confidence * 100).substr(0, 4) +
             " % confidence intervals (normal approximation)";
      break;
    }
  }
  money sum;
  for (auto p : parts) sum += p;
  if (args.format() == cli::output_format::json) {
    nlohmann::ordered_json j{{"method", to_string(*method)}, {"total", sum.str()}};
    auto& rows = j["parts"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      nlohmann::ordered_json r{{"name", s.names[i]}, {"weight", s.weights[i]}, {"amount", parts[i].str()}};
      if (s.has_costs && i < s.costs.size()) r["standalone_cost"] = s.costs[i].str();
      for (std::size_t k = 0; k < extra_head.size(); ++k) r[extra_head[k]] = extra[i][k];
      rows.push_back(std::move(r));
    }
    if (!note.empty()) j["note"] = note;
    cli::print_json(j, out);
    return 0;
  }
  std::vector<std::string> head{"stakeholder", "weight", "amount (SEK)"};  // CSV: stakeholder,weight,amount,… (allocate reads it back)
  head.insert(head.end(), extra_head.begin(), extra_head.end());
  std::vector<text_table::align> al(head.size(), text_table::align::right);
  al[0] = text_table::align::left;
  text_table t(head, al);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::vector<table_cell> r{s.names[i], count_cell(s.weights[i]), parts[i].str()};
    r.insert(r.end(), extra[i].begin(), extra[i].end());
    t.row(std::move(r));
  }
  cli::print_table(t, args.format(), out);
  if (args.format() == cli::output_format::table) {
    out << "sum " << sum.str() << " SEK (" << to_string(*method) << ")\n";
    if (!note.empty()) out << note << '\n';
  }
  return 0;
}

const bool registered = cli::register_command({
    "allocate",
    "split a total cost among stakeholders, exact to the öre (equal, proportional, Shapley, nucleolus …)",
    "usage: orgmodel allocate <model or file.csv> --total SEK\n"
    "         [--method equal|proportional|rate_matching|shapley|airport|shapley_sample|nucleolus]\n"
    "         [--weight COLUMN] [--recipient ID] [--year Y] [--ratio R]\n"
    "         [--permutations M] [--seed S] [--confidence C] [--format table|json|csv]\n\n"
    "Stakeholders come from a model (the municipalities paying --recipient, default the model's\n"
    "own organisation, in --year, weighted by population) or from a CSV whose stakeholder, payer\n"
    "or name column (else the first) names them, with a weight column (--weight, default\n"
    "population, weight, else amount: SEK weighed in öre) and optionally a \"cost\" column of\n"
    "stand-alone costs in SEK. `orgmodel funding --format csv` reads back: --view compare weighs\n"
    "by population, --view flows (the default) by each payer's flows summed. rate_matching adds a party matching --ratio × the members'\n"
    "sum. The game methods use the cost column as an airport game (a coalition pays its largest\n"
    "stand-alone cost). Parts sum to the total exactly (largest remainder, ties to the first listed).",
    {"total", "method", "weight", "recipient", "year", "ratio", "permutations", "seed", "confidence"},
    run,
});

}  // namespace
