#pragma once
/// @file
/// @brief Stakeholder coverage: which of an organisation's stakeholders (members, funders, the
/// municipalities it serves, or any given set) sit at its tables — on a political, executive,
/// operative and owner body — directly or through a representative, by count and by population;
/// the mismatches between paying, sitting and voting; and the fewest bodies that reach them all.
///
/// **Which bodies govern an organisation** (`governance_scope`, default `escalation`):
/// - its own bodies (`body.organisation` is the subject);
/// - the bodies of its *governing parents* — organisations it is `part_of` or a
///   `business_area_of`, transitively — that one of its own bodies escalates matters to
///   (the study's decision paths: Invest in Dalarna's key person → Region Dalarna's regional
///   development committee; a business area → its company's board). A subject without bodies of
///   its own is governed by its nearest governing parent's bodies, since nothing else decides
///   for it (Invest in Halland modelled as a unit of Region Halland);
/// - never a host's (`hosted_by`) bodies: the host employs the team but does not lead it
///   (Örebro kommun hosts Business Region Örebro).
/// `own` keeps only the subject's bodies; `ancestors` adds every body of every governing parent.
///
/// **Owner layer**: a seat on a body whose layer is `owner` (owners' meeting, owner consultation),
/// or — with `owners_by_equity`, the default — a direct ownership share of the subject
/// (Invest in Norrbotten AB's 13 municipal owners).
///
/// **Decision bodies**: a body with mandates; a body without stated mandates counts unless it is a
/// reference group, a network or an operative team (a documented default: such bodies advise or
/// execute, they do not decide) or has seats of which none carries a vote (a forum such as an owner
/// consultation, ägarsamråd), and the result says how many bodies were classed by that default.
///
/// **Delegated representation**: a stakeholder is represented on a body through a chain of
/// `representation` relations (each for one body, or for all when its body is unset) ending at an
/// organisation that holds a seat there — e.g. a Stockholm-county municipality through one of the
/// four chosen by StorSthlm. With `association_members_represented` (default on) a member of a
/// municipal association is also represented wherever the association holds a seat (a
/// directorate sitting for its members). Chains are shortest first (breadth-first). Delegated
/// presence is reported apart from direct seats and only where there is no direct one.
///
/// @code
/// auto r = orgmodel::coverage(m, {.source = orgmodel::stakeholder_source::members});
/// r.by_layer[std::size_t(orgmodel::layer::political)].direct;   // 12 for Business Region Örebro
/// @endcode

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "orgmodel/analysis/detail/coverage_index.hpp"
#include "orgmodel/analysis/detail/huge_pages.hpp"
#include "orgmodel/analysis/set_cover.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Where the stakeholders of a coverage question come from.
enum class stakeholder_source : std::uint8_t {
  members,  ///< memberships of kind `member` of the subject
  funders,  ///< payers of funding rules to the subject or its affiliated children
  served,   ///< every organisation the subject serves: memberships of kind `member` or `served`
  given,    ///< the organisations in `coverage_options::given`
  municipalities,  ///< every municipality in the model: the area it describes (Kiruna in Invest in Norrbotten's)
};
template <>
struct enum_names<stakeholder_source> {
  static constexpr std::string_view what = "stakeholder set";
  static constexpr std::array<std::string_view, 5> names{"members", "funders", "served", "given", "municipalities"};
};

/// @brief Which bodies count as the subject's governance (see the file comment).
enum class governance_scope : std::uint8_t {
  own,         ///< the subject's own bodies only
  escalation,  ///< plus governing parents' bodies its own bodies escalate to
  ancestors,   ///< plus every body of every governing parent
};
template <>
struct enum_names<governance_scope> {
  static constexpr std::string_view what = "governance scope";
  static constexpr std::array<std::string_view, 3> names{"own", "escalation", "ancestors"};
};

/// @brief The number of governance layers (political, executive, operative, owner).
inline constexpr std::size_t layer_count = 4;

/// @brief What a coverage question asks about.
struct coverage_options {
  std::optional<organisation_index> subject;  ///< nothing: `coverage_subject(m)`
  stakeholder_source source = stakeholder_source::members;
  std::vector<organisation_index> given;      ///< the stakeholders when `source` is `given`
  governance_scope scope = governance_scope::escalation;
  bool owners_by_equity = true;               ///< a direct ownership share counts on the owner layer
  bool association_members_represented = true;  ///< members reach where their municipal association sits
};

