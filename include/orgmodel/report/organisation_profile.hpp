#pragma once
/// @file
/// @brief The report's text of the organisation profiles (analysis/organisation_profile.hpp; JSON
/// in present/organisation_profile.hpp) and the organisations section built from them.

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgmodel/analysis/organisation_profile.hpp"
#include "orgmodel/data/findings.hpp"
#include "orgmodel/present/format.hpp"
#include "orgmodel/present/organisation_profile.hpp"
#include "orgmodel/report/report_section.hpp"

namespace orgmodel {

// ------------------------------------------------------------------------------------ text

/// @brief A model's profile for reading: one block per organisation, then the gaps.
inline std::string to_text(const model_profile& mp) {
  std::string s;
  auto line = [&](const std::string& label, const std::string& value) {
    s += "  " + label + std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') + value + "\n";
  };
  s += "\n### " + mp.model_name + " [" + mp.model_id + "]\n";
  for (const auto& p : mp.organisations) {
    // Names for the reader, from what the profile itself lists (ids stay in JSON); an id the
    // profile names nowhere else is printed as it is.
    std::vector<std::pair<std::string_view, std::string_view>> known;
    for (const auto& e : p.members.list) known.emplace_back(e.id, e.name);
    for (const auto& r : p.hosts) known.emplace_back(r.id, r.name);
    for (const auto& r : p.owners) known.emplace_back(r.id, r.name);
    for (const auto& [l, bodies] : p.governance)
      for (const auto& b : bodies) known.emplace_back(b.id, b.name);
    known.emplace_back(p.id, p.name);
    auto name_of = [&](const std::string& id) -> std::string {
      for (const auto& [i, n] : known)
        if (i == id) return std::string(n);
      return id;
    };
    if (mp.organisations.size() > 1 || p.id != mp.model_id) s += "  — " + p.name + " (" + p.id + ")\n";
    line("Category:", p.category ? std::string(to_string(*p.category)) + " — " + category_description(*p.category)
                                 : std::string("none"));
    std::string hosts;
    for (const auto& h : p.hosts) {
      const std::string rel = in_words(relation_name(h));
      hosts += (hosts.empty() ? "" : "; ") + rel + " " + h.name +
               (h.source != provenance::stated ? " (" + std::string(to_string(h.source)) + ")" : "");
    }
    line("Host:", hosts.empty() ? "none (independent)" : hosts);
    std::string owners;
    std::size_t assumed_owners = 0;
    // Owners holding the same share of the same company in one run are listed once: "Arjeplog,
    // Arvidsjaur, … 1.92 % each (together 25 %)", "owners of BizMaker AB: Härnösand, … (shares not stated)".
    for (std::size_t i = 0; i < p.owners.size();) {
      const auto& o = p.owners[i];
      auto same = [&](const related_party& x) {
        return x.through == o.through && x.source == o.source && x.share == o.share;
      };
      std::size_t j = i + 1;
      while (j < p.owners.size() && same(p.owners[j])) ++j;
      for (std::size_t k = i; k < j; ++k) assumed_owners += p.owners[k].source != provenance::stated ? 1 : 0;
      // An owner of what is not a company holds a role, not equity (Region Örebro län "är ägare" of
      // BRO, a unit inside Örebro kommun); a range of 0–100 % is a share nobody states.
      std::string held;
      const bool unstated = o.share->low.numerator() == 0 && o.share->high == share::one();
      if (!is_legal_person(p.kind) && o.through.empty()) held = "(owner role; no equity, not a company)";
      else if (unstated) held = j - i > 1 ? "(shares not stated)" : "(share not stated)";
      else held = o.share->exact() ? format_percent(o.share->low) : format_percent(o.share->low) + "–" + format_percent(o.share->high);
      std::string names;
      for (std::size_t k = i; k < j; ++k) names += (k > i ? ", " : "") + p.owners[k].name;
      std::string entry = names + " " + held;
      if (j - i > 1 && !unstated && o.share->exact())
        entry += " each (together " + format_percent(o.share->low * share(static_cast<std::int64_t>(j - i), 1)) + ")";
      if (!o.through.empty()) {
        std::string through = o.through;
        for (const auto& h : p.hosts)
          if (h.id == o.through) through = h.name;
        entry = "owners of " + through + ": " + entry;
      }
      owners += (owners.empty() ? "" : "; ") + entry;
      i = j;
    }
    if (assumed_owners) owners += "  [" + std::to_string(assumed_owners) + " of " + std::to_string(p.owners.size()) + " holdings assumed]";
    line("Owners:", owners.empty() ? "none" : owners);
    if (p.can_sign_agreements_stated)
      line("Agreements:", *p.can_sign_agreements_stated ? "can sign agreements in its own name"
                                                        : "cannot sign agreements (incl. NDAs) in its own name");
    const auto& m = p.members;
    std::string kinds;
    for (const auto& e : m.list)
      if (kinds.find(std::string(to_string(e.how))) == std::string::npos) kinds += (kinds.empty() ? "" : "/") + std::string(to_string(e.how));
    line("Members:", std::to_string(m.count) + (kinds.empty() ? "" : " (" + kinds + ")") +
                         (m.named != m.count ? ", " + std::to_string(m.named) + " named" : "") + ", population " +
                         population_text(m));
    std::string names;
    std::size_t outside = 0;
    for (const auto& e : m.list) {
      outside += e.named_outside_study ? 1 : 0;
      names += (names.empty() ? "" : ", ") + e.name + (e.count != 1 ? " [" + std::to_string(e.count) + "]" : "") +
               (e.named_outside_study ? (e.source == provenance::estimated ? " (public page, weak)" : " (public page)")
                : e.source == provenance::estimated ? " (estimated)" : "");
    }
    if (!names.empty()) line("", names);
    // Which memberships the study itself names, and which come from elsewhere (review R18).
    if (outside) line("", std::to_string(outside) + " of the named members are named on public pages, not in the study (each membership's note gives the page)");
    std::string team_bodies;
    for (const auto& b : p.team_bodies) team_bodies += (team_bodies.empty() ? "" : ", ") + name_of(b);
    line("Team:", p.team_size ? std::to_string(*p.team_size) + " (" + team_bodies + ")" : std::string("unknown"));
    s += "  Governance:\n";
    if (p.governance.empty()) s += "    (no bodies)\n";
    for (const auto& [l, bodies] : p.governance) {
      s += "    " + std::string(to_string(l)) + ":\n";
      for (const auto& b : bodies) {
        std::string roles;
        for (const auto& g : b.roles) roles += (roles.empty() ? "" : ", ") + std::to_string(g.seats) + " " + role_title(g.role, g.seats);
        std::string chair;
        for (const auto& c : b.chairs) chair += (chair.empty() ? "" : ", ") + name_of(c.holder) + (c.role.empty() ? "" : " (" + role_title(c.role) + ")");
        const bool single = b.single();
        // A body the study does not name is a placeholder: its kind is no fact (Region Värmland, L610-611).
        s += "      " + b.name + ": " + (b.unnamed() ? std::string("body not named by the study") : in_words(to_string(b.kind))) +
             (single && !b.meetings_per_year ? std::string() : ", " + cadence_text(b)) +
             (!b.seats                  ? std::string(", seats unknown")
              : single && *b.seats == 0 ? std::string()
                                        : ", " + std::to_string(*b.seats) + " seats") +
             (roles.empty() ? "" : " (" + roles + ")") +
             (chair.empty() ? "" : ", chair " + chair) + ", mandates " + mandates_text(mp.decision_classes, b) +
             (b.staff ? ", staff " + std::to_string(*b.staff) : "") + "\n";
      }
    }
    if (!p.escalations.empty()) {
      s += "  Escalation:\n";
      for (const auto& e : p.escalations)
        s += "    " + name_of(e.from) + " → " + name_of(e.to) +
             (e.classes.is_all() ? std::string() : " [" + in_words(format_classes(mp.decision_classes, e.classes)) + "]") + "\n";
    }
    s += "  Funding rules:\n";
    if (p.funding.empty()) s += "    none stated\n";
    for (const auto& f : p.funding) {
      // A rule that pays nothing names who takes part, not "payers" (ESBR's co-funded projects,
      // L1160-1166: the municipalities carry their own costs).
      const bool pays = !(f.basis == funding_basis::fixed && f.amount.minor() == 0);
      std::string payers;
      if (f.payers.size() <= 3)
        for (const auto& x : f.payer_names) payers += (payers.empty() ? "" : ", ") + x;
      else
        payers = std::to_string(f.payers.size()) + (pays ? " payers (" : " (") + f.payer_names.front() + " … " +
                 f.payer_names.back() + ")";
      if (f.basis == funding_basis::share_of_total && f.payers.size() > 1) payers += ", each by its share";
      s += "    " + years_text(f.year_from, f.year_to) + "  " + (f.purpose.empty() ? "" : f.purpose + ": ") +
           in_words(to_string(f.basis)) + ", " + funding_terms(f) + (pays ? ", from " + payers : ", " + payers + " taking part") +
           (f.co_funding_min ? ", own costs at least " + format_amount(*f.co_funding_min) + " SEK" : "") +
           (f.source != provenance::stated ? " (" + std::string(to_string(f.source)) + ")" : "") + "\n";
    }
    if (!p.budgets.empty()) {
      s += "  Stated figures:\n";
      for (const auto& b : p.budgets)
        s += "    " + std::to_string(b.year) + "  " + format_amount(b.amount) + " SEK" +
             (b.note.empty() ? std::string() : ": " + figure_meaning(b.note)) + "  [" + std::string(to_string(b.kind)) +
             (b.source != provenance::stated ? "; " + std::string(to_string(b.source)) : "") + "]\n";
    }
  }
  if (!mp.territory.empty()) {
    s += "  No joint organisation. Regions:\n";
    for (const auto& t : mp.territory)
      s += "    " + t.name + " (county " + t.county + "): " + std::to_string(t.municipalities) +
           (t.municipalities == 1 ? " municipality" : " municipalities") + ", population " +
           (t.population ? group_thousands(*t.population) : std::string("unknown")) + "\n";
  }
  s += "  Gaps in what is known:\n";
  if (mp.gaps.empty()) s += "    none\n";
  for (const auto& g : mp.gaps) {
    // Every element up to eight, so that a reader sees which bodies a gap concerns (review R11).
    std::string el;
    // By name (the paths stay in JSON, review R1).
    for (std::size_t i = 0; i < g.labels.size() && i < 8; ++i) el += (i ? "; " : "") + g.labels[i];
    if (g.labels.size() > 8) el += " and " + std::to_string(g.labels.size() - 8) + " more";
    s += "    [" + std::string(to_string(g.status)) + "] " + el + ": " + g.what + "\n";
  }
  if (!mp.findings.empty()) {
    // Grouped by kind, in the kinds' order; each item keeps the study's lines.
    s += "  Findings of the study (data/findings.json; L = line of the study):\n";
    for (std::size_t k = 0; k < enum_names<data::finding_kind>::names.size(); ++k) {
      const auto kind = static_cast<data::finding_kind>(k);
      bool head = false;
      for (const auto& f : mp.findings) {
        if (f.kind != kind) continue;
        if (!head) s += "    " + std::string(to_string(kind)) + ":\n";
        head = true;
        s += "      - " + f.text + "\n";
      }
    }
  }
  return s;
}

/// @brief The organisations section: one profile per model, as JSON and as text.
inline report_section organisations_section(std::span<const model> models) {
  auto content = nlohmann::ordered_json::array();
  std::string text;
  for (const auto& m : models) {
    const auto mp = profile_model(m, data::study_findings(m.info().id));
    content.push_back(to_json(mp));
    text += to_text(mp);
  }
  return {"organisations", "Organisations", std::move(content), std::move(text)};
}

}  // namespace orgmodel
