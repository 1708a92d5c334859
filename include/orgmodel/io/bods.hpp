#pragma once
/// @file
/// @brief Ownership as Beneficial Ownership Data Standard (BODS) 0.4 statements, both ways.
///
/// Export (`to_bods`) writes one entity or person statement per organisation that owns or is
/// owned, then one relationship statement per holding with two interests: `shareholding` (equity)
/// and `votingRights` (votes), each with `share` as {exact} or {minimum, maximum} in percent (BODS
/// shares are numbers 0–100; an unknown share is the range 0–100, never 0). Every statement has
/// `statementId` (a name-based SHA-1 UUID, RFC 4122 version 5, of model id, record id, record type
/// and statement date, so a re-export of the same model on the same date gives the same ids),
/// `statementDate`, `declarationSubject`, `recordId` (the organisation id; for relationships
/// "<owner>/owns/<owned>/<n>"), `recordType`, `recordStatus` "new", `recordDetails` and
/// `publicationDetails` {publicationDate, bodsVersion "0.4", publisher}. Facts that are not
/// `stated` (assumed, estimated, derived) carry an annotation (motivation "commenting") saying so.
/// Schema: openownership data-standard 0.4, schema/statement.json, entity-record.json,
/// person-record.json, relationship-record.json.
///
/// Exact fractions such as 1/52 have no exact decimal in percent; the interest's free-text
/// `details` carries "orgmodel share 1/52" so that orgmodel reads back exactly what it wrote.
/// Statements from other publishers are read from the numbers: a percentage is turned into the
/// simplest fraction within 10^-12 (continued fractions, denominators up to 10^6).
///
/// Import (`import_bods`, `from_bods`) reads every statement the standard describes: statements
/// of one record are applied in order (`new`, then `updated` replaces the details, `closed` ends
/// the record) and the model holds each record's latest state while the result keeps every
/// statement's id, date and status; direct shareholding and voting-rights interests become
/// ownerships, every other interest (indirect, unknown directness, ended, other kinds such as
/// board appointment) is kept as a declared interest and never added to direct equity; an
/// unspecified party ({reason, description}) and anonymous or unknown persons and entities become
/// organisations of kind `unknown_group`. What the model has no field for travels in the member
/// `"bods"` of each element (kept by the JSON format), so `import → save → export` loses nothing
/// orgmodel reads.

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief Publication details written into every statement.
struct bods_options {
  /// YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[Z|±hh:mm]; empty: today's date (UTC).
  std::string publication_date;
  /// Same forms; empty: the publication date.
  std::string statement_date;
  std::string publisher = "orgmodel";  ///< publisher name
  std::string publisher_url;           ///< empty: none written
};

namespace detail {
/// BODS dates: RFC 3339 full-date, or date-time with seconds and an optional zone (JSON Schema
/// "date" / "date-time" formats; a zone-less time is accepted as the standard's own examples use it).
inline bool is_bods_date(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2)) return false;
  const int month = num(5, 2), day = num(8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (s.size() == 10) return true;
  if ((s[10] != 'T' && s[10] != 't') || !digits(11, 2) || s.size() < 19 || s[13] != ':' || !digits(14, 2) || s[16] != ':' ||
      !digits(17, 2))
    return false;
  if (num(11, 2) > 23 || num(14, 2) > 59 || num(17, 2) > 60) return false;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return true;
  return (s[i] == '+' || s[i] == '-') && s.size() == i + 6 && digits(i + 1, 2) && s[i + 3] == ':' && digits(i + 4, 2);
}

inline std::string utc_today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// Version-5 UUID of the statement, in the namespace that is itself the version-5 UUID of
/// "urn:orgmodel:bods" in the RFC 4122 URL namespace.
inline std::string bods_statement_id(std::string_view model_id, std::string_view record_id, std::string_view type,
                                     std::string_view date) {
  static const boost::uuids::uuid space = boost::uuids::name_generator_sha1(boost::uuids::ns::url())("urn:orgmodel:bods");
  std::string name;
  name.reserve(model_id.size() + record_id.size() + type.size() + date.size() + 3);
  name.append(model_id).append(1, '\x1f').append(record_id).append(1, '\x1f').append(type).append(1, '\x1f').append(date);
  return boost::uuids::to_string(boost::uuids::name_generator_sha1(space)(name));
}