/// @brief The organisation a model is about: the one whose id is the model's id, else the only
/// one with a model category, else the one most memberships point to.
/// @throws lookup_error when none or several qualify.
inline organisation_index coverage_subject(const model& m) {
  if (auto o = m.find_organisation(m.info().id)) return *o;
  std::vector<organisation_index> cat;
  for (std::size_t i = 0; i < m.organisations().size(); ++i)
    if (m.organisations()[i].category) cat.emplace_back(static_cast<std::uint32_t>(i));
  if (cat.size() == 1) return cat.front();
  std::vector<std::size_t> count(m.organisations().size(), 0);
  for (const auto& x : m.memberships()) ++count[x.organisation.value];
  const auto best = std::max_element(count.begin(), count.end());
  if (best != count.end() && *best > 0 && std::count(count.begin(), count.end(), *best) == 1)
    return organisation_index(static_cast<std::uint32_t>(best - count.begin()));
  throw lookup_error("cannot tell which organisation model \"" + m.info().id +
                     "\" is about: name one (no organisation has the model's id, and " + std::to_string(cat.size()) +
                     " have a model category)");
}

/// @brief Reads a stakeholder specification: "members", "funders", "served", or organisation ids
/// separated by commas. @throws lookup_error naming an unknown id.
inline void parse_stakeholders(const model& m, std::string_view spec, coverage_options& opt) {
  if (auto k = parse_enum<stakeholder_source>(spec); k && *k != stakeholder_source::given) {
    opt.source = *k;
    return;
  }
  opt.source = stakeholder_source::given;
  opt.given.clear();
  std::size_t start = 0;
  while (start <= spec.size()) {
    auto end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    auto id = spec.substr(start, end - start);
    if (!id.empty()) opt.given.push_back(m.organisation_at(id));
    start = end + 1;
  }
  if (opt.given.empty()) throw lookup_error("empty stakeholder list \"" + std::string(spec) + "\"");
}

/// @brief True when a body decides (see the file comment for the default without mandates).
/// `voteless`: it has seats and none carries a vote — a forum such as an owner consultation
/// (ägarsamråd), which by default decides nothing whatever its kind.
inline bool is_decision_body(const body& b, bool voteless = false) noexcept {
  if (!b.mandates.empty()) return true;
  if (voteless) return false;
  return b.kind != body_kind::reference_group && b.kind != body_kind::network && b.kind != body_kind::operative_team;
}

/// @brief Why a body is counted as the subject's governance.
enum class governance_reason : std::uint8_t {
  own,                ///< the subject's own body
  parent_escalation,  ///< a governing parent's body the subject's bodies escalate to
  parent,             ///< a governing parent's body (no own bodies, or scope `ancestors`)
};
template <>
struct enum_names<governance_reason> {
  static constexpr std::string_view what = "governance reason";
  static constexpr std::array<std::string_view, 3> names{"own", "parent_escalation", "parent"};
};

/// @brief A body counted as governance of the subject.
struct governance_body {
  body_index body;
  governance_reason reason = governance_reason::own;
  bool decision = true;           ///< `is_decision_body`
  bool decision_by_default = false;  ///< decision status from the kind default (no mandates stated)
  std::size_t stakeholders_seated = 0;  ///< stakeholders holding a seat on it
};

/// @brief How one link of a delegation chain is made.
enum class delegation_kind : std::uint8_t {
  representation,           ///< a `representation` relation
  association_membership,   ///< membership of a municipal association that holds the seat
};
template <>
struct enum_names<delegation_kind> {
  static constexpr std::string_view what = "delegation kind";
  static constexpr std::array<std::string_view, 2> names{"representation", "association_membership"};
};

/// @brief One link: `from` is represented by `to`.
struct delegation_step {
  organisation_index from;
  organisation_index to;
  delegation_kind kind = delegation_kind::representation;
  std::uint32_t relation = 0;  ///< index of the representation or membership
  std::string via;             ///< who chose the representative (representation.via)
  friend bool operator==(const delegation_step&, const delegation_step&) = default;
};

/// @brief A stakeholder's presence on one layer.
struct layer_presence {
  std::int64_t seats = 0;  ///< its own seats on the layer's governance bodies
  std::int64_t votes = 0;  ///< votes of those seats
  bool owns = false;       ///< owner layer: holds a direct ownership share of the subject
  bool delegated = false;  ///< reached only through representatives (no direct presence)
  body_index delegated_body;            ///< the body reached through the chain
  std::vector<delegation_step> chain;   ///< stakeholder → … → seat holder, shortest first found
  [[nodiscard]] bool direct() const noexcept { return seats > 0 || owns; }
};

