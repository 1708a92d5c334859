#pragma once
/// @file
/// @brief Where paying, sitting and voting part ways: funders without a seat, seats without
/// funding, members without a vote, and the balance of seats and votes against population.
///
/// Built on a `coverage_result`: the same subject, stakeholders and governance bodies.
/// - *funders without a seat*: payers of a funding rule to the subject (or an affiliated child)
///   with no seat on any of its governance bodies and no ownership share;
/// - *seats without funding*: holders of a voting seat on a governance decision body who pay
///   nothing to the subject (the subject's own seats excepted);
/// - *members without a vote*: stakeholders with no seat carrying votes on a decision body — no
///   seat at all, or only seats with 0 votes; those reached through a representative are listed too;
/// - *balance*: each stakeholder's share of the stakeholders' decision seats and votes against its
///   share of their population, with the Loosemore–Hanby index ½ Σ |vote share − population share|
///   (0 = votes exactly proportional to population, 1 = all votes with none of the people).
///   Stakeholders with unknown population are left out of the index and counted.
///
/// - *money*: what each stakeholder pays the subject (and its affiliated children) in one year,
///   from `evaluate_funding` (analysis/funding.hpp), exact in öre, and the Loosemore–Hanby index
///   of votes against money paid. Stakeholders with an unknown flow are left out of it and counted;
///   the year defaults to 2024, the study's year (the bundled models' current rules).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgmodel/analysis/coverage.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/core/money.hpp"