inline double bods_percent(const share& s) { return s.value() * 100.0; }

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

/// The "bods" member of an element's extensions, or null.
template <class Json>
Json bods_extension(const extensions& extra) {
  for (const auto& [k, v] : extra)
    if (k == "bods") {
      auto j = Json::parse(v, nullptr, false);
      return j.is_object() ? j : Json();
    }
  return nullptr;
}

/// A JSON document type such as nlohmann's json or ordered_json. The entry points below are
/// templates on it, so that only a translation unit that reads or writes BODS compiles them.
template <class Json>
concept json_document = requires(const Json& j) {
  j.is_array();
  j.dump();
};
}  // namespace detail

/// @brief The ownership of a model as BODS 0.4 statements (a JSON array).
/// @throws parse_error (code out_of_range, pointer "/publicationDate" or "/statementDate") when a
/// date in `opt` is not a BODS date.
template <class Json = nlohmann::ordered_json>
Json to_bods(const model& m, const bods_options& opt = {}) {
  using oj = Json;
  const std::string published = opt.publication_date.empty() ? detail::utc_today() : opt.publication_date;
  const std::string stated = opt.statement_date.empty() ? published : opt.statement_date;
  if (!detail::is_bods_date(published))
    throw parse_error(error_code::out_of_range, "/publicationDate", "\"" + published + "\" is not YYYY-MM-DD or an RFC 3339 date-time");
  if (!detail::is_bods_date(stated))
    throw parse_error(error_code::out_of_range, "/statementDate", "\"" + stated + "\" is not YYYY-MM-DD or an RFC 3339 date-time");
  oj publisher{{"name", opt.publisher}};
  if (!opt.publisher_url.empty()) publisher["url"] = opt.publisher_url;
  const oj publication{{"publicationDate", published}, {"bodsVersion", "0.4"}, {"publisher", std::move(publisher)}};

  oj out = oj::array();
  std::vector<std::uint8_t> involved(m.organisations().size(), 0);
  for (const auto& o : m.ownerships()) involved[o.owner.value] = involved[o.owned.value] = 1;
  std::vector<oj> ext(m.organisations().size());
  for (std::size_t i = 0; i < ext.size(); ++i)
    if (involved[i]) ext[i] = detail::bods_extension<oj>(m.organisations()[i].extra);
  auto unspecified = [&](std::size_t i) { return ext[i].is_object() && ext[i].contains("unspecified"); };

  auto head = [&](const std::string& record, const char* type, const std::string& subject) {
    oj s{{"statementId", detail::bods_statement_id(m.info().id, record, type, stated)}};
    s["statementDate"] = stated;
    s["declarationSubject"] = subject;
    s["recordId"] = record;
    s["recordType"] = type;
    s["recordStatus"] = "new";
    return s;
  };
  // Provenance other than "stated", then annotations read from another publisher, are re-emitted.
  auto annotate = [](oj& s, provenance source, const std::string& note, const oj& ext_j, const char* target) {
    oj list = oj::array();
    if (source != provenance::stated || !note.empty())
      list.push_back({{"statementPointerTarget", target}, {"motivation", "commenting"},
                      {"description", std::string(to_string(source)) + (note.empty() ? "" : ": " + note)}});
    if (ext_j.is_object() && ext_j.contains("annotations") && ext_j["annotations"].is_array())
      for (const auto& a : ext_j["annotations"]) list.push_back(a);
    if (!list.empty()) s["annotations"] = std::move(list);
  };

  for (std::size_t i = 0; i < m.organisations().size(); ++i) {
    if (!involved[i] || unspecified(i)) continue;
    const auto& o = m.organisations()[i];
    const oj& e = ext[i];
    const bool person = e.is_object() && e.value("recordType", "") == "person";
    oj s = head(o.id, person ? "person" : "entity", o.id);
    oj details{{"isComponent", false}};
    if (person) {
      details["personType"] = e.value("personType", "knownPerson");
      if (details["personType"] == "knownPerson" || o.name != o.id)
        details["names"] = oj::array({{{"type", "individual"}, {"fullName", o.name}}});
    } else {
      details["entityType"] = {{"type", e.is_object() && e.contains("entityType") ? e.value("entityType", "legalEntity")
                                                                                   : detail::bods_entity_type(o.kind)},
                               {"details", std::string(to_string(o.kind))}};
      details["name"] = o.name;
      if (!o.county.empty() || o.kind == organisation_kind::municipality || o.kind == organisation_kind::region)
        details["jurisdiction"] = {{"name", "Sweden"}, {"code", "SE"}};
    }
    if (!o.code.empty()) details["identifiers"] = oj::array({{{"id", o.code}, {"schemeName", "SCB municipality or county code"}}});
    s["recordDetails"] = std::move(details);
    s["publicationDetails"] = publication;
    annotate(s, o.source, o.note, e, "/");
    out.push_back(std::move(s));
  }
  auto party = [&](organisation_index x) -> oj {
    if (unspecified(x.value)) return ext[x.value]["unspecified"];
    return m[x].id;
  };
  std::unordered_map<std::string, int> seen;
  for (const auto& o : m.ownerships()) {
    const std::string& owner = m[o.owner].id;
    const std::string& owned = m[o.owned].id;
    const oj e = detail::bods_extension<oj>(o.extra);
    std::string record = e.is_object() && e.contains("recordId") && e["recordId"].is_string()
                             ? e["recordId"].template get<std::string>()
                             : owner + "/owns/" + owned + "/" + std::to_string(seen[owner + "/" + owned]++);
    oj s = head(record, "relationship", unspecified(o.owned.value) ? owner : owned);
    auto interest = [&](const char* type, const share_range& r) {
      oj share_j = r.exact() ? oj{{"exact", detail::bods_percent(r.low)}}
                             : oj{{"minimum", detail::bods_percent(r.low)}, {"maximum", detail::bods_percent(r.high)}};
      std::string exact = r.exact() ? r.low.str() : r.low.str() + ".." + r.high.str();
      return oj{{"type", type}, {"directOrIndirect", "direct"}, {"beneficialOwnershipOrControl", false},
                {"details", "orgmodel share " + exact}, {"share", std::move(share_j)}};
    };
    s["recordDetails"] = {{"isComponent", false}, {"subject", party(o.owned)}, {"interestedParty", party(o.owner)},
                          {"interests", oj::array({interest("shareholding", o.equity), interest("votingRights", o.votes)})}};
    s["publicationDetails"] = publication;
    annotate(s, o.source, o.note, e, "/recordDetails/interests");
    out.push_back(std::move(s));
  }
  return out;
}