/// @brief One stakeholder's coverage.
struct stakeholder_coverage {
  organisation_index stakeholder;
  std::optional<std::int64_t> population;
  std::array<layer_presence, layer_count> layers;
  std::int64_t decision_seats = 0;  ///< own seats on decision bodies
  std::int64_t decision_votes = 0;  ///< votes of those seats
  bool delegated_decision = false;  ///< reaches a decision body only through representatives
  [[nodiscard]] bool on_any_layer() const noexcept {
    return std::any_of(layers.begin(), layers.end(), [](const layer_presence& p) { return p.direct(); });
  }
  [[nodiscard]] bool delegated_any() const noexcept {
    return !on_any_layer() && std::any_of(layers.begin(), layers.end(), [](const layer_presence& p) { return p.delegated; });
  }
};

/// @brief Counts and population of stakeholders directly present, only delegated, or absent.
struct coverage_tally {
  std::size_t bodies = 0;        ///< governance bodies in this category
  std::size_t stakeholders = 0;
  std::size_t direct = 0;
  std::size_t delegated = 0;     ///< delegated and not direct
  std::size_t none = 0;
  std::int64_t population = 0;            ///< of stakeholders with a known population
  std::int64_t population_direct = 0;
  std::int64_t population_delegated = 0;
  std::int64_t population_none = 0;
  std::size_t population_unknown = 0;     ///< stakeholders whose population is not known
  /// @brief Share of the known population directly present, in [0, 1]; 0 when none is known.
  [[nodiscard]] double population_share_direct() const noexcept {
    return population > 0 ? static_cast<double>(population_direct) / static_cast<double>(population) : 0.0;
  }
};

/// @brief The stakeholders represented through one group of representatives.
struct delegate_group {
  std::string via;                                ///< who chose them ("StorSthlm"), or "" / the association
  delegation_kind kind = delegation_kind::representation;
  body_index body;                                ///< the body the group sits on
  std::vector<organisation_index> representatives;  ///< the seat holders reached
  std::vector<organisation_index> represented;      ///< stakeholders reaching the body only this way
  std::int64_t population = 0;                    ///< of the represented, where known
};

/// @brief The answer to a coverage question.
struct coverage_result {
  organisation_index subject;
  stakeholder_source source = stakeholder_source::members;
  governance_scope scope = governance_scope::escalation;
  std::vector<governance_body> bodies;
  std::vector<stakeholder_coverage> stakeholders;  ///< in model order of the stakeholders
  std::array<coverage_tally, layer_count> by_layer{};
  coverage_tally decision;  ///< on any decision body
  coverage_tally any;       ///< on any governance body or owner
  std::vector<delegate_group> delegates;
  [[nodiscard]] const coverage_tally& on(enum layer l) const noexcept { return by_layer[static_cast<std::size_t>(l)]; }
};

namespace detail {

/// @brief The work of every coverage question, with scratch arrays reused across subjects so
/// that covering every organisation of a nation allocates nothing per subject or per edge.
class coverage_engine {
 public:
  explicit coverage_engine(const model& m) : m_(m), own_(std::make_unique<coverage_index>(m)), ix_(*own_) { scratch(); }
  /// @brief On an index prepared beforehand (which must outlive the engine).
  explicit coverage_engine(const coverage_index& ix) : m_(*ix.m), ix_(ix) { scratch(); }

  [[nodiscard]] const coverage_index& index() const noexcept { return ix_; }

  /// @brief Marks the governance bodies of `o` and lists them in `out`.
  void governance(organisation_index o, governance_scope scope, std::vector<governance_body>& out) {
    ++epoch_;
    out.clear();
    auto add = [&](std::uint32_t b, governance_reason why) {
      if (gov_stamp_[b] == epoch_) return;
      gov_stamp_[b] = epoch_;
      const auto& bd = m_.bodies()[b];
      const bool decides = is_decision_body(bd, ix_.voteless[b] != 0);
      out.push_back({body_index(b), why, decides, bd.mandates.empty() && decides});
    };
    for (auto b : ix_.bodies_of.row(o.value)) add(b, governance_reason::own);
    if (scope == governance_scope::own) return;
    // Governing parents, transitively (breadth-first; affiliations may form no useful cycle but are not forbidden).
    parents_.clear();
    anc_stamp_[o.value] = epoch_;
    std::size_t head = 0;
    parents_.push_back(o.value);
    while (head < parents_.size()) {
      auto v = parents_[head++];
      for (auto p : ix_.governing_parents.row(v))
        if (anc_stamp_[p] != epoch_) anc_stamp_[p] = epoch_, parents_.push_back(p);
    }
    if (parents_.size() == 1) return;  // no governing parent
    if (scope == governance_scope::ancestors || out.empty()) {
      // Every parent's bodies (ancestors), or — without bodies of its own — the nearest parent's.
      const std::size_t last = scope == governance_scope::ancestors ? parents_.size() : 2;
      for (std::size_t k = 1; k < last; ++k)
        for (auto b : ix_.bodies_of.row(parents_[k])) add(b, governance_reason::parent);
      if (scope == governance_scope::ancestors) return;
    }
    // Escalation closure from the governance bodies found so far; keep the parents' bodies.
    queue_.clear();
    ++epoch_body_;
    if (esc_stamp_.size() != m_.bodies().size()) assign_fresh(esc_stamp_, m_.bodies().size(), kNone);
    for (const auto& g : out) queue_.push_back(g.body.value), esc_stamp_[g.body.value] = epoch_body_;
    for (std::size_t q = 0; q < queue_.size(); ++q)
      for (auto t : ix_.escalates_to.row(queue_[q])) {
        if (esc_stamp_[t] == epoch_body_) continue;
        esc_stamp_[t] = epoch_body_;
        queue_.push_back(t);
        if (anc_stamp_[m_.bodies()[t].organisation.value] == epoch_) add(t, governance_reason::parent_escalation);
      }
  }