namespace orgmodel {

/// @brief One stakeholder's weight at the table against its weight in people.
struct balance_row {
  organisation_index stakeholder;
  std::optional<std::int64_t> population;
  std::int64_t seats = 0;            ///< own seats on decision bodies
  std::int64_t votes = 0;            ///< votes of those seats
  double seat_share = 0;             ///< of all stakeholders' decision seats (known-population stakeholders)
  double vote_share = 0;
  double population_share = 0;       ///< of the known-population stakeholders' population
  std::optional<double> votes_per_population;  ///< vote share / population share; nothing when population is 0 or unknown
  std::vector<funding_basis> pays;   ///< bases of its funding rules to the subject (empty: pays nothing)
  std::optional<money> paid;         ///< paid in the evaluated year; nothing when a flow is unknown
  double money_share = 0;            ///< of the money paid by stakeholders whose payments are known
};

/// @brief Options of `mismatches`.
struct mismatch_options {
  int year = 2024;  ///< the year whose funding flows are evaluated (the study's year by default)
};

/// @brief The mismatches of one coverage result.
struct coverage_mismatches {
  std::vector<organisation_index> funders_without_seat;
  std::vector<organisation_index> funders_without_seat_represented;  ///< of those, reached through a representative
  std::vector<organisation_index> seats_without_funding;
  std::vector<organisation_index> members_without_vote;
  std::vector<organisation_index> members_with_seat_without_vote;    ///< of those, holding only 0-vote seats
  std::vector<organisation_index> members_without_vote_represented;  ///< of those, reaching a decision body through a representative
  std::vector<balance_row> balance;       ///< one per stakeholder, in the coverage result's order
  double seat_population_index = 0;       ///< Loosemore–Hanby index of decision seats against population
  double vote_population_index = 0;       ///< Loosemore–Hanby index of votes against population
  std::size_t population_unknown = 0;     ///< stakeholders left out of the indices
  int year = 2024;                        ///< the year of the money figures
  money paid_by_stakeholders;             ///< known money paid by stakeholders that year
  double vote_money_index = 0;            ///< Loosemore–Hanby index of votes against money paid
  double population_money_index = 0;      ///< … of population against money paid
  std::size_t money_unknown = 0;          ///< stakeholders with an unknown flow, left out of the money indices
  std::string money_status;               ///< how the money balance was computed
};

/// @brief The mismatches between funding, seats and votes of `c`'s stakeholders.
inline coverage_mismatches mismatches(const model& m, const coverage_result& c, const mismatch_options& opt = {}) {
  coverage_mismatches r;
  r.year = opt.year;
  detail::coverage_index ix(m);
  const auto n = m.organisations().size();
  // Payers and their bases (to the subject and its affiliated children).
  std::vector<std::vector<funding_basis>> bases(n);
  auto payers_to = [&](std::uint32_t rec) {
    for (auto fi : ix.funding_to.row(rec)) {
      const auto& f = m.funding_rules()[fi];
      auto& v = bases[f.payer.value];
      if (std::find(v.begin(), v.end(), f.basis) == v.end()) v.push_back(f.basis);
    }
  };
  payers_to(c.subject.value);
  for (auto ch : ix.children.row(c.subject.value)) payers_to(ch);
  // Seats on the governance bodies, by holder.
  std::vector<char> sits(n, 0), votes_on_decision(n, 0), governance(m.bodies().size(), 0), decision(m.bodies().size(), 0);
  for (const auto& g : c.bodies) governance[g.body.value] = 1, decision[g.body.value] = g.decision ? 1 : 0;
  for (const auto& s : m.seats()) {
    if (!governance[s.body.value]) continue;
    sits[s.holder.value] = 1;
    if (decision[s.body.value] && s.votes > 0) votes_on_decision[s.holder.value] = 1;
  }
  for (auto oi : ix.owners_of.row(c.subject.value)) sits[m.ownerships()[oi].owner.value] = 1;
  // Delegated presence of the stakeholders (the coverage result knows it).
  std::vector<char> reached(n, 0);
  for (const auto& s : c.stakeholders)
    for (const auto& l : s.layers) reached[s.stakeholder.value] = reached[s.stakeholder.value] || l.delegated;

  for (std::uint32_t o = 0; o < n; ++o) {
    if (!bases[o].empty() && !sits[o]) {
      r.funders_without_seat.emplace_back(o);
      if (reached[o]) r.funders_without_seat_represented.emplace_back(o);
    }
    if (votes_on_decision[o] && bases[o].empty() && o != c.subject.value) r.seats_without_funding.emplace_back(o);
  }
  // Votes and balance.
  std::int64_t seats_total = 0, votes_total = 0, pop_total = 0;
  for (const auto& s : c.stakeholders) {
    if (s.decision_votes <= 0) {
      r.members_without_vote.push_back(s.stakeholder);
      if (s.decision_seats > 0) r.members_with_seat_without_vote.push_back(s.stakeholder);
      if (s.delegated_decision) r.members_without_vote_represented.push_back(s.stakeholder);
    }
    if (!s.population) {
      ++r.population_unknown;
      continue;
    }
    seats_total += s.decision_seats;
    votes_total += s.decision_votes;
    pop_total += *s.population;
  }
  auto ratio = [](std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  for (const auto& s : c.stakeholders) {
    balance_row b;
    b.stakeholder = s.stakeholder;
    b.population = s.population;
    b.seats = s.decision_seats;
    b.votes = s.decision_votes;
    b.pays = bases[s.stakeholder.value];
    if (s.population) {
      b.seat_share = ratio(b.seats, seats_total);
      b.vote_share = ratio(b.votes, votes_total);
      b.population_share = ratio(*s.population, pop_total);
      if (b.population_share > 0) b.votes_per_population = b.vote_share / b.population_share;
      r.seat_population_index += std::abs(b.seat_share - b.population_share) / 2;
      r.vote_population_index += std::abs(b.vote_share - b.population_share) / 2;
    }
    r.balance.push_back(std::move(b));
  }
  // Money paid in the year, exact, to the subject and its affiliated children.
  const auto ev = evaluate_funding(m, opt.year);
  std::vector<char> recipient(n, 0);
  recipient[c.subject.value] = 1;
  for (auto ch : ix.children.row(c.subject.value)) recipient[ch] = 1;
  std::vector<money> paid(n);
  std::vector<char> unknown(n, 0);
  for (const auto& f : ev.flows) {
    if (!recipient[f.recipient.value]) continue;
    if (f.amount) paid[f.payer.value] += *f.amount;
    else unknown[f.payer.value] = 1;
  }
  std::int64_t money_total = 0, votes_known = 0, pop_known = 0;
  for (const auto& b : r.balance) {
    const auto s = b.stakeholder.value;
    if (unknown[s]) {
      ++r.money_unknown;
      continue;
    }
    money_total = checked_add(money_total, paid[s].minor(), "money paid by stakeholders");
    votes_known += b.votes;
    pop_known += b.population.value_or(0);
  }
  r.paid_by_stakeholders = money::from_minor(money_total);
  for (auto& b : r.balance) {
    const auto s = b.stakeholder.value;
    if (unknown[s]) continue;
    b.paid = paid[s];
    b.money_share = money_total > 0 ? static_cast<double>(paid[s].minor()) / static_cast<double>(money_total) : 0.0;
    r.vote_money_index += std::abs(ratio(b.votes, votes_known) - b.money_share) / 2;
    r.population_money_index += std::abs(ratio(b.population.value_or(0), pop_known) - b.money_share) / 2;
  }
  r.money_status = "funding rules evaluated for " + std::to_string(opt.year) + " (analysis/funding.hpp)";
  if (r.money_unknown > 0) r.money_status += "; " + std::to_string(r.money_unknown) + " stakeholders with an unknown flow left out";
  if (money_total == 0) r.money_status += "; the stakeholders pay nothing that year, so the money indices are 0";
  return r;
}

}  // namespace orgmodel