/// @brief An interest a BODS relationship declares that is not a current direct holding:
/// indirect or of unknown directness, ended (`endDate`), or of another kind than shareholding and
/// voting rights. Kept as declared; never added to direct equity.
struct bods_declared_interest {
  std::string record_id;         ///< the relationship record
  std::string subject;           ///< organisation id
  std::string interested_party;  ///< organisation id
  std::string type;              ///< interestType code, e.g. "shareholding", "appointmentOfBoard"
  std::string direct_or_indirect = "unknown";
  std::optional<share_range> share;  ///< nothing when the statement gives no share
  bool beneficial_ownership_or_control = false;
  std::string start_date, end_date, details;
  friend bool operator==(const bods_declared_interest&, const bods_declared_interest&) = default;
};

/// @brief One statement as read, in input order: the history of its record.
struct bods_statement_ref {
  std::string statement_id;  ///< empty when the statement has none
  std::string statement_date;
  std::string record_id;
  std::string record_type;
  std::string record_status;  ///< "new", "updated" or "closed"
  friend bool operator==(const bods_statement_ref&, const bods_statement_ref&) = default;
};

/// @brief What `import_bods` reads: the model of the latest state, and what has no place in it.
struct bods_import {
  model result;
  std::vector<bods_declared_interest> declared_interests;
  std::vector<bods_statement_ref> history;  ///< every statement, in input order
  std::vector<std::string> closed_records;  ///< record ids whose latest statement is `closed`
};