  /// @brief Whether body b was marked by the last `governance` call.
  [[nodiscard]] bool is_governance(std::uint32_t b) const noexcept { return gov_stamp_[b] == epoch_; }

  /// @brief The stakeholders of `o` from `opt`, deduplicated, in model order of first mention.
  void stakeholders(organisation_index o, const coverage_options& opt, std::vector<std::uint32_t>& out) {
    out.clear();
    ++stake_epoch_;
    auto add = [&](std::uint32_t s) {
      if (s == o.value || stake_stamp_[s] == stake_epoch_) return;
      stake_stamp_[s] = stake_epoch_;
      out.push_back(s);
    };
    const auto mem = m_.memberships();
    switch (opt.source) {
      case stakeholder_source::members:
        for (auto i : ix_.members_of.row(o.value))
          if (mem[i].kind == membership_kind::member) add(mem[i].member.value);
        break;
      case stakeholder_source::served:
        for (auto i : ix_.members_of.row(o.value)) add(mem[i].member.value);
        break;
      case stakeholder_source::funders: {
        // Payers to the subject and to its affiliated children (a project or unit it runs).
        add_payers(o.value, add);
        for (auto c : ix_.children.row(o.value)) add_payers(c, add);
        break;
      }
      case stakeholder_source::municipalities:
        for (std::uint32_t s = 0; s < m_.organisations().size(); ++s)
          if (m_.organisations()[s].kind == organisation_kind::municipality) add(s);
        break;
      case stakeholder_source::given:
        for (auto s : opt.given) {
          if (s.value >= m_.organisations().size())
            throw lookup_error("stakeholder #" + std::to_string(s.value) + " is not an organisation of the model");
          add(s.value);
        }
        break;
    }
  }

  /// @brief Whether s was listed by the last `stakeholders` call.
  [[nodiscard]] bool is_stakeholder(std::uint32_t s) const noexcept { return stake_stamp_[s] == stake_epoch_; }

  /// @brief Fills direct presence of every stakeholder of the last `stakeholders` call, on the
  /// bodies of the last `governance` call. `pos[s]` = position of s in the stakeholder list.
  void direct(organisation_index o, const coverage_options& opt, std::vector<governance_body>& gov,
              std::vector<stakeholder_coverage>& out, const std::vector<std::uint32_t>& pos) const {
    std::vector<std::uint32_t> seated(m_.organisations().size(), kNone);  // last body a holder was counted on
    for (auto& g : gov) {
      const auto l = static_cast<std::size_t>(m_.bodies()[g.body.value].layer);
      for (auto si : ix_.seats_on.row(g.body.value)) {
        const auto& st = m_.seats()[si];
        if (!is_stakeholder(st.holder.value)) continue;
        auto& sc = out[pos[st.holder.value]];
        if (seated[st.holder.value] != g.body.value) seated[st.holder.value] = g.body.value, ++g.stakeholders_seated;
        sc.layers[l].seats += 1;
        sc.layers[l].votes += st.votes;
        if (g.decision) sc.decision_seats += 1, sc.decision_votes += st.votes;
      }
    }
    if (opt.owners_by_equity)
      for (auto oi : ix_.owners_of.row(o.value)) {
        const auto& ow = m_.ownerships()[oi];
        if (is_stakeholder(ow.owner.value) && ow.equity.high.numerator() > 0)
          out[pos[ow.owner.value]].layers[static_cast<std::size_t>(layer::owner)].owns = true;
      }
  }

