#pragma once
/// @file
/// @brief Compressed-row indexes of a model that the coverage analyses walk: bodies by
/// organisation, seats by body and by holder, escalation lines, affiliations, representation,
/// memberships (all, and those of municipal associations), ownerships and funding rules by recipient. Built once in O(n) by counting sort.

#include <cstdint>
#include <span>
#include <vector>

#include "orgmodel/analysis/detail/huge_pages.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel::detail {

/// @brief Rows of 32-bit values: row r is values[offsets[r] … offsets[r+1]).
struct csr_rows {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> values;
  [[nodiscard]] std::span<const std::uint32_t> row(std::uint32_t r) const noexcept {
    return {values.data() + offsets[r], values.data() + offsets[r + 1]};
  }
};

/// @brief Counting sort of `count` items into `rows` rows: item i goes to row key(i) with value
/// value(i); items whose key is `skip` are left out. Order within a row is input order.
template <class Key, class Value>
csr_rows make_rows(std::uint32_t rows, std::size_t count, Key key, Value value) {
  constexpr std::uint32_t skip = 0xFFFFFFFFu;
  csr_rows c;
  assign_fresh(c.offsets, static_cast<std::size_t>(rows) + 1, std::uint32_t{0});
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t k = key(i);
    if (k != skip) ++c.offsets[k + 1];
  }
  for (std::uint32_t r = 0; r < rows; ++r) c.offsets[r + 1] += c.offsets[r];
  reserve_fresh(c.values, c.offsets[rows]);
  c.values.resize(c.offsets[rows]);
  std::vector<std::uint32_t> fill;
  reserve_fresh(fill, rows);
  fill.assign(c.offsets.begin(), c.offsets.end() - 1);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t k = key(i);
    if (k != skip) c.values[fill[k]++] = value(i);
  }
  return c;
}

/// @brief Every index the coverage analyses need, over one model (which must outlive it).
struct coverage_index {
  explicit coverage_index(const model& md) : m(&md) {
    const auto n_orgs = static_cast<std::uint32_t>(md.organisations().size());
    const auto n_bodies = static_cast<std::uint32_t>(md.bodies().size());
    const auto bodies = md.bodies();
    const auto seats = md.seats();
    const auto esc = md.escalations();
    const auto aff = md.affiliations();
    const auto reps = md.representations();
    const auto mem = md.memberships();
    const auto own = md.ownerships();
    const auto fund = md.funding_rules();
    auto id = [](std::size_t i) { return static_cast<std::uint32_t>(i); };
    bodies_of = make_rows(n_orgs, bodies.size(), [&](std::size_t i) { return bodies[i].organisation.value; }, id);
    seats_on = make_rows(n_bodies, seats.size(), [&](std::size_t i) { return seats[i].body.value; }, id);
    seats_of = make_rows(n_orgs, seats.size(), [&](std::size_t i) { return seats[i].holder.value; }, id);
    reserve_fresh(seat_body_of, seats_of.values.size());
    for (auto si : seats_of.values) seat_body_of.push_back(seats[si].body.value);
    escalates_to = make_rows(n_bodies, esc.size(), [&](std::size_t i) { return esc[i].from.value; },
                             [&](std::size_t i) { return esc[i].to.value; });
    // Part-of and business-area-of make the parent's bodies governance of the child; a host
    // (hosted_by) employs the team but does not govern it (Örebro kommun hosts BRO and does not lead it).
    governing_parents = make_rows(
        n_orgs, aff.size(),
        [&](std::size_t i) { return aff[i].kind == affiliation_kind::hosted_by ? 0xFFFFFFFFu : aff[i].child.value; },
        [&](std::size_t i) { return aff[i].parent.value; });
    children = make_rows(n_orgs, aff.size(), [&](std::size_t i) { return aff[i].parent.value; },
                         [&](std::size_t i) { return aff[i].child.value; });
    represented_by = make_rows(n_orgs, reps.size(), [&](std::size_t i) { return reps[i].represented.value; }, id);
    members_of = make_rows(n_orgs, mem.size(), [&](std::size_t i) { return mem[i].organisation.value; }, id);
    memberships_of = make_rows(n_orgs, mem.size(), [&](std::size_t i) { return mem[i].member.value; }, id);
    // The memberships the delegation walk follows: of municipal associations (which sit for their members).
    const auto orgs = md.organisations();
    associations_of = make_rows(
        n_orgs, mem.size(),
        [&](std::size_t i) {
          return orgs[mem[i].organisation.value].kind == organisation_kind::municipal_association ? mem[i].member.value
                                                                                                  : 0xFFFFFFFFu;
        },
        id);
    owners_of = make_rows(n_orgs, own.size(), [&](std::size_t i) { return own[i].owned.value; }, id);
    funding_to = make_rows(n_orgs, fund.size(), [&](std::size_t i) { return fund[i].recipient.value; }, id);
    // A body with seats of which none carries a vote is a forum (IiN's ägarsamråd): it decides nothing.
    assign_fresh(voteless, n_bodies, std::uint8_t{0});
    for (std::uint32_t b = 0; b < n_bodies; ++b) {
      const auto row = seats_on.row(b);
      voteless[b] = !row.empty();
      for (auto si : row) voteless[b] = voteless[b] && seats[si].votes == 0;
    }
  }

  const model* m;
  csr_rows bodies_of;          ///< organisation → its bodies
  csr_rows seats_on;           ///< body → seat indices
  csr_rows seats_of;           ///< holder organisation → seat indices
  std::vector<std::uint32_t> seat_body_of;  ///< beside seats_of.values: the body of that seat
  csr_rows escalates_to;       ///< body → bodies its matters escalate to
  csr_rows governing_parents;  ///< organisation → parents via part_of / business_area_of
  csr_rows children;           ///< organisation → affiliated children (any kind)
  csr_rows represented_by;     ///< represented organisation → representation indices
  csr_rows members_of;         ///< joint organisation → membership indices
  csr_rows memberships_of;     ///< member → membership indices
  csr_rows associations_of;    ///< member → indices of its memberships of municipal associations
  csr_rows owners_of;          ///< owned organisation → ownership indices
  csr_rows funding_to;         ///< recipient → funding rule indices
  std::vector<std::uint8_t> voteless;  ///< body → 1 when it has seats and none carries a vote

  /// @brief The bodies of holder h's seats (`seats_of.row(h)` in the same order).
  [[nodiscard]] std::span<const std::uint32_t> seat_bodies_of(std::uint32_t h) const noexcept {
    return {seat_body_of.data() + seats_of.offsets[h], seat_body_of.data() + seats_of.offsets[h + 1]};
  }
};

}  // namespace orgmodel::detail