namespace detail {
template <class Json>
class bods_reader {
 public:
  bods_import read(const Json& doc, std::string id, std::string name) {
    if (!doc.is_array()) fail(error_code::wrong_type, "/", "BODS statements are a JSON array");
    // Pass 1: every statement's header; the latest statement of each record wins.
    for (std::size_t i = 0; i < doc.size(); ++i) header(doc[i], "/" + std::to_string(i), i);
    // Pass 2: relationships (they decide which closed entities are still referenced).
    for (const auto& r : records_)
      if (r.type == "relationship" && r.status != "closed") relationship(doc[r.latest], ptr(r.latest));
    // Pass 3: entities and persons in the order of their first statement.
    for (const auto& r : records_) {
      if (r.type == "relationship") continue;
      if (r.status == "closed" && !referenced_.count(r.id)) continue;
      party(doc[r.latest], ptr(r.latest), r);
    }
    model_data d;
    d.info.id = std::move(id);
    d.info.name = std::move(name);
    d.organisations = std::move(orgs_);
    for (auto& p : pending_) {
      ownership o;
      o.owner = index(p.owner, p.owner_ptr);
      o.owned = index(p.owned, p.owned_ptr);
      o.equity = p.equity;
      o.votes = p.votes;
      o.source = p.source;
      o.note = std::move(p.note);
      o.extra.emplace_back("bods", p.ext.dump());
      d.ownerships.push_back(std::move(o));
    }
    nlohmann::ordered_json info_ext = nlohmann::ordered_json::object();
    if (!declared_.empty()) {
      auto& arr = info_ext["declaredInterests"] = nlohmann::ordered_json::array();
      for (const auto& x : declared_) arr.push_back(declared_json(x));
    }
    for (const auto& r : records_)
      if (r.status == "closed") out_.closed_records.push_back(r.id);
    if (!out_.closed_records.empty()) info_ext["closedRecords"] = out_.closed_records;
    if (!info_ext.empty()) d.info.extra.emplace_back("bods", info_ext.dump());
    bods_import res{model(std::move(d)), std::move(declared_), std::move(out_.history), std::move(out_.closed_records)};
    return res;
  }

 private:
  struct record {
    std::string id, type, status;
    std::size_t latest = 0;
    std::string latest_date;
    std::vector<std::string> statements;
  };
  struct pending_ownership {
    std::string owner, owned, owner_ptr, owned_ptr;
    share_range equity, votes;
    provenance source = provenance::stated;
    std::string note;
    nlohmann::ordered_json ext;
  };

  [[noreturn]] static void fail(error_code c, std::string p, std::string_view what) { throw parse_error(c, std::move(p), what); }
  static std::string ptr(std::size_t i) { return "/" + std::to_string(i); }
  static const Json* member(const Json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
  }
  static const Json& object(const Json& j, const std::string& p) {
    if (!j.is_object()) fail(error_code::wrong_type, p, std::string("expected an object, found ") + j.type_name());
    return j;
  }
  static const Json& array(const Json& j, const std::string& p) {
    if (!j.is_array()) fail(error_code::wrong_type, p, std::string("expected an array, found ") + j.type_name());
    return j;
  }
  static std::string string(const Json& j, const std::string& p) {
    if (!j.is_string()) fail(error_code::wrong_type, p, std::string("expected a string, found ") + j.type_name());
    return j.template get<std::string>();
  }
  static std::string req_str(const Json& j, const std::string& p, const char* key) {
    const Json* v = member(j, key);
    if (!v) fail(error_code::missing_member, p + "/" + key, std::string("missing \"") + key + "\"");
    return string(*v, p + "/" + key);
  }
  static std::optional<std::string> opt_str(const Json& j, const std::string& p, const char* key) {
    const Json* v = member(j, key);
    if (!v) return std::nullopt;
    return string(*v, p + "/" + key);
  }
  static std::string one_of(std::string v, const std::string& p, std::initializer_list<std::string_view> allowed, const char* what) {
    for (auto a : allowed)
      if (v == a) return v;
    fail(error_code::unknown_value, p, std::string("unknown ") + what + " \"" + v + "\"");
  }
  static std::optional<std::string> opt_date(const Json& j, const std::string& p, const char* key) {
    auto v = opt_str(j, p, key);
    if (v && !is_bods_date(*v)) fail(error_code::out_of_range, p + "/" + key, "\"" + *v + "\" is not a date (YYYY-MM-DD or RFC 3339)");
    return v;
  }