  /// @brief A reached state of the delegation walk: organisation `org`, restricted to body `only`
  /// (invalid = all bodies), reached from state `parent` by representation or membership
  /// `relation` (`chain` spells the links out; the walk itself copies no strings).
  struct walk_state {
    std::uint32_t org;
    body_index only;
    std::uint32_t parent;
    std::uint32_t relation;
    delegation_kind kind;
  };

  /// @brief Breadth-first walk of the delegation links from stakeholder s; calls
  /// visit(state index, states) for every state but the start. Visited (org, unrestricted) states
  /// use a stamp array; restricted states are few and checked linearly.
  template <class Visit>
  void walk(std::uint32_t s, bool associations, Visit visit) {
    states_.clear();
    ++visit_epoch_;
    states_.push_back({s, body_index(), kNone, 0, delegation_kind::representation});
    visit_stamp_[s] = visit_epoch_;
    const auto reps = m_.representations();
    const auto mem = m_.memberships();
    auto seen = [&](std::uint32_t v, body_index only) {
      if (!only.valid()) return visit_stamp_[v] == visit_epoch_;
      for (const auto& x : states_)
        if (x.org == v && (x.only == only || !x.only.valid())) return true;
      return false;
    };
    for (std::uint32_t q = 0; q < states_.size(); ++q) {
      const auto cur = states_[q];
      if (q > 0) visit(q, states_);
      for (auto ri : ix_.represented_by.row(cur.org)) {
        const auto& r = reps[ri];
        if (cur.only.valid() && r.body.valid() && r.body != cur.only) continue;
        const body_index only = cur.only.valid() ? cur.only : r.body;
        const auto to = r.representative.value;
        if (seen(to, only)) continue;
        if (!only.valid()) visit_stamp_[to] = visit_epoch_;
        states_.push_back({to, only, q, ri, delegation_kind::representation});
      }
      if (!associations) continue;
      for (auto mi : ix_.associations_of.row(cur.org)) {
        const auto a = mem[mi].organisation.value;
        if (seen(a, cur.only)) continue;
        if (!cur.only.valid()) visit_stamp_[a] = visit_epoch_;
        states_.push_back({a, cur.only, q, mi, delegation_kind::association_membership});
      }
    }
  }

  /// @brief The chain from the start to state q.
  [[nodiscard]] std::vector<delegation_step> chain(const std::vector<walk_state>& states, std::uint32_t q) const {
    std::vector<delegation_step> c;
    for (; q != 0 && q != kNone; q = states[q].parent) {
      const auto& st = states[q];
      const organisation_index from(states[st.parent].org), to(st.org);
      if (st.kind == delegation_kind::representation)
        c.push_back({from, to, st.kind, st.relation, m_.representations()[st.relation].via});
      else
        c.push_back({from, to, st.kind, st.relation, m_.organisations()[st.org].name});
    }
    std::reverse(c.begin(), c.end());
    return c;
  }

  /// @brief Per holder, the layers (bit l) of the governance bodies it holds seats on; valid
  /// after `mark_holders` for the current governance epoch.
  void mark_holders(const std::vector<governance_body>& gov) {
    ++holder_epoch_;
    for (const auto& g : gov) {
      const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(m_.bodies()[g.body.value].layer));
      const auto dbit = static_cast<std::uint8_t>(g.decision ? 16u : 0u);
      for (auto si : ix_.seats_on.row(g.body.value)) {
        const auto h = m_.seats()[si].holder.value;
        if (holder_stamp_[h] != holder_epoch_) holder_stamp_[h] = holder_epoch_, holder_layers_[h] = 0;
        holder_layers_[h] = static_cast<std::uint8_t>(holder_layers_[h] | bit | dbit);
      }
    }
  }
  /// @brief Layer bits (0–3) and decision bit (4) of holder h on the marked bodies.
  [[nodiscard]] std::uint8_t holder_layers(std::uint32_t h) const noexcept {
    return holder_stamp_[h] == holder_epoch_ ? holder_layers_[h] : std::uint8_t{0};
  }

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  // Stamp arrays over every body and organisation: fresh pages, on huge pages when large.
  void scratch() {
    assign_fresh(gov_stamp_, m_.bodies().size(), kNone);
    assign_fresh(holder_stamp_, m_.organisations().size(), kNone);
    assign_fresh(stake_stamp_, m_.organisations().size(), kNone);
    assign_fresh(anc_stamp_, m_.organisations().size(), kNone);
    assign_fresh(visit_stamp_, m_.organisations().size(), kNone);
    assign_fresh(holder_layers_, m_.organisations().size(), std::uint8_t{0});
  }
  template <class Add>
  void add_payers(std::uint32_t r, Add& add) const {
    for (auto fi : ix_.funding_to.row(r)) add(m_.funding_rules()[fi].payer.value);
  }

