#pragma once
/// @file
/// @brief Swedish municipalities and counties with their population on 31 Dec 2023 (SCB):
/// look up by name (with å, ä, ö) or by code, county totals, the municipalities of a county.
///
/// @code
/// auto& k = orgmodel::data::municipality("Karlskoga");      // or "1883"
/// std::int64_t orebro_lan = orgmodel::data::county("18").population;   // 308 116
/// @endcode

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgmodel/data/detail/se_population_2023.hpp"
#include "orgmodel/error.hpp"

namespace orgmodel::data {

/// @brief The reference date and source, to print wherever these figures are used.
inline constexpr std::string_view population_source =
    "SCB, Folkmängd i riket, län och kommuner 31 december 2023 (population on 2023-12-31)";
/// @brief The year of the population figures.
inline constexpr int population_year = 2023;

using municipality_record = detail::municipality_row;  ///< code, name, county_code, population
using county_record = detail::county_row;              ///< code, name, population, municipalities

/// @brief All 290 municipalities, in SCB code order.
inline std::span<const municipality_record> municipalities() noexcept { return detail::se_municipalities_2023; }
/// @brief All 21 counties, in code order.
inline std::span<const county_record> counties() noexcept { return detail::se_counties_2023; }

/// @brief ASCII id of a Swedish name, used as organisation id in the bundled models:
/// lower case, å/ä → a, ö → o, é → e, spaces → '-' ("Malung-Sälen" → "malung-salen").
inline std::string slug(std::string_view name) {
  std::string s;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char d = static_cast<unsigned char>(name[++i]);
      switch (d) {
        case 0xA5: case 0xA4: case 0x85: case 0x84: s += 'a'; break;  // å ä Å Ä
        case 0xB6: case 0x96: s += 'o'; break;                        // ö Ö
        case 0xA9: case 0x89: s += 'e'; break;                        // é É
        default: s += '_';
      }
    } else if (c == ' ') {
      s += '-';
    } else if (c >= 'A' && c <= 'Z') {
      s += static_cast<char>(c - 'A' + 'a');
    } else {
      s += static_cast<char>(c);
    }
  }
  return s;
}

/// @brief The organisation id of a municipality: `slug(name)`, unless another municipality's
/// name folds to the same slug — then both get "-<SCB code>" appended, so ids never collide
/// (Håbo "habo-0305" and Habo "habo-0643"; folding å to a would make both "habo").
inline std::string municipality_id(const municipality_record& m) {
  static const std::vector<std::string> shared = [] {  // slugs that two or more names fold to
    std::vector<std::string> all, out;
    for (const auto& o : detail::se_municipalities_2023) all.push_back(slug(o.name));
    std::sort(all.begin(), all.end());
    for (std::size_t i = 1; i < all.size(); ++i)
      if (all[i] == all[i - 1] && (out.empty() || out.back() != all[i])) out.push_back(all[i]);
    return out;
  }();
  std::string s = slug(m.name);
  if (std::binary_search(shared.begin(), shared.end(), s)) s += "-" + std::string(m.code);
  return s;
}

/// @brief The municipality with this name ("Örebro"), id ("orebro", "habo-0305") or code ("1880"),
/// or nothing. A name's exact spelling wins over its slug: "Habo" is Habo, not Håbo; a slug that
/// two municipalities share ("habo") matches neither.
inline const municipality_record* find_municipality(std::string_view name_or_code) noexcept {
  for (const auto& m : detail::se_municipalities_2023)
    if (m.name == name_or_code || m.code == name_or_code) return &m;
  for (const auto& m : detail::se_municipalities_2023)
    if (municipality_id(m) == name_or_code) return &m;
  const std::string s = slug(name_or_code);
  const municipality_record* found = nullptr;
  for (const auto& m : detail::se_municipalities_2023)
    if (slug(m.name) == s) {
      if (found) return nullptr;
      found = &m;
    }
  return found;
}
/// @brief The municipality with this name, slug or code. @throws lookup_error
inline const municipality_record& municipality(std::string_view name_or_code) {
  if (const auto* m = find_municipality(name_or_code)) return *m;
  throw lookup_error("no Swedish municipality named or coded \"" + std::string(name_or_code) + "\" in SCB 2023");
}

namespace detail {
/// The key a county is matched by: the slug without " län" and without the genitive s, so that
/// "Västmanlands län", "västmanlands län", "VÄSTMANLAND" and "Vastmanland" all give "vastmanland".
inline std::string county_key(std::string_view name) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  std::string k = slug(name);
  if (k.ends_with("-lan")) k.resize(k.size() - 4);
  else if (k == "lan") k.clear();
  if (k.ends_with('s')) k.pop_back();
  return k;
}
}  // namespace detail

/// @brief The county with this code ("19") or name as people write it: "Västmanlands län",
/// "Västmanland", "västmanlands län", "VÄSTMANLAND", "Vastmanland" (case and å/ä/ö/é folded,
/// with or without "s län"); or nothing.
inline const county_record* find_county(std::string_view name_or_code) noexcept {
  for (const auto& c : detail::se_counties_2023)
    if (c.name == name_or_code || c.code == name_or_code) return &c;
  const std::string key = detail::county_key(name_or_code);
  if (key.empty()) return nullptr;
  for (const auto& c : detail::se_counties_2023)
    if (detail::county_key(c.name) == key) return &c;
  return nullptr;
}
/// @brief The county with this name or code, as `find_county`.
/// @throws lookup_error naming the input and the counties whose name starts like it (or all).
inline const county_record& county(std::string_view name_or_code) {
  if (const auto* c = find_county(name_or_code)) return *c;
  // Close candidates: the counties whose key starts as the input's does (first four letters);
  // when none does, all of them.
  const std::string key = detail::county_key(name_or_code).substr(0, 4);
  auto list = [&](bool close_only) {
    std::string l;
    for (const auto& c : detail::se_counties_2023)
      if (!close_only || (!key.empty() && detail::county_key(c.name).starts_with(key)))
        l += (l.empty() ? "" : ", ") + std::string(c.name) + " (" + std::string(c.code) + ")";
    return l;
  };
  const std::string close = list(true);
  throw lookup_error("no Swedish county named or coded \"" + std::string(name_or_code) + "\" in SCB 2023 (" +
                     (close.empty() ? "counties: " + list(false) : "close: " + close) + ")");
}

/// @brief The municipalities of a county, in SCB code order. @throws lookup_error
inline std::vector<const municipality_record*> municipalities_of(std::string_view county_name_or_code) {
  const auto& c = county(county_name_or_code);
  std::vector<const municipality_record*> v;
  for (const auto& m : detail::se_municipalities_2023)
    if (m.county_code == c.code) v.push_back(&m);
  return v;
}

}  // namespace orgmodel::data
