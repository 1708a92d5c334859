// orgmodel power: voting power of the members of a body under a quota.
#include "cli.hpp"
#include "orgmodel/analysis/composite_power.hpp"
#include "orgmodel/present/voting_power.hpp"

namespace cmd_power {  // named, not anonymous: the commands share unity batches

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
  opt.samples = cli::count_option(args, "samples", opt.samples, 1);  // a sample of none estimates nothing
  opt.seed = cli::count_option(args, "seed", opt.seed);
  const model m = cli::load_model(args.positional()[0]);
  const auto b = m.body_at(*body_id);
  // a body with required majorities (a double majority) gives a composite game unless --quota overrides
  const bool composite = !m[b].majorities.empty() && q.rule == quota_rule::body;
  const auto r = composite ? body_composite_power(m, b, args.has("per-seat"), {.samples = opt.samples, .seed = opt.seed, .weighted = opt})
                           : body_voting_power(m, b, q, args.has("per-seat"), opt);
  if (args.format() == cli::output_format::json) {
    auto j = to_json(r);
    j["model"] = m.info().id;
    j["body"] = *body_id;
    cli::print_json(j, out);
    return 0;
  }
  if (args.format() == cli::output_format::table) {
    if (composite)
      out << m[b].name << " (" << *body_id << "): " << r.quota_rule << " (all at once)\n\n";
    else
      out << m[b].name << " (" << *body_id << "): quota " << r.game.quota << " of " << r.game.total() << " votes — " << r.quota_rule
          << "\n\n";
  }
  cli::print_table(to_table(r), args.format(), out);
  if (args.format() == cli::output_format::table) out << '\n' << methods_text(r);
  if (args.format() == cli::output_format::table && !r.note.empty()) out << '\n' << r.note << '\n';
  return 0;
}

const bool registered = orgmodel::cli::register_command({
    "power",
    "voting power (Banzhaf, Shapley–Shubik, Deegan–Packel, PGI, Johnston, Coleman) of a body's members",
    "usage: orgmodel power <model> --body <id> [--quota majority|two-thirds|unanimity|body|[>=|>]x/y]\n"
    "                      [--per-seat] [--samples N] [--seed N] [--format table|json|csv]\n\n"
    "Players are the organisations holding seats on the body (their seats' votes added) or, with\n"
    "--per-seat, the seats. The quota defaults to the body's own (its quota, else its rule).\n"
    "A fraction may be written 1/2, 0.5 or 50%; '>=1/2' means at least half of all votes, '>1/2'\n"
    "more than half; a bare fraction means at least, except that 1/2 means more than half.\n"
    "Every index is an exact fraction: Banzhaf, Coleman and the Public Good Index by DP over weight\n"
    "for any size; Shapley–Shubik, Deegan–Packel and Johnston by DP over size and weight while its\n"
    "time and table fit, else by enumeration up to 22 players (Deegan–Packel: 40), else Shapley–\n"
    "Shubik sampled (\"sampled ± half-width\", Hoeffding) and the others not computed. The output\n"
    "states the method of each index: \"exact (DP)\", \"exact (enumeration)\" or \"sampled ± …\".\n"
    "A body with required majorities in the model (\"majorities\": e.g. 55% of members and 65% of\n"
    "population) is a composite game: a coalition wins when it reaches all of them (or, with\n"
    "\"blocking_minority\": m, when n − m + 1 members agree); every index is exact by enumeration up\n"
    "to 24 players; beyond, when all majorities but one count members, Banzhaf, Shapley–Shubik,\n"
    "Coleman, PGI and Deegan–Packel exactly by DP over size and weight, else sampled (--quota\n"
    "replaces the rule by one quota on votes). The JSON output names the method of each index.",
    {"body", "quota", orgmodel::cli::flag("per-seat"), "samples", "seed"},
    run,
});

}  // namespace
