#pragma once
/// @file
/// @brief The report's ownership section: Invest in Norrbotten's shareholders' meeting, High Coast
/// Invest through BizMaker AB, and the voting power of the members of the steering bodies of the
/// nine organisations (and of any further models, such as the Västmanland templates).

#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/present/control.hpp"
#include "orgmodel/present/ownership.hpp"
#include "orgmodel/present/voting_power.hpp"
#include "orgmodel/data/benchmark.hpp"
#include "orgmodel/present/table.hpp"
#include "orgmodel/report/report_section.hpp"
#include "orgmodel/scenario/templates.hpp"

namespace orgmodel {

namespace ownership_report_detail {
/// Bodies where members vote: every kind but teams, networks, single officials and advisers.
inline bool voting_body(body_kind k) {
  return k != body_kind::operative_team && k != body_kind::official && k != body_kind::network && k != body_kind::reference_group;
}

/// One row per voting body with at least two voting members.
inline void steering_power(const model& m, text_table& t, nlohmann::ordered_json& rows) {
  for (std::uint32_t b = 0; b < m.bodies().size(); ++b) {
    const auto& bd = m.bodies()[b];
    if (!voting_body(bd.kind)) continue;
    int voters = 0;
    for (const auto& s : m.seats()) voters += s.body.value == b && s.votes > 0;
    if (voters < 2) continue;
    auto r = body_voting_power(m, body_index(b), {});
    if (r.players.size() < 2) continue;
    const player_power* top = &r.players[0];
    int vetoes = 0, nulls = 0;
    bool equal = true;
    for (const auto& p : r.players) {
      if (p.banzhaf > top->banzhaf) top = &p;
      vetoes += p.veto;
      nulls += p.null_player;
      equal = equal && std::fabs(p.banzhaf - r.players[0].banzhaf) < 1e-12;
    }
    const std::string pct = format_percent(top->banzhaf, 1);
    // Names in the text, ids in the JSON.
    const auto strongest = m.find_organisation(top->player);
    // Holders, and their votes where some hold more than one (Värmland's region: 17 holders, 19 votes).
    const auto holders = static_cast<std::int64_t>(r.players.size());
    const table_cell members{std::to_string(holders) + (r.game.total() != holders ? " (" + std::to_string(r.game.total()) + " votes)" : ""),
                             std::to_string(holders), cell_kind::integer};
    t.row({m.info().name, bd.name, members, std::to_string(r.game.quota) + "/" + std::to_string(r.game.total()),
           r.quota_rule, equal ? "equal" : (strongest ? m[*strongest].name : top->player) + " " + pct, std::to_string(vetoes),
           std::to_string(nulls)});
    rows.push_back({{"model", m.info().id}, {"body", bd.id}, {"players", r.players.size()}, {"quota", r.game.quota},
                    {"total_votes", r.game.total()}, {"quota_rule", r.quota_rule}, {"equal_power", equal},
                    {"strongest", top->player}, {"strongest_banzhaf", top->banzhaf}, {"veto_players", vetoes}, {"null_players", nulls}});
  }
}
/// The model with this id among `models`, else the bundled one.
inline model find_or_load(std::span<const model> models, std::string_view id) {
  for (const auto& m : models)
    if (m.info().id == id) return m;
  return data::load_bundled_model(id);
}
}  // namespace ownership_report_detail

/// @brief The report's ownership section: Invest in Norrbotten's shareholders' meeting, High Coast
/// Invest through BizMaker AB (taken from `models` when there, else from the bundled models), and
/// the voting power on the voting bodies of `models` (the nine by default) and of the templates of
/// the seven organisation models built for `template_county` (none when empty).
/// @throws lookup_error when a bundled model or the county is unknown.
inline report_section ownership_section(std::span<const model> models, std::string_view template_county = "Västmanlands län") {
  report_section s;
  s.id = "ownership";
  s.title = "Ownership, control and voting power";
  std::ostringstream text;

  // 1. Invest in Norrbotten AB's shareholders' meeting
  const model iin = ownership_report_detail::find_or_load(models, "invest-in-norrbotten");
  const auto meeting = iin.body_at("iin-owners-meeting");
  nlohmann::ordered_json iin_j{{"model", iin.info().id}, {"direct", to_json(direct_ownership(iin))}, {"control", to_json(analyse_control(iin))}};
  text << "Invest in Norrbotten AB — shareholders' meeting (" << iin[meeting].name << ")\n";
  for (const char* q : {"majority", "two-thirds"}) {
    auto r = body_voting_power(iin, meeting, quota_spec::parse(q));
    iin_j[std::string("power_") + (std::string_view(q) == "two-thirds" ? "two_thirds" : q)] = to_json(r);
    text << "\nquota " << r.game.quota << " of " << r.game.total() << " votes (" << q << "):\n";
    std::ostringstream tt;
    to_table(r, true, &iin).print(tt);
    text << tt.str() << methods_text(r);
  }
  text << "\nUnder the assumed equal split of the municipalities' 25 % (1/52 each: the study gives only the\n"
          "total, L1394-1396), Region Norrbotten decides every simple- and two-thirds-majority question\n"
          "alone, and no municipality's vote changes an outcome. If the split differs, this does not\n"
          "change: the region's 75 % alone passes both quotas whatever the split. The municipalities'\n"
          "votes and their split matter only under a quota above 75 % or unanimity (each owner a veto).\n";
  s.content["invest_in_norrbotten"] = std::move(iin_j);

  // 2. High Coast Invest through BizMaker AB
  const model hci = ownership_report_detail::find_or_load(models, "high-coast-invest");
  auto own = analyse_ownership(hci);
  auto ctl = analyse_control(hci);
  std::string parent = "bizmaker", parent_name = "BizMaker AB";
  for (const auto& a : hci.affiliations())
    if (hci[a.child].id == "high-coast-invest") parent = hci[a.parent].id, parent_name = hci[a.parent].name;
  s.content["high_coast_invest"] = {{"model", hci.info().id}, {"business_area_of", parent}, {"ownership", to_json(own)}, {"control", to_json(ctl)}};
  text << "\nHigh Coast Invest — a business area of " << parent_name << " since 2023-09-01; owners of " << parent_name << ":\n";
  {
    std::ostringstream tt;
    to_table(own.direct, &hci).print(tt);
    text << tt.str();
  }
  text << "The study names the owners but not their shares (each 0–100 %): no owner certainly reaches the\n"
          "25 % line or certainly controls the company; each of the eight possibly does. The ranges are\n"
          "carried as bounds, not replaced by a guess.\n";

  // 3. Voting power on the steering bodies
  text_table t({"model", "body", "members", "quota", "rule", "strongest (Banzhaf)", "vetoes", "never decisive"});
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  if (models.empty()) {
    for (auto id : data::study_model_ids()) ownership_report_detail::steering_power(data::load_bundled_model(id), t, rows);
  } else {
    for (const auto& m : models) ownership_report_detail::steering_power(m, t, rows);
  }
  if (!template_county.empty()) {
    const auto in = scenario::template_input::from_county(template_county);
    for (std::size_t c = 0; c < enum_names<model_category>::names.size(); ++c)
      ownership_report_detail::steering_power(scenario::build_template(static_cast<model_category>(c), in), t, rows);
  }
  s.content["steering_bodies"] = std::move(rows);
  text << "\nVoting power of the members of the voting bodies (the body's own quota or rule):\n";
  {
    std::ostringstream tt;
    t.print(tt);
    text << tt.str();
  }
  s.text = text.str();
  return s;
}

}  // namespace orgmodel
