// orgmodel power: voting power of the members of a body under a quota.
#include <charconv>

#include "cli.hpp"
#include "orgmodel/analysis/voting_power.hpp"

namespace {

std::uint64_t number(const orgmodel::cli::arguments& args, const char* name, std::uint64_t fallback) {
  auto v = args.get(name);
  if (!v) return fallback;
  std::uint64_t x = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc{} || p != v->data() + v->size()) throw orgmodel::cli::usage_error(std::string("--") + name + " must be a whole number");
  return x;
}

int run(const orgmodel::cli::arguments& args, std::ostream& out) {
  using namespace orgmodel;
  if (args.positional().size() != 1) throw cli::usage_error("power needs exactly one model file or bundled model id");
  auto body_id = args.get("body");
  if (!body_id || body_id->empty()) throw cli::usage_error("power needs --body <id>");
  quota_spec q;
  try {
    q = quota_spec::parse(args.get_or("quota", "body"));
  } catch (const parse_error& e) {
    throw cli::usage_error(e.what());
  }
  voting_power_options opt;
  opt.samples = number(args, "samples", opt.samples);
  opt.seed = number(args, "seed", opt.seed);
  const model m = cli::load_model(args.positional()[0]);
  const auto r = body_voting_power(m, m.body_at(*body_id), q, args.has("per-seat"), opt);
  if (args.format() == cli::output_format::json) {
    auto j = to_json(r);
    j["model"] = m.info().id;
    j["body"] = *body_id;
    cli::print_json(j, out);
    return 0;
  }
  if (args.format() == cli::output_format::table)
    out << m[m.body_at(*body_id)].name << " (" << *body_id << "): quota " << r.game.quota << " of " << r.game.total()
        << " votes — " << r.quota_rule << "\n\n";
  cli::print_table(voting_power_table(r), args.format(), out);
  if (args.format() == cli::output_format::table && !r.note.empty()) out << '\n' << r.note << '\n';
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "power",
    "voting power (Banzhaf, Shapley–Shubik, Deegan–Packel, PGI) of a body's members",
    "usage: orgmodel power <model> --body <id> [--quota majority|two-thirds|unanimity|body|x/y]\n"
    "                      [--per-seat] [--samples N] [--seed N] [--format table|json|csv]\n\n"
    "Players are the organisations holding seats on the body (their seats' votes added) or, with\n"
    "--per-seat, the seats. The quota defaults to the body's own (its quota, else its rule).\n"
    "Banzhaf is exact for any size (big integers); Shapley–Shubik is exact while n²·quota is\n"
    "small and sampled beyond, with a Hoeffding error bound; Deegan–Packel and the Public Good\n"
    "Index enumerate minimal winning coalitions for up to 30 players.",
    {"body", "quota", "per-seat", "samples", "seed"},
    run,
});

}  // namespace
