#pragma once
/// @file
/// @brief Ownership as Beneficial Ownership Data Standard (BODS) 0.4 statements, both ways.
///
/// Export writes one entity statement per organisation that owns or is owned, then one
/// relationship statement per holding, with two interests: `shareholding` (equity) and
/// `votingRights` (votes), each with `share` as {exact} or {minimum, maximum} in percent (BODS
/// shares are numbers 0–100). Every statement has `statementId` (32 hex digits, a deterministic
/// FNV-1a-128 hash of model id, record id and record type, so re-exports are stable),
/// `declarationSubject`, `recordId` (the organisation id; for relationships
/// "<owner>/owns/<owned>/<n>"), `recordType`, `recordStatus` "new", `recordDetails` and
/// `publicationDetails` {publicationDate, bodsVersion "0.4", publisher}. Schema: openownership
/// data-standard, schema/statement.json, entity-record.json, relationship-record.json (0.4).
///
/// Exact fractions such as 1/52 have no exact decimal in percent; the interest's free-text
/// `details` carries "orgmodel share 1/52" so that orgmodel reads back exactly what it wrote.
/// Statements from other publishers are read from the numbers: a percentage is turned into the
/// simplest fraction within 10^-12 (continued fractions, denominators up to 10^6).
/// Provenance other than "stated" travels as an annotation ("commenting") on the share.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Publication details written into every statement.
struct bods_options {
  std::string publication_date = "2024-01-01";
  std::string publisher = "orgmodel";
  std::string statement_date;  ///< empty: none written
};

namespace detail {
inline std::string bods_statement_id(std::string_view model_id, std::string_view record_id, std::string_view type) {
  // FNV-1a, 128 bit: offset basis 0x6c62272e07bb014262b821756295c58d, prime 2^88 + 0x13b
  __extension__ using uint128 = unsigned __int128;
  uint128 h = (static_cast<uint128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
  const uint128 prime = (static_cast<uint128>(1) << 88) | 0x13b;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * prime;
    h = (h ^ 0xff) * prime;
  };
  mix(model_id);
  mix(record_id);
  mix(type);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h >> 64), static_cast<unsigned long long>(h));
  return buf;
}

/// Percent number for a share: exact decimal when it has one in few digits, else 17 significant digits.
inline nlohmann::ordered_json bods_percent(const share& s) {
  const double p = s.value() * 100.0;
  return p;
}

/// The simplest fraction within 1e-12 of x (continued fractions, denominator ≤ 10^6), else x to 10^-12.
inline share share_from_double(double x) {
  if (!(x >= 0)) return share::zero();
  std::int64_t h0 = 0, h1 = 1, k0 = 1, k1 = 0;
  double r = x;
  for (int i = 0; i < 40; ++i) {
    double a = std::floor(r);
    if (i > 0 && a > 1e6) break;  // k would exceed 10^6 anyway; and a × h must not overflow
    auto ai = static_cast<std::int64_t>(a);
    std::int64_t h2 = ai * h1 + h0, k2 = ai * k1 + k0;
    if (k2 > 1'000'000) break;
    h0 = h1, h1 = h2, k0 = k1, k1 = k2;
    if (std::fabs(static_cast<double>(h1) / static_cast<double>(k1) - x) < 1e-12) return share(h1, k1);
    if (r - a < 1e-15) break;
    r = 1.0 / (r - a);
  }
  return share(static_cast<std::int64_t>(std::llround(x * 1e12)), 1'000'000'000'000);
}

inline const char* bods_entity_type(organisation_kind k) {
  switch (k) {
    case organisation_kind::municipality:
    case organisation_kind::region:
    case organisation_kind::agency: return "stateBody";
    case organisation_kind::company:
    case organisation_kind::municipal_association:
    case organisation_kind::university:
    case organisation_kind::association:
    case organisation_kind::chamber_of_commerce: return "registeredEntity";
    case organisation_kind::partnership: return "arrangement";
    case organisation_kind::unknown_group: return "unknownEntity";
    default: return "legalEntity";
  }
}
}  // namespace detail