  void header(const Json& s, const std::string& p, std::size_t i) {
    object(s, p);
    bods_statement_ref h;
    h.statement_id = opt_str(s, p, "statementId").value_or("");
    h.statement_date = opt_date(s, p, "statementDate").value_or("");
    h.record_id = req_str(s, p, "recordId");
    h.record_type = one_of(req_str(s, p, "recordType"), p + "/recordType", {"entity", "person", "relationship"}, "recordType");
    h.record_status = one_of(opt_str(s, p, "recordStatus").value_or("new"), p + "/recordStatus", {"new", "updated", "closed"}, "recordStatus");
    const Json* det = member(s, "recordDetails");
    if (!det) fail(error_code::missing_member, p + "/recordDetails", "missing \"recordDetails\"");
    object(*det, p + "/recordDetails");
    if (const Json* a = member(s, "annotations")) annotations(*a, p + "/annotations");
    auto [it, fresh] = by_id_.try_emplace(h.record_id, records_.size());
    if (fresh) records_.push_back({h.record_id, h.record_type, h.record_status, i, h.statement_date, {}});
    record& r = records_[it->second];
    if (r.type != h.record_type)
      fail(error_code::duplicate_id, p + "/recordId", "record \"" + h.record_id + "\" is stated as " + r.type + " and as " + h.record_type);
    // A later statement replaces the record unless both are dated and it is older.
    if (!fresh && (h.statement_date.empty() || r.latest_date.empty() || !(h.statement_date < r.latest_date))) {
      r.latest = i;
      r.status = h.record_status;
      r.latest_date = h.statement_date;
    }
    if (!h.statement_id.empty()) r.statements.push_back(h.statement_id);
    out_.history.push_back(std::move(h));
  }

  /// Annotations: each an object with statementPointerTarget and motivation (required by 0.4).
  static void annotations(const Json& a, const std::string& p) {
    array(a, p);
    for (std::size_t k = 0; k < a.size(); ++k) {
      const std::string q = p + "/" + std::to_string(k);
      object(a[k], q);
      req_str(a[k], q, "statementPointerTarget");
      one_of(req_str(a[k], q, "motivation"), q + "/motivation", {"commenting", "correcting", "identifying", "linking", "transformation"},
             "annotation motivation");
      opt_str(a[k], q, "description");
      if (a[k].value("motivation", "") == "linking") req_str(a[k], q, "url");
    }
  }
  /// Our own provenance annotation ("assumed: note") sets source and note; others are kept.
  static void read_annotations(const Json& s, provenance& source, std::string& note, nlohmann::ordered_json& ext) {
    const Json* a = member(s, "annotations");
    if (!a) return;
    for (const auto& x : *a) {
      std::string text = x.value("description", "");
      auto colon = text.find(':');
      if (auto pv = parse_enum<provenance>(text.substr(0, colon)); pv && x.value("motivation", "") == "commenting") {
        source = *pv;
        note = colon == std::string::npos ? "" : text.substr(colon + 1);
        if (!note.empty() && note.front() == ' ') note.erase(0, 1);
      } else {
        ext["annotations"].push_back(nlohmann::ordered_json::parse(x.dump()));
      }
    }
  }