  const model& m_;
  std::unique_ptr<coverage_index> own_;  // when built by the engine
  const coverage_index& ix_;
  std::uint32_t epoch_ = 0, epoch_body_ = 0, stake_epoch_ = 0, visit_epoch_ = 0, holder_epoch_ = 0;
  std::vector<std::uint32_t> gov_stamp_, esc_stamp_, holder_stamp_, stake_stamp_, anc_stamp_, visit_stamp_;
  std::vector<std::uint8_t> holder_layers_;
  std::vector<std::uint32_t> parents_, queue_;
  std::vector<walk_state> states_;
};

inline void tally(coverage_tally& t, bool direct, bool delegated, const std::optional<std::int64_t>& pop) {
  ++t.stakeholders;
  const std::int64_t p = pop.value_or(0);
  if (!pop) ++t.population_unknown;
  t.population += p;
  if (direct) ++t.direct, t.population_direct += p;
  else if (delegated) ++t.delegated, t.population_delegated += p;
  else ++t.none, t.population_none += p;
}

}  // namespace detail

/// @brief Which stakeholders of an organisation sit on its political, executive, operative and
/// owner bodies, directly or through representatives, by count and population.
/// @throws lookup_error when the subject cannot be determined or a stakeholder is not in the model.
inline coverage_result coverage(const model& m, const coverage_options& opt = {}) {
  coverage_result r;
  r.subject = opt.subject ? *opt.subject : coverage_subject(m);
  if (r.subject.value >= m.organisations().size())
    throw lookup_error("coverage subject #" + std::to_string(r.subject.value) + " is not an organisation of the model");
  r.source = opt.source;
  r.scope = opt.scope;
  detail::coverage_engine e(m);
  e.governance(r.subject, opt.scope, r.bodies);
  std::vector<std::uint32_t> list;
  e.stakeholders(r.subject, opt, list);
  std::vector<std::uint32_t> pos(m.organisations().size(), detail::coverage_engine::kNone);
  r.stakeholders.resize(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    pos[list[i]] = static_cast<std::uint32_t>(i);
    r.stakeholders[i].stakeholder = organisation_index(list[i]);
    r.stakeholders[i].population = m.organisations()[list[i]].population;
  }
  e.direct(r.subject, opt, r.bodies, r.stakeholders, pos);

  // Delegation: walk each stakeholder's representatives; first (shortest) chain per layer wins.
  const auto seats = m.seats();
  std::map<std::tuple<std::string, delegation_kind, std::uint32_t>, std::size_t> group_of;
  for (auto& sc : r.stakeholders) {
    const bool want_decision = sc.decision_seats == 0;
    e.walk(sc.stakeholder.value, opt.association_members_represented, [&](std::uint32_t q, const auto& states) {
      const auto& st = states[q];
      for (auto si : e.index().seats_of.row(st.org)) {
        const auto b = seats[si].body;
        if (!e.is_governance(b.value) || (st.only.valid() && st.only != b)) continue;
        const auto& bd = m.bodies()[b.value];
        auto& lp = sc.layers[static_cast<std::size_t>(bd.layer)];
        const bool fresh_decision = want_decision && !sc.delegated_decision && is_decision_body(bd, e.index().voteless[b.value] != 0);
        if (fresh_decision) sc.delegated_decision = true;
        if (lp.direct()) continue;  // present in person on this layer: representation adds nothing
        const bool fresh_layer = !lp.delegated;
        auto c = e.chain(states, q);
        if (fresh_layer) {
          lp.delegated = true;
          lp.delegated_body = b;
          lp.chain = c;
        }
        const auto& first = c.front();
        auto key = std::make_tuple(first.via, first.kind, b.value);
        auto [it, fresh] = group_of.emplace(key, r.delegates.size());
        if (fresh) r.delegates.push_back({first.via, first.kind, b, {}, {}, 0});
        auto& g = r.delegates[it->second];
        if (std::find(g.representatives.begin(), g.representatives.end(), seats[si].holder) == g.representatives.end())
          g.representatives.push_back(seats[si].holder);
        if (std::find(g.represented.begin(), g.represented.end(), sc.stakeholder) == g.represented.end()) {
          g.represented.push_back(sc.stakeholder);
          g.population += sc.population.value_or(0);
        }
      }
    });
  }

  // Tallies.
  for (const auto& g : r.bodies) {
    ++r.by_layer[static_cast<std::size_t>(m.bodies()[g.body.value].layer)].bodies;
    r.decision.bodies += g.decision ? 1 : 0;
    ++r.any.bodies;
  }
  for (const auto& sc : r.stakeholders) {
    for (std::size_t l = 0; l < layer_count; ++l)
      detail::tally(r.by_layer[l], sc.layers[l].direct(), sc.layers[l].delegated, sc.population);
    detail::tally(r.decision, sc.decision_seats > 0, sc.delegated_decision, sc.population);
    detail::tally(r.any, sc.on_any_layer(), sc.delegated_any(), sc.population);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Coverage of every organisation at once (synthetic nations)

/// @brief Coverage of every organisation that has stakeholders, as compact layer masks: bit l
/// (0 political … 3 owner) and bit 4 (a decision body) per (subject, stakeholder).
struct coverage_all_result {
  std::vector<organisation_index> subjects;
  std::vector<std::uint32_t> offsets{0};           ///< subject i's stakeholders are [offsets[i], offsets[i+1])
  std::vector<organisation_index> stakeholders;
  std::vector<std::uint8_t> direct;                ///< layer bits + decision bit 4
  std::vector<std::uint8_t> delegated;             ///< same bits, reached only through representatives
  std::array<std::size_t, layer_count> direct_count{};    ///< summed over all subjects
  std::array<std::size_t, layer_count> delegated_count{};
  std::array<std::int64_t, layer_count> direct_population{};
  std::size_t pairs_without_decision_seat = 0;     ///< (subject, stakeholder) pairs with no direct decision seat
};

/// @brief A model's relations as compressed rows (bodies by organisation, seats by body and by
/// holder, escalation lines, affiliations, representations, memberships, ownerships, funding
/// rules by recipient), prepared once for any number of `coverage_of_all` calls — as a graph
/// library builds its graph once before it runs an algorithm. Built in O(n) by counting sorts.
/// The model must outlive it.
class coverage_network {
 public:
  explicit coverage_network(const model& m) : ix_(m) {}
  [[nodiscard]] const model& source() const noexcept { return *ix_.m; }
  /// @brief The rows themselves (for the analyses of this module).
  [[nodiscard]] const detail::coverage_index& index() const noexcept { return ix_; }

 private:
  detail::coverage_index ix_;
};

/// @brief `coverage` for every organisation with stakeholders (under `opt.source`; `given` and
/// `subject` are ignored), on a prepared network, in O(bodies + seats + relations + delegation
/// walks), reusing scratch.
inline coverage_all_result coverage_of_all(const coverage_network& net, const coverage_options& opt = {}) {
  const model& m = net.source();
  coverage_all_result r;
  detail::coverage_engine e(net.index());
  std::vector<governance_body> gov;
  std::vector<std::uint32_t> list;
  const auto n = static_cast<std::uint32_t>(m.organisations().size());
  coverage_options o2 = opt;
  if (o2.source == stakeholder_source::given) o2.source = stakeholder_source::members;
  std::vector<std::uint32_t> owner_stamp(n, detail::coverage_engine::kNone);
  for (std::uint32_t o = 0; o < n; ++o) {
    e.stakeholders(organisation_index(o), o2, list);
    if (list.empty()) continue;
    e.governance(organisation_index(o), o2.scope, gov);
    e.mark_holders(gov);
    r.subjects.emplace_back(o);
    if (o2.owners_by_equity)
      for (auto oi : e.index().owners_of.row(o))
        if (m.ownerships()[oi].equity.high.numerator() > 0) owner_stamp[m.ownerships()[oi].owner.value] = o;
    for (auto s : list) {
      std::uint8_t d = e.holder_layers(s);
      if (owner_stamp[s] == o) d |= 8u;
      std::uint8_t dl = 0;
      if ((d & 31u) != 31u && (!e.index().represented_by.row(s).empty() || (o2.association_members_represented && !e.index().associations_of.row(s).empty()))) {
        e.walk(s, o2.association_members_represented, [&](std::uint32_t q, const auto& states) {
          const auto& st = states[q];
          if (!st.only.valid()) {
            dl = static_cast<std::uint8_t>(dl | e.holder_layers(st.org));
            return;
          }
          // A seat on the one body the chain is for, if that body governs the subject.
          if (!e.is_governance(st.only.value)) return;
          const auto bodies = e.index().seat_bodies_of(st.org);
          if (std::find(bodies.begin(), bodies.end(), st.only.value) == bodies.end()) return;
          const auto& bd = m.bodies()[st.only.value];
          dl = static_cast<std::uint8_t>(dl | (1u << static_cast<unsigned>(bd.layer)) | (is_decision_body(bd, e.index().voteless[st.only.value] != 0) ? 16u : 0u));
        });
        dl = static_cast<std::uint8_t>(dl & ~d);
      }
      r.stakeholders.emplace_back(s);
      r.direct.push_back(d);
      r.delegated.push_back(dl);
      const auto pop = m.organisations()[s].population.value_or(0);
      for (std::size_t l = 0; l < layer_count; ++l) {
        if (d & (1u << l)) ++r.direct_count[l], r.direct_population[l] += pop;
        else if (dl & (1u << l)) ++r.delegated_count[l];
      }
      if (!(d & 16u)) ++r.pairs_without_decision_seat;
    }
    r.offsets.push_back(static_cast<std::uint32_t>(r.stakeholders.size()));
  }
  return r;
}

/// @brief The same, preparing the network first (the whole call).
inline coverage_all_result coverage_of_all(const model& m, const coverage_options& opt = {}) {
  return coverage_of_all(coverage_network(m), opt);
}

// ---------------------------------------------------------------------------------------------
// Minimum cover

/// @brief What a minimum cover may use.
struct cover_options {
  bool decision_bodies_only = true;  ///< only decision bodies (a reference group reaches, but does not decide)
  bool include_delegated = false;    ///< a body reaches a stakeholder also through its representatives
  std::optional<enum layer> only_layer;  ///< only bodies of this layer
  set_cover_options search;
};

/// @brief The fewest bodies through which every reachable stakeholder is reached.
struct minimum_cover_result {
  std::vector<body_index> bodies;              ///< the cover
  std::vector<organisation_index> unreachable; ///< stakeholders no allowed body reaches
  std::vector<body_index> candidates;          ///< the bodies considered
  set_cover_result search;                     ///< method, bound, lower bound, nodes
};

/// @brief The smallest set of the subject's governance bodies through which every stakeholder of
/// `c` is reached: exact (branch and bound) up to `search.exact_max_elements` reachable
/// stakeholders, otherwise greedy with its H(d) ≤ ln d + 1 bound stated in the result.
inline minimum_cover_result minimum_cover(const model& m, const coverage_result& c, const cover_options& opt = {}) {
  minimum_cover_result r;
  detail::coverage_engine e(m);
  std::vector<governance_body> gov;
  e.governance(c.subject, c.scope, gov);
  std::vector<std::uint32_t> pos(m.organisations().size(), detail::coverage_engine::kNone);
  for (std::size_t i = 0; i < c.stakeholders.size(); ++i) pos[c.stakeholders[i].stakeholder.value] = static_cast<std::uint32_t>(i);
  std::vector<std::uint32_t> cand_of(m.bodies().size(), detail::coverage_engine::kNone);
  for (const auto& g : gov) {
    const auto& bd = m.bodies()[g.body.value];
    if (opt.decision_bodies_only && !g.decision) continue;
    if (opt.only_layer && bd.layer != *opt.only_layer) continue;
    cand_of[g.body.value] = static_cast<std::uint32_t>(r.candidates.size());
    r.candidates.push_back(g.body);
  }
  // Pairs (candidate, stakeholder), then counting sort into the set system.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  const auto seats = m.seats();
  for (std::size_t i = 0; i < c.stakeholders.size(); ++i) {
    const auto s = c.stakeholders[i].stakeholder.value;
    for (auto si : e.index().seats_of.row(s))
      if (auto k = cand_of[seats[si].body.value]; k != detail::coverage_engine::kNone) pairs.emplace_back(k, static_cast<std::uint32_t>(i));
    if (!opt.include_delegated) continue;
    e.walk(s, true, [&](std::uint32_t q, const auto& states) {
      const auto& st = states[q];
      for (auto si : e.index().seats_of.row(st.org)) {
        const auto b = seats[si].body;
        if (st.only.valid() && st.only != b) continue;
        if (auto k = cand_of[b.value]; k != detail::coverage_engine::kNone) pairs.emplace_back(k, static_cast<std::uint32_t>(i));
      }
    });
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  set_system sys;
  sys.elements = static_cast<std::uint32_t>(c.stakeholders.size());
  sys.offsets.assign(r.candidates.size() + 1, 0);
  for (auto [k, s] : pairs) ++sys.offsets[k + 1], sys.members.push_back(s);
  for (std::size_t k = 0; k < r.candidates.size(); ++k) sys.offsets[k + 1] += sys.offsets[k];
  r.search = solve_set_cover(sys, opt.search);
  for (auto k : r.search.sets) r.bodies.push_back(r.candidates[k]);
  for (auto s : r.search.uncoverable) r.unreachable.push_back(c.stakeholders[s].stakeholder);
  return r;
}

}  // namespace orgmodel
