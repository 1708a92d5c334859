#pragma once
/// @file
/// @brief Synthetic nations: N municipalities with log-normal populations (fitted to SCB 2023),
/// grouped into counties with a region each, every county organised by one of the seven templates
/// (a configurable mix), cross-county partnerships like SBA with overlapping membership, publicly
/// owned companies with ownership chains and cross-holdings, and project funding.
///
/// Deterministic for a seed: every draw comes from xoshiro256** streams (synth/random.hpp), one
/// per part, so the same options give the same model, byte for byte in JSON.
///
/// Sized for benchmarks: from Sweden's 290 municipalities to tens of millions of entities; the
/// model_data is reserved up front and holds no heap memory per entity beyond its strings, whose
/// ids are kept short enough for the small-string buffer.
///
/// @code
/// orgmodel::synth::synth_options o;
/// o.municipalities = 290;
/// o.seed = 7;
/// orgmodel::model m = orgmodel::synth::generate(o);
/// @endcode

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/model/model.hpp"
#include "orgmodel/scenario/templates.hpp"
#include "orgmodel/synth/population_fit.hpp"
#include "orgmodel/synth/random.hpp"

namespace orgmodel::synth {

/// @brief Where a long generation is: phase name, units done, units in the phase.
struct synth_progress {
  std::string_view phase;
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};

/// @brief What to generate. Defaults follow Sweden and the study (docs/synthetic-regions.md).
struct synth_options {
  std::uint64_t municipalities = 290;  ///< N
  std::uint64_t seed = 1;
  /// Population distribution; default: the log-normal fitted to SCB 2023.
  lognormal_fit population = swedish_municipality_fit();
  std::int64_t min_population = 100;   ///< floor of a drawn population
  /// Mean municipalities per county; sizes are uniform in [mean/2, 3·mean/2]. Sweden: 290 / 21.
  double mean_county_size = 290.0 / 21.0;
  /// Weights of the templates 1A, 1B, 2A, 2B, 3A, 3B, 4A for a county's organisation: the study's
  /// examples per category (1B: Värmland, Skaraborg; 2A: Dalarna, Östergötland). 4A is weighted 0
  /// because SBA-like alliances are made across counties (below).
  std::array<double, 7> template_mix{1, 2, 2, 1, 1, 1, 0};
  /// Share of counties with no organisation: 4 of Sweden's 21 (Västmanland, Gotland,
  /// Södermanland, Uppsala).
  double no_organisation_share = 4.0 / 21.0;
  /// Share of organised counties whose organisation also runs a co-financed project.
  double project_share = 0.3;
  /// Cross-county partnerships: one per window of `partnership_counties` consecutive counties,
  /// windows starting every `partnership_stride` counties (overlapping windows: some
  /// municipalities are members of two). SBA: 9 counties.
  std::uint32_t partnership_counties = 9;
  std::uint32_t partnership_stride = 6;
  /// Probability that a municipality of a window joins its partnership (the largest of each county
  /// always does). SBA: 55 of the 119 municipalities of its nine counties.
  double partnership_join = 55.0 / 119.0;
  /// Probability that a municipality puts its companies under a holding company (a chain
  /// municipality → holding → subsidiary).
  double holding_share = 0.5;
  /// Probability that a company takes part in a cross-holding: it and the next such company hold
  /// 10 % of each other (their owners keep 90 %).
  double cross_holding_share = 0.05;
  /// Called now and then during long runs; may be empty.
  std::function<void(const synth_progress&)> progress;
};

/// @brief What a generation holds, by kind.
struct synth_counts {
  std::uint64_t organisations = 0, bodies = 0, seats = 0, municipalities = 0, counties = 0, companies = 0,
                partnerships = 0, ownerships = 0, funding_rules = 0, memberships = 0, escalations = 0;
  /// @brief Organisations + bodies + seats: the size measure of the benchmarks.
  [[nodiscard]] std::uint64_t entities() const noexcept { return organisations + bodies + seats; }
};

/// @brief Counts of a model_data.
inline synth_counts count(const model_data& d) {
  synth_counts c;
  c.organisations = d.organisations.size();
  c.bodies = d.bodies.size();
  c.seats = d.seats.size();
  for (const auto& o : d.organisations) {
    c.municipalities += o.kind == organisation_kind::municipality;
    c.counties += o.kind == organisation_kind::region;
    c.companies += o.kind == organisation_kind::company;
    c.partnerships += o.category == model_category::c4A;
  }
  c.ownerships = d.ownerships.size();
  c.funding_rules = d.funding_rules.size();
  c.memberships = d.memberships.size();
  c.escalations = d.escalations.size();
  return c;
}

namespace detail {

/// @brief prefix + decimal n (+ suffix): ids like "m12345", "k12.3.b" stay within 15 characters.
inline std::string id_of(std::string_view prefix, std::uint64_t n, std::string_view suffix = {}) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  std::string s;
  s.reserve(prefix.size() + static_cast<std::size_t>(r.ptr - buf) + suffix.size());
  s.append(prefix).append(buf, r.ptr).append(suffix);
  return s;
}

/// Streams of the generator's parts.
enum stream : std::uint64_t { population_stream = 1, county_stream = 2, partnership_stream = 3, municipality_stream = 1000 };

/// @brief Companies a municipality owns besides a holding: 1 + ⌊log10(population / 1000)⌋, at least 1
/// (about 1 for 5 000 inhabitants, 3 for 200 000). Assumed, not from the study.
inline std::uint32_t companies_for(std::int64_t population) {
  const double x = std::log10(static_cast<double>(population) / 1000.0);
  return x < 1.0 ? 1U : 1U + static_cast<std::uint32_t>(x);
}
inline std::int64_t board_size(std::int64_t population) { return population >= 50'000 ? 7 : 5; }

class nation_writer {
 public:
  explicit nation_writer(const synth_options& o) : o_(o) {}

  model_data run() {
    if (o_.municipalities == 0) throw invalid_model(error_code::out_of_range, "/municipalities", "a nation needs at least one municipality");
    if (o_.municipalities > 200'000'000ULL)
      throw invalid_model(error_code::out_of_range, "/municipalities", "at most 200 000 000 municipalities (32-bit indices)");
    if (!(o_.mean_county_size >= 1.0)) throw invalid_model(error_code::out_of_range, "/mean_county_size", "must be at least 1");
    double mix = 0;
    for (double w : o_.template_mix) {
      if (!(w >= 0)) throw invalid_model(error_code::out_of_range, "/template_mix", "weights must be non-negative");
      mix += w;
    }
    if (!(mix > 0)) throw invalid_model(error_code::out_of_range, "/template_mix", "at least one template needs a positive weight");
    mix_total_ = mix;
    plan();
    reserve();
    write_info();
    write_municipalities();
    write_counties();
    write_partnerships();
    write_companies();
    return std::move(d_);
  }

 private:
  void report(std::string_view phase, std::uint64_t done, std::uint64_t total) const {
    if (o_.progress) o_.progress({phase, done, total});
  }
  /// Every ~1 % of a phase, and at its end.
  [[nodiscard]] static bool tick(std::uint64_t i, std::uint64_t n) { return n >= 100 ? (i + 1) % (n / 100) == 0 || i + 1 == n : i + 1 == n; }

  // Populations and county sizes first (cheap), so the vectors can be reserved exactly enough.
  void plan() {
    const auto n = o_.municipalities;
    pop_.resize(n);
    xoshiro256ss r(o_.seed, population_stream);
    for (std::uint64_t i = 0; i < n; ++i) {
      const double x = std::exp(o_.population.mu + o_.population.sigma * r.normal());
      pop_[i] = std::max<std::int64_t>(o_.min_population, static_cast<std::int64_t>(std::llround(std::min(x, 1e15))));
    }
    xoshiro256ss c(o_.seed, county_stream);
    const auto lo = static_cast<std::uint64_t>(std::max(1.0, std::ceil(o_.mean_county_size / 2)));
    const auto hi = std::max(lo, static_cast<std::uint64_t>(std::floor(o_.mean_county_size * 1.5)));
    for (std::uint64_t start = 0; start < n;) {
      const auto size = std::min(n - start, lo + c.below(hi - lo + 1));
      county_start_.push_back(start);
      start += size;
      // The county's organisation: none, or a template drawn by weight.
      int cat = -1;
      if (!c.chance(o_.no_organisation_share)) {
        double u = c.uniform() * mix_total_;
        cat = 6;
        for (int k = 0; k < 7; ++k) {
          if (u < o_.template_mix[static_cast<std::size_t>(k)]) {
            cat = k;
            break;
          }
          u -= o_.template_mix[static_cast<std::size_t>(k)];
        }
        while (o_.template_mix[static_cast<std::size_t>(cat)] <= 0) --cat;  // rounding at the top end
      }
      county_cat_.push_back(static_cast<std::int8_t>(cat));
      county_project_.push_back(cat >= 0 && c.chance(o_.project_share));
    }
    county_start_.push_back(n);
  }

  void reserve() {
    const std::uint64_t n = o_.municipalities, k = county_cat_.size();
    std::uint64_t companies = 0, seats = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      const auto c = companies_for(pop_[i]) + 1;  // + a holding, at most
      companies += c;
      seats += c * static_cast<std::uint64_t>(board_size(pop_[i]) + 3);
    }
    const std::uint64_t windows = k / std::max<std::uint32_t>(o_.partnership_stride, 1) + 1;
    d_.organisations.reserve(n + companies + 5 * k + 3 * windows + 2);
    d_.bodies.reserve(2 * companies + 8 * k + 5 * windows);
    d_.seats.reserve(seats + 4 * n + 32 * k + 4 * n / std::max<std::uint32_t>(o_.partnership_stride, 1) + 64 * windows);
    d_.ownerships.reserve(companies + 2 * n + 64);
    d_.escalations.reserve(companies + 6 * k + 4 * windows);
    d_.funding_rules.reserve(2 * n + 8 * k + 2 * n / std::max<std::uint32_t>(o_.partnership_stride, 1) + 4 * windows);
    d_.memberships.reserve(2 * n + 4 * k + 2 * n / std::max<std::uint32_t>(o_.partnership_stride, 1));
    d_.affiliations.reserve(2 * k + windows);
  }

  void write_info() {
    auto& info = d_.info;
    info.id = id_of("synth-", o_.seed) + "-" + std::to_string(o_.municipalities);
    info.name = "Synthetic nation of " + std::to_string(o_.municipalities) + " municipalities (seed " + std::to_string(o_.seed) + ")";
    info.description = "Generated by orgmodel::synth (docs/synthetic-regions.md): log-normal populations (mu " +
                       std::to_string(o_.population.mu) + ", sigma " + std::to_string(o_.population.sigma) +
                       "), counties organised by the seven templates, cross-county partnerships, public companies.";
    info.source = "synthetic; population fit to SCB 2023";
    organisation agency;
    agency.id = "tillvaxtverket";
    agency.name = "Tillväxtverket";
    agency.kind = organisation_kind::agency;
    d_.organisations.push_back(std::move(agency));
    agency_ = organisation_index(0);
  }

  void write_municipalities() {
    first_municipality_ = static_cast<std::uint32_t>(d_.organisations.size());
    const auto n = o_.municipalities;
    for (std::uint64_t i = 0; i < n; ++i) {
      organisation m;
      m.id = id_of("m", i);
      m.name = id_of("Kommun ", i);
      m.kind = organisation_kind::municipality;
      m.population = pop_[i];
      m.county = county_code(county_of(i));
      m.source = provenance::assumed;
      d_.organisations.push_back(std::move(m));
      if (tick(i, n)) report("municipalities", i + 1, n);
    }
  }

  [[nodiscard]] organisation_index municipality(std::uint64_t i) const {
    return organisation_index(static_cast<std::uint32_t>(first_municipality_ + i));
  }
  [[nodiscard]] std::uint64_t county_of(std::uint64_t i) const {
    auto it = std::upper_bound(county_start_.begin(), county_start_.end(), i);
    return static_cast<std::uint64_t>(it - county_start_.begin()) - 1;
  }
  static std::string county_code(std::uint64_t k) { return std::to_string(k); }

  void write_counties() {
    const auto k = county_cat_.size();
    std::array<scenario::template_parameters, 14> params;
    for (std::size_t c = 0; c < 7; ++c) {
      params[2 * c] = scenario::default_parameters(scenario::all_categories[c]);
      params[2 * c].project = {false, provenance::assumed, "synthetic"};
      params[2 * c + 1] = params[2 * c];
      params[2 * c + 1].project = {true, provenance::assumed, "synthetic"};
    }
    region_.resize(k);
    scenario::template_site site;
    for (std::uint64_t c = 0; c < k; ++c) {
      std::int64_t p = 0;
      for (auto i = county_start_[c]; i < county_start_[c + 1]; ++i) p += pop_[i];
      organisation r;
      r.id = id_of("r", c);
      r.name = id_of("Region ", c);
      r.kind = organisation_kind::region;
      r.population = p;
      r.county = county_code(c);
      r.source = provenance::assumed;
      d_.organisations.push_back(std::move(r));
      region_[c] = organisation_index(static_cast<std::uint32_t>(d_.organisations.size() - 1));
      if (county_cat_[c] >= 0) {
        site.municipalities.clear();
        for (auto i = county_start_[c]; i < county_start_[c + 1]; ++i) site.municipalities.push_back(municipality(i));
        site.region = region_[c];
        site.agency = agency_;
        site.prefix = id_of("i", c);
        site.name = id_of("IPA ", c);
        site.county = county_code(c);
        const auto cat = static_cast<std::size_t>(county_cat_[c]);
        scenario::append_template(d_, scenario::all_categories[cat], site, params[2 * cat + (county_project_[c] ? 1 : 0)]);
      }
      if (tick(c, k)) report("counties", c + 1, k);
    }
  }

  void write_partnerships() {
    const std::uint64_t k = county_cat_.size();
    if (o_.partnership_counties == 0 || o_.partnership_stride == 0 || k < 2) return;
    auto p = scenario::default_parameters(model_category::c4A);
    // A partnership across counties is SBA's own case: its host pays Stockholm's fixed sum (study
    // L1987–1988), which the one-county template no longer charges.
    p.host_fixed = {money::from_major(7'500'000), provenance::stated, "Stockholm Business Alliance: the City of Stockholm pays a fixed 7.5 MSEK"};
    xoshiro256ss r(o_.seed, partnership_stream);
    scenario::template_site site;
    std::uint64_t w = 0;
    for (std::uint64_t start = 0; start + 1 < k || start == 0; start += o_.partnership_stride, ++w) {
      const auto end = std::min<std::uint64_t>(k, start + o_.partnership_counties);
      site.municipalities.clear();
      for (auto c = start; c < end; ++c) {
        std::uint64_t largest = county_start_[c];
        for (auto i = county_start_[c]; i < county_start_[c + 1]; ++i)
          if (pop_[i] > pop_[largest]) largest = i;
        for (auto i = county_start_[c]; i < county_start_[c + 1]; ++i)
          if (i == largest || r.chance(o_.partnership_join)) site.municipalities.push_back(municipality(i));
      }
      site.region = organisation_index{};
      site.agency = agency_;
      site.prefix = id_of("p", w);
      site.name = id_of("Alliance ", w);
      site.county.clear();
      scenario::append_template(d_, model_category::c4A, site, p);
      if (end == k) break;
    }
  }

  organisation_index add_company(std::string id, std::string_view county) {
    organisation c;
    c.name = "AB " + id;
    c.id = std::move(id);
    c.kind = organisation_kind::company;
    c.county = std::string(county);
    c.source = provenance::assumed;
    d_.organisations.push_back(std::move(c));
    return organisation_index(static_cast<std::uint32_t>(d_.organisations.size() - 1));
  }

  body_index add_body(const std::string& company_id, std::string_view suffix, std::string_view name, body_kind kind, layer l,
                      organisation_index company, double meetings, decision_class_set mandates, decision_rule rule) {
    body b;
    b.id = company_id;
    b.id += suffix;
    b.name = std::string(name);
    b.kind = kind;
    b.layer = l;
    b.organisation = company;
    b.meetings_per_year = cadence{meetings, meetings};
    b.mandates = mandates;
    b.rule = rule;
    b.source = provenance::assumed;
    d_.bodies.push_back(std::move(b));
    return body_index(static_cast<std::uint32_t>(d_.bodies.size() - 1));
  }

  void add_seat(body_index b, organisation_index holder, std::string_view role, std::int64_t votes, bool chair) {
    seat s;
    s.body = b;
    s.holder = holder;
    s.role = std::string(role);
    s.votes = votes;
    s.chair = chair;
    s.source = provenance::assumed;
    d_.seats.push_back(std::move(s));
  }

  void add_ownership(organisation_index owner, organisation_index owned, std::int64_t percent) {
    add_ownership(owner, owned, share::percent(percent));
  }
  void add_ownership(organisation_index owner, organisation_index owned, share equity) {
    ownership o;
    o.owner = owner;
    o.owned = owned;
    o.equity = share_range{equity, equity};
    o.votes = o.equity;
    o.source = provenance::assumed;
    d_.ownerships.push_back(std::move(o));
  }

  /// A company's board (seats nominated by `nominators`, round robin) and owners' meeting.
  body_index govern(organisation_index company, const std::vector<std::pair<organisation_index, std::int64_t>>& owners,
              const std::vector<organisation_index>& nominators, std::int64_t board) {
    namespace dc = decision_classes;
    const auto& cid = d_.organisations[company.value].id;
    decision_class_set board_mandates, owner_mandates;
    board_mandates.insert(dc::daily_operations).insert(dc::budget).insert(dc::operational_plan).insert(dc::strategy).insert(dc::contract);
    owner_mandates.insert(dc::ownership).insert(dc::membership);
    const auto b = add_body(cid, ".b", "Styrelse", body_kind::board, layer::executive, company, 6, board_mandates, decision_rule::majority);
    for (std::int64_t s = 0; s < board; ++s)
      add_seat(b, nominators[static_cast<std::size_t>(s) % nominators.size()], scenario::roles::board_member, 1, s == 0);
    const auto om = add_body(cid, ".o", "Bolagsstämma", body_kind::owners_meeting, layer::owner, company, 1, owner_mandates,
                             decision_rule::weighted_votes);
    d_.bodies[om.value].quota = share(1, 2);
    for (const auto& [owner, pct] : owners) add_seat(om, owner, scenario::roles::owner_rep, pct, false);
    escalation e;
    e.from = b;
    e.to = om;
    e.classes = owner_mandates;
    e.source = provenance::assumed;
    d_.escalations.push_back(std::move(e));
    return om;
  }

  void write_companies() {
    const auto n = o_.municipalities;
    std::vector<std::pair<organisation_index, std::int64_t>> owners;
    std::vector<organisation_index> nominators;
    // A company waiting for its cross-holding partner; its bodies are written once the partner is
    // known, so that every body's seats stay together (the JSON form nests seats in bodies).
    struct waiting {
      organisation_index company, parent, nominator;
      std::int64_t board = 0;
    };
    std::optional<waiting> pending;
    for (std::uint64_t i = 0; i < n; ++i) {
      xoshiro256ss r(o_.seed, municipality_stream + i);
      const auto m = municipality(i);
      const std::string& county = d_.organisations[m.value].county;
      const std::int64_t board = board_size(pop_[i]);
      organisation_index parent = m;
      if (r.chance(o_.holding_share)) {
        const auto h = add_company(id_of("h", i), county);
        add_ownership(m, h, 100);
        owners.assign({{m, 100}});
        nominators.assign({m});
        govern(h, owners, nominators, board);
        parent = h;
      }
      const auto companies = companies_for(pop_[i]);
      for (std::uint32_t j = 0; j < companies; ++j) {
        const auto c = add_company(id_of("k", i, "." + std::to_string(j)), county);
        if (!r.chance(o_.cross_holding_share)) {
          add_ownership(parent, c, 100);
          owners.assign({{parent, 100}});
          nominators.assign({m});
          govern(c, owners, nominators, board);
          continue;
        }
        add_ownership(parent, c, 90);
        if (!pending) {
          pending = waiting{c, parent, m, board};
          continue;
        }
        // The pair: each holds 10 % of the other, their parents 90 %.
        const auto w = *pending;
        pending.reset();
        add_ownership(w.company, c, 10);
        add_ownership(c, w.company, 10);
        owners.assign({{w.parent, 90}, {c, 10}});
        nominators.assign({w.nominator});
        govern(w.company, owners, nominators, w.board);
        owners.assign({{parent, 90}, {w.company, 10}});
        nominators.assign({m});
        govern(c, owners, nominators, board);
      }
      // One jointly owned company per county, owned in equal parts by up to its first four members.
      const auto k = county_of(i);
      if (i + 1 == county_start_[k + 1] && county_start_[k + 1] - county_start_[k] >= 2) {
        const auto first = county_start_[k];
        const auto owners_n = std::min<std::uint64_t>(4, county_start_[k + 1] - first);
        const share each(1, static_cast<std::int64_t>(owners_n));
        const auto j = add_company(id_of("j", k), county);
        owners.clear();
        nominators.clear();
        for (std::uint64_t q = 0; q < owners_n; ++q) {
          add_ownership(municipality(first + q), j, each);
          owners.push_back({municipality(first + q), 1});  // equal parts: one vote each
          nominators.push_back(municipality(first + q));
        }
        govern(j, owners, nominators, 5);
      }
      if (tick(i, n)) report("companies", i + 1, n);
    }
    if (pending) {  // no partner came: its parent keeps 90 %, 10 % stays unassigned
      owners.assign({{pending->parent, 90}});
      nominators.assign({pending->nominator});
      govern(pending->company, owners, nominators, pending->board);
    }
  }

  const synth_options& o_;
  model_data d_;
  double mix_total_ = 0;
  std::vector<std::int64_t> pop_;
  std::vector<std::uint64_t> county_start_;
  std::vector<std::int8_t> county_cat_;
  std::vector<bool> county_project_;
  std::vector<organisation_index> region_;
  organisation_index agency_;
  std::uint32_t first_municipality_ = 0;
};

}  // namespace detail

/// @brief Generates the raw content of a synthetic nation (not yet validated).
/// @throws invalid_model for options out of range.
inline model_data generate_data(const synth_options& o) { return detail::nation_writer(o).run(); }

/// @brief Generates and validates a synthetic nation.
inline model generate(const synth_options& o) { return model(generate_data(o)); }

/// @brief The number of municipalities that gives about `target` entities (organisations +
/// bodies + seats) with these options, calibrated on a sample of 2 000 municipalities.
inline std::uint64_t municipalities_for_entities(std::uint64_t target, synth_options o) {
  o.progress = nullptr;
  o.municipalities = 2000;
  const auto c = count(generate_data(o));
  const double per = static_cast<double>(c.entities()) / 2000.0;
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(static_cast<double>(target) / per)));
}

}  // namespace orgmodel::synth