  void party(const Json& s, const std::string& p, const record& r) {
    const Json& det = *member(s, "recordDetails");
    const std::string q = p + "/recordDetails";
    organisation o;
    o.id = r.id;
    o.name = r.id;
    nlohmann::ordered_json ext{{"recordType", r.type}};
    auto unspecified_name = [&](const char* key, std::string fallback) {
      if (const Json* u = member(det, key)) {
        object(*u, q + "/" + key);
        auto reason = opt_str(*u, q + "/" + key, "reason");
        auto desc = opt_str(*u, q + "/" + key, "description");
        if (desc && !desc->empty()) return *desc;
        if (reason) return fallback + " (" + *reason + ")";
      }
      return fallback;
    };
    if (r.type == "person") {
      const std::string pt = one_of(opt_str(det, q, "personType").value_or("knownPerson"), q + "/personType",
                                    {"knownPerson", "anonymousPerson", "unknownPerson"}, "personType");
      ext["personType"] = pt;
      o.kind = pt == "knownPerson" ? organisation_kind::other : organisation_kind::unknown_group;
      if (pt != "knownPerson") o.name = unspecified_name("unspecifiedPersonDetails", pt == "anonymousPerson" ? "anonymous person" : "unknown person");
      if (const Json* names = member(det, "names")) {
        array(*names, q + "/names");
        for (std::size_t k = 0; k < names->size(); ++k) {
          const std::string np = q + "/names/" + std::to_string(k);
          object((*names)[k], np);
          auto full = opt_str((*names)[k], np, "fullName");
          auto given = opt_str((*names)[k], np, "givenName");
          auto family = opt_str((*names)[k], np, "familyName");
          if (k == 0) {
            if (full) o.name = *full;
            else if (given || family) o.name = given.value_or("") + (given && family ? " " : "") + family.value_or("");
          }
        }
      }
    } else {
      const Json* et = member(det, "entityType");
      std::string t = "legalEntity", local;
      if (et) {
        object(*et, q + "/entityType");
        t = one_of(req_str(*et, q + "/entityType", "type"), q + "/entityType/type",
                   {"registeredEntity", "legalEntity", "arrangement", "anonymousEntity", "unknownEntity", "state", "stateBody"},
                   "entityType");
        local = opt_str(*et, q + "/entityType", "details").value_or("");
        opt_str(*et, q + "/entityType", "subtype");
      }
      ext["entityType"] = t;
      if (auto k = parse_enum<organisation_kind>(local)) o.kind = *k;
      else if (t == "stateBody" || t == "state") o.kind = organisation_kind::agency;
      else if (t == "registeredEntity") o.kind = organisation_kind::company;
      else if (t == "arrangement") o.kind = organisation_kind::partnership;
      else if (t == "anonymousEntity" || t == "unknownEntity") o.kind = organisation_kind::unknown_group;
      else o.kind = organisation_kind::other;
      if (auto n = opt_str(det, q, "name")) o.name = *n;
      else if (o.kind == organisation_kind::unknown_group)
        o.name = unspecified_name("unspecifiedEntityDetails", t == "anonymousEntity" ? "anonymous entity" : "unknown entity");
    }
    if (const Json* ids = member(det, "identifiers")) {
      array(*ids, q + "/identifiers");
      for (std::size_t k = 0; k < ids->size(); ++k) {
        object((*ids)[k], q + "/identifiers/" + std::to_string(k));
        auto code = opt_str((*ids)[k], q + "/identifiers/" + std::to_string(k), "id");
        if (k == 0 && code) o.code = *code;
      }
    }
    read_annotations(s, o.source, o.note, ext);
    if (r.status == "closed") ext["recordStatus"] = "closed";
    ext["statementIds"] = r.statements;
    o.extra.emplace_back("bods", ext.dump());
    index_.emplace(o.id, static_cast<std::uint32_t>(orgs_.size()));
    orgs_.push_back(std::move(o));
  }

  /// A party of a relationship: a record id, or an unspecified party that becomes its own
  /// organisation of kind unknown_group.
  std::string party_ref(const Json& det, const std::string& q, const char* key, const std::string& record_id) {
    const Json* v = member(det, key);
    if (!v) fail(error_code::missing_member, q + "/" + key, std::string("missing \"") + key + "\"");
    if (v->is_string()) {
      std::string id = v->template get<std::string>();
      auto it = by_id_.find(id);
      if (it == by_id_.end() || records_[it->second].type == "relationship")
        fail(error_code::dangling_reference, q + "/" + key, "no entity or person statement with recordId \"" + id + "\"");
      referenced_.insert(id);
      return id;
    }
    if (!v->is_object()) fail(error_code::wrong_type, q + "/" + key, "expected a recordId or an unspecified party {reason, description}");
    nlohmann::ordered_json u = nlohmann::ordered_json::object();
    if (auto reason = opt_str(*v, q + "/" + key, "reason")) u["reason"] = *reason;
    if (auto desc = opt_str(*v, q + "/" + key, "description")) u["description"] = *desc;
    organisation o;
    o.id = record_id + "#" + key;
    o.kind = organisation_kind::unknown_group;
    o.name = u.value("description", "");
    if (o.name.empty()) o.name = std::string("unspecified ") + (std::string_view(key) == "subject" ? "subject" : "interested party") +
                                 (u.contains("reason") ? " (" + u["reason"].get<std::string>() + ")" : "");
    o.extra.emplace_back("bods", nlohmann::ordered_json{{"unspecified", u}}.dump());
    if (by_id_.count(o.id)) fail(error_code::duplicate_id, q + "/" + key, "record \"" + o.id + "\" exists");
    index_.emplace(o.id, static_cast<std::uint32_t>(orgs_.size()));
    orgs_.push_back(std::move(o));
    return record_id + "#" + key;
  }