/// @brief The ownership of a model as BODS 0.4 statements (a JSON array).
inline nlohmann::ordered_json to_bods(const model& m, const bods_options& opt = {}) {
  using oj = nlohmann::ordered_json;
  oj out = oj::array();
  const oj publication{{"publicationDate", opt.publication_date}, {"bodsVersion", "0.4"}, {"publisher", {{"name", opt.publisher}}}};
  std::vector<std::uint8_t> involved(m.organisations().size(), 0);
  for (const auto& o : m.ownerships()) involved[o.owner.value] = involved[o.owned.value] = 1;
  auto head = [&](const std::string& record, const char* type, const std::string& subject) {
    oj s{{"statementId", detail::bods_statement_id(m.info().id, record, type)}};
    if (!opt.statement_date.empty()) s["statementDate"] = opt.statement_date;
    s["declarationSubject"] = subject;
    s["recordId"] = record;
    s["recordType"] = type;
    s["recordStatus"] = "new";
    return s;
  };
  for (std::size_t i = 0; i < m.organisations().size(); ++i) {
    if (!involved[i]) continue;
    const auto& o = m.organisations()[i];
    oj s = head(o.id, "entity", o.id);
    oj details{{"isComponent", false},
               {"entityType", {{"type", detail::bods_entity_type(o.kind)}, {"details", std::string(to_string(o.kind))}}},
               {"name", o.name}};
    if (!o.county.empty() || o.kind == organisation_kind::municipality || o.kind == organisation_kind::region)
      details["jurisdiction"] = {{"name", "Sweden"}, {"code", "SE"}};
    if (!o.code.empty()) details["identifiers"] = oj::array({{{"id", o.code}, {"schemeName", "SCB municipality or county code"}}});
    s["recordDetails"] = std::move(details);
    s["publicationDetails"] = publication;
    out.push_back(std::move(s));
  }
  std::unordered_map<std::string, int> seen;
  for (const auto& o : m.ownerships()) {
    const std::string& owner = m[o.owner].id;
    const std::string& owned = m[o.owned].id;
    std::string record = owner + "/owns/" + owned + "/" + std::to_string(seen[owner + "/" + owned]++);
    oj s = head(record, "relationship", owned);
    auto interest = [&](const char* type, const share_range& r) {
      oj share_j = r.exact() ? oj{{"exact", detail::bods_percent(r.low)}}
                             : oj{{"minimum", detail::bods_percent(r.low)}, {"maximum", detail::bods_percent(r.high)}};
      std::string exact = r.exact() ? r.low.str() : r.low.str() + ".." + r.high.str();
      return oj{{"type", type}, {"directOrIndirect", "direct"}, {"beneficialOwnershipOrControl", false},
                {"details", "orgmodel share " + exact}, {"share", std::move(share_j)}};
    };
    oj details{{"isComponent", false}, {"subject", owned}, {"interestedParty", owner},
               {"interests", oj::array({interest("shareholding", o.equity), interest("votingRights", o.votes)})}};
    s["recordDetails"] = std::move(details);
    s["publicationDetails"] = publication;
    if (o.source != provenance::stated || !o.note.empty()) {
      std::string text = std::string(to_string(o.source)) + (o.note.empty() ? "" : ": " + o.note);
      s["annotations"] = oj::array({{{"statementPointerTarget", "/recordDetails/interests"}, {"motivation", "commenting"}, {"description", text}}});
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace detail {
class bods_reader {
 public:
  model_data read(const nlohmann::json& doc, std::string id, std::string name) {
    if (!doc.is_array()) fail(error_code::wrong_type, "", "BODS statements are a JSON array");
    d_.info.id = std::move(id);
    d_.info.name = std::move(name);
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const auto& s = doc[i];
      const std::string p = "/" + std::to_string(i);
      if (!s.is_object()) fail(error_code::wrong_type, p, "a statement is an object");
      auto type = str(s, p, "recordType");
      if (type == "entity" || type == "person") entity(s, p, type == "person");
      else if (type == "relationship") relations_.emplace_back(i, p);
      else fail(error_code::unknown_value, p + "/recordType", "unknown recordType \"" + type + "\"");
    }
    for (auto [i, p] : relations_) relationship(doc[i], p);
    return std::move(d_);
  }

 private:
  [[noreturn]] static void fail(error_code c, std::string ptr, std::string_view what) { throw parse_error(c, std::move(ptr), what); }
  static std::string str(const nlohmann::json& j, const std::string& p, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) fail(error_code::missing_member, p + "/" + key, std::string("missing \"") + key + "\"");
    if (!it->is_string()) fail(error_code::wrong_type, p + "/" + key, std::string("\"") + key + "\" is a string");
    return it->get<std::string>();
  }
  /// An optional string member: "" when absent or not a string (BODS leaves these informative).
  static std::string text_member(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  }
  static const nlohmann::json& obj(const nlohmann::json& j, const std::string& p, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) fail(error_code::missing_member, p + "/" + key, std::string("missing \"") + key + "\"");
    if (!it->is_object()) fail(error_code::wrong_type, p + "/" + key, std::string("\"") + key + "\" is an object");
    return *it;
  }
  void entity(const nlohmann::json& s, const std::string& p, bool person) {
    organisation o;
    o.id = str(s, p, "recordId");
    const auto& det = obj(s, p, "recordDetails");
    o.name = det.contains("name") && det["name"].is_string() ? det["name"].get<std::string>() : o.id;
    if (person) {
      o.kind = organisation_kind::other;
      if (det.contains("names") && det["names"].is_array() && !det["names"].empty() && det["names"][0].contains("fullName") &&
          det["names"][0]["fullName"].is_string())
        o.name = det["names"][0]["fullName"].get<std::string>();
    } else if (det.contains("entityType") && det["entityType"].is_object()) {
      const auto& et = det["entityType"];
      const std::string t = text_member(et, "type");
      const std::string detail = text_member(et, "details");
      if (auto k = parse_enum<organisation_kind>(detail)) o.kind = *k;
      else if (t == "stateBody" || t == "state") o.kind = organisation_kind::agency;
      else if (t == "registeredEntity") o.kind = organisation_kind::company;
      else if (t == "arrangement") o.kind = organisation_kind::partnership;
      else o.kind = organisation_kind::other;
    }
    if (det.contains("identifiers") && det["identifiers"].is_array() && !det["identifiers"].empty() &&
        det["identifiers"][0].contains("id") && det["identifiers"][0]["id"].is_string())
      o.code = det["identifiers"][0]["id"].get<std::string>();
    if (index_.count(o.id)) fail(error_code::duplicate_id, p + "/recordId", "record \"" + o.id + "\" is stated twice");
    index_.emplace(o.id, static_cast<std::uint32_t>(d_.organisations.size()));
    d_.organisations.push_back(std::move(o));
  }
  organisation_index ref(const nlohmann::json& det, const std::string& p, const char* key) {
    auto id = str(det, p, key);
    auto it = index_.find(id);
    if (it == index_.end()) fail(error_code::dangling_reference, p + "/" + key, "no entity or person statement with recordId \"" + id + "\"");
    return organisation_index(it->second);
  }
  static std::optional<share_range> interest_share(const nlohmann::json& in, const std::string& p) {
    if (in.contains("details") && in["details"].is_string()) {
      std::string d = in["details"].get<std::string>();
      constexpr std::string_view tag = "orgmodel share ";
      if (d.rfind(tag, 0) == 0) {
        std::string v = d.substr(tag.size());
        auto dots = v.find("..");
        auto lo = share::parse(v.substr(0, dots));
        auto hi = dots == std::string::npos ? lo : share::parse(v.substr(dots + 2));
        if (lo && hi) return share_range(*lo, *hi);
      }
    }
    if (!in.contains("share")) return std::nullopt;
    const auto& s = in["share"];
    const std::string q = p + "/share";
    if (!s.is_object()) fail(error_code::wrong_type, q, "\"share\" is an object");
    auto num = [&](const char* k, double fallback) {
      if (!s.contains(k)) return fallback;
      if (!s[k].is_number()) fail(error_code::wrong_type, q + "/" + k, "a share is a number of percent");
      double x = s[k].get<double>();
      if (!(x >= 0 && x <= 100)) fail(error_code::out_of_range, q + "/" + k, "a share is between 0 and 100 percent");
      return x;
    };
    if (s.contains("exact")) {
      share e = share_from_double(num("exact", 0) / 100.0);
      return share_range(e);
    }
    double lo = num("minimum", num("exclusiveMinimum", 0)), hi = num("maximum", num("exclusiveMaximum", 100));
    if (hi < lo) fail(error_code::out_of_range, q, "maximum below minimum");
    return share_range(share_from_double(lo / 100.0), share_from_double(hi / 100.0));
  }
  void relationship(const nlohmann::json& s, const std::string& p) {
    const auto& det = obj(s, p, "recordDetails");
    const std::string q = p + "/recordDetails";
    auto owned = ref(det, q, "subject");
    auto owner = ref(det, q, "interestedParty");
    std::optional<share_range> equity, votes;
    if (det.contains("interests")) {
      if (!det["interests"].is_array()) fail(error_code::wrong_type, q + "/interests", "\"interests\" is an array");
      for (std::size_t i = 0; i < det["interests"].size(); ++i) {
        const auto& in = det["interests"][i];
        const std::string ip = q + "/interests/" + std::to_string(i);
        if (!in.is_object()) fail(error_code::wrong_type, ip, "an interest is an object");
        const std::string t = text_member(in, "type");
        if (t == "shareholding") equity = interest_share(in, ip);
        else if (t == "votingRights") votes = interest_share(in, ip);
      }
    }
    if (!equity && !votes) return;  // control by other means: not an ownership
    ownership o;
    o.owner = owner;
    o.owned = owned;
    o.equity = equity ? *equity : *votes;
    o.votes = votes ? *votes : *equity;
    if (s.contains("annotations") && s["annotations"].is_array())
      for (const auto& a : s["annotations"]) {
        const std::string text = text_member(a, "description");  // "estimated: note" (to_bods)
        auto colon = text.find(':');
        auto head = text.substr(0, colon);
        if (auto pv = parse_enum<provenance>(head)) {
          o.source = *pv;
          if (colon != std::string::npos) o.note = text.substr(std::min(text.size(), colon + 2));
        }
      }
    d_.ownerships.push_back(std::move(o));
  }
  model_data d_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::pair<std::size_t, std::string>> relations_;
};
}  // namespace detail

/// @brief A model of the organisations and holdings in BODS 0.4 statements (entity and person
/// statements become organisations, shareholding/votingRights interests become ownerships).
/// @throws parse_error naming the statement by JSON Pointer; invalid_model when the holdings break
/// a model rule (e.g. more than 100 %).
inline model from_bods(const nlohmann::json& statements, std::string id = "bods-import", std::string name = "BODS import") {
  return model(detail::bods_reader().read(statements, std::move(id), std::move(name)));
}

}  // namespace orgmodel