  std::optional<share_range> interest_share(const Json& in, const std::string& p) {
    if (auto d = opt_str(in, p, "details")) {
      constexpr std::string_view tag = "orgmodel share ";
      if (d->rfind(tag, 0) == 0) {
        std::string v = d->substr(tag.size());
        auto dots = v.find("..");
        auto lo = share::parse(v.substr(0, dots));
        auto hi = dots == std::string::npos ? lo : share::parse(v.substr(dots + 2));
        if (lo && hi && !(*hi < *lo) && !(share::one() < *hi)) return share_range(*lo, *hi);
      }
    }
    const Json* s = member(in, "share");
    if (!s) return std::nullopt;
    const std::string q = p + "/share";
    object(*s, q);
    auto num = [&](const char* k) -> std::optional<double> {
      const Json* v = member(*s, k);
      if (!v) return std::nullopt;
      if (!v->is_number()) fail(error_code::wrong_type, q + "/" + k, "a share is a number of percent");
      double x = v->template get<double>();
      if (!(x >= 0 && x <= 100)) fail(error_code::out_of_range, q + "/" + k, "a share is between 0 and 100 percent");
      return x;
    };
    if (auto e = num("exact")) return share_range(share_from_double(*e / 100.0));
    // Exclusive bounds are kept as the (inclusive) bound: the model's ranges are closed.
    double lo = num("minimum").value_or(num("exclusiveMinimum").value_or(0));
    double hi = num("maximum").value_or(num("exclusiveMaximum").value_or(100));
    if (hi < lo) fail(error_code::out_of_range, q, "maximum below minimum");
    return share_range(share_from_double(lo / 100.0), share_from_double(hi / 100.0));
  }

  void relationship(const Json& s, const std::string& p) {
    const Json& det = *member(s, "recordDetails");
    const std::string q = p + "/recordDetails";
    const std::string rid = req_str(s, p, "recordId");
    const std::string owned = party_ref(det, q, "subject", rid);
    const std::string owner = party_ref(det, q, "interestedParty", rid);
    std::optional<share_range> equity, votes;
    bool direct_holding = false;
    if (const Json* ins = member(det, "interests")) {
      array(*ins, q + "/interests");
      for (std::size_t i = 0; i < ins->size(); ++i) {
        const Json& in = (*ins)[i];
        const std::string ip = q + "/interests/" + std::to_string(i);
        object(in, ip);
        bods_declared_interest x;
        x.record_id = rid;
        x.subject = owned;
        x.interested_party = owner;
        x.type = one_of(req_str(in, ip, "type"), ip + "/type",
                        {"shareholding", "votingRights", "appointmentOfBoard", "otherInfluenceOrControl", "seniorManagingOfficial",
                         "settlor", "trustee", "protector", "beneficiaryOfLegalArrangement", "rightsToSurplusAssetsOnDissolution",
                         "rightsToProfitOrIncome", "rightsGrantedByContract", "conditionalRightsGrantedByContract",
                         "controlViaCompanyRulesOrArticles", "controlByLegalFramework", "boardMember", "boardChair",
                         "unknownInterest", "unpublishedInterest", "enjoymentAndUseOfAssets", "rightToProfitOrIncomeFromAssets"},
                        "interest type");
        // Absent directness is read as direct: orgmodel's own exports before 0.2 and many
        // registers leave it out for the declaring company's own shareholders.
        x.direct_or_indirect = one_of(opt_str(in, ip, "directOrIndirect").value_or("direct"), ip + "/directOrIndirect",
                                      {"direct", "indirect", "unknown"}, "directOrIndirect");
        if (const Json* b = member(in, "beneficialOwnershipOrControl")) {
          if (!b->is_boolean()) fail(error_code::wrong_type, ip + "/beneficialOwnershipOrControl", "expected true or false");
          x.beneficial_ownership_or_control = b->template get<bool>();
        }
        x.start_date = opt_date(in, ip, "startDate").value_or("");
        x.end_date = opt_date(in, ip, "endDate").value_or("");
        x.details = opt_str(in, ip, "details").value_or("");
        x.share = interest_share(in, ip);
        const bool holding = x.type == "shareholding" || x.type == "votingRights";
        if (holding && x.direct_or_indirect == "direct" && x.end_date.empty()) {
          // An interest without a share is a holding of unknown size: 0–100 %, never 0.
          (x.type == "shareholding" ? equity : votes) = x.share.value_or(share_range(share::zero(), share::one()));
          direct_holding = true;
        } else {
          declared_.push_back(std::move(x));
        }
      }
    }
    if (!direct_holding) return;
    pending_ownership o;
    o.owner = owner;
    o.owned = owned;
    o.owner_ptr = q + "/interestedParty";
    o.owned_ptr = q + "/subject";
    // Equity stated without votes: votes follow equity (the model's rule); votes alone: equity unknown.
    o.equity = equity ? *equity : share_range(share::zero(), share::one());
    o.votes = votes ? *votes : *equity;
    o.ext = nlohmann::ordered_json{{"recordId", rid}};
    read_annotations(s, o.source, o.note, o.ext);
    o.ext["statementIds"] = records_[by_id_.at(rid)].statements;
    pending_.push_back(std::move(o));
  }

  organisation_index index(const std::string& id, const std::string& p) {
    auto it = index_.find(id);
    if (it == index_.end()) fail(error_code::dangling_reference, p, "record \"" + id + "\" is closed");
    return organisation_index(it->second);
  }
  static nlohmann::ordered_json declared_json(const bods_declared_interest& x) {
    nlohmann::ordered_json j{{"recordId", x.record_id}, {"subject", x.subject}, {"interestedParty", x.interested_party},
                             {"type", x.type}, {"directOrIndirect", x.direct_or_indirect}};
    if (x.share) j["share"] = x.share->exact() ? x.share->low.str() : x.share->low.str() + ".." + x.share->high.str();
    if (x.beneficial_ownership_or_control) j["beneficialOwnershipOrControl"] = true;
    if (!x.start_date.empty()) j["startDate"] = x.start_date;
    if (!x.end_date.empty()) j["endDate"] = x.end_date;
    if (!x.details.empty()) j["details"] = x.details;
    return j;
  }

  std::vector<record> records_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::unordered_set<std::string> referenced_;
  std::vector<organisation> orgs_;
  std::vector<pending_ownership> pending_;
  std::vector<bods_declared_interest> declared_;
  struct {
    std::vector<bods_statement_ref> history;
    std::vector<std::string> closed_records;
  } out_;
};
}  // namespace detail

/// @brief The latest state of BODS 0.4 statements as a model, with their history and every
/// interest that is not a current direct holding.
/// @throws parse_error naming the statement by JSON Pointer (wrong types, unknown codes, bad
/// dates, missing members, references to no entity or person); invalid_model when the direct
/// holdings break a model rule (e.g. more than 100 %).
template <detail::json_document Json>
bods_import import_bods(const Json& statements, std::string id = "bods-import", std::string name = "BODS import") {
  return detail::bods_reader<Json>().read(statements, std::move(id), std::move(name));
}

/// @brief The model of `import_bods` alone (entity and person statements become organisations,
/// direct shareholding/votingRights interests become ownerships).
template <detail::json_document Json>
model from_bods(const Json& statements, std::string id = "bods-import", std::string name = "BODS import") {
  return import_bods(statements, std::move(id), std::move(name)).result;
}

/// @brief Reads BODS 0.4 statements from JSON text (e.g. standard input), as `load_bods_file`.
template <class Json = nlohmann::ordered_json>
bods_import parse_bods(const std::string& text, std::string id = "bods-import") {
  Json doc;
  detail::tracking_sax<Json> sax(doc, text);
  Json::sax_parse(text.begin(), text.end(), &sax);
  std::string name = id;
  return import_bods(doc, std::move(id), std::move(name));
}

/// @brief Reads a BODS 0.4 file (a JSON array of statements); the model id is the file name
/// without directories and without ".json" / ".bods.json".
/// @throws lookup_error when the file cannot be read; parse_error for bad JSON (with line, column
/// and pointer) or bad statements; invalid_model as `import_bods`.
template <class Json = nlohmann::ordered_json>
bods_import load_bods_file(const std::string& path) {
  std::string id = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  for (std::string_view ext : {".bods.json", ".json"})
    if (id.size() > ext.size() && id.ends_with(ext)) {
      id.resize(id.size() - ext.size());
      break;
    }
  return parse_bods<Json>(read_text_file(path), id);
}

}  // namespace orgmodel
