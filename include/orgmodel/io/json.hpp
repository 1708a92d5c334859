#pragma once
/// @file
/// @brief The JSON model format (docs/model-format.md, schema in share/orgmodel/model.schema.json):
/// reading with precise errors, and canonical, lossless writing.
///
/// `to_json(from_json(text))` is the canonical form of `text`; reading it back gives an equal
/// model and writing that gives the same bytes. Members the format does not know are kept.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <system_error>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/model/model.hpp"

namespace orgmodel {

/// @brief The format tag written at the top of every model file.
inline constexpr std::string_view model_format_tag = "orgmodel/1";

/// @brief Where writing a model file is: `phase` "elements" (done of total elements converted),
/// "serialising" (0 of 1, then 1 of 1) or "bytes" (done of total bytes written).
struct save_progress {
  std::string_view phase;
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};
/// @brief A progress callback for save_model_file(); empty: none.
using save_progress_fn = std::function<void(const save_progress&)>;

namespace detail {

using ojson = nlohmann::ordered_json;

/// @brief Escapes a member name for use in a JSON Pointer (RFC 6901: ~ → ~0, / → ~1).
inline std::string pointer_token(std::string_view key) {
  std::string t;
  for (char c : key) {
    if (c == '~') t += "~0";
    else if (c == '/') t += "~1";
    else t += c;
  }
  return t;
}

/// @brief Refuses nesting deeper than `limit` before parsing, so no recursive step can overflow the stack.
inline void check_nesting(std::string_view text, std::size_t limit = 128) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit)
        throw parse_error(error_code::out_of_range, "", "nesting deeper than " + std::to_string(limit) + " levels at byte " + std::to_string(i), i);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

/// @brief Builds the document as nlohmann's own DOM parser does, but knows the JSON Pointer of the
/// value being read at every step, so that a syntax error, a number too large for a double
/// (`1e400`, which nlohmann reports as `out_of_range`, not as a parse error) or a member name given
/// twice (which nlohmann would silently resolve to the last value, losing data) becomes an
/// `orgmodel::parse_error` that names where it happened.
///
/// A template on the DOM type, as the reader and writer below: a translation unit that includes
/// this header but reads or writes no JSON instantiates none of nlohmann's parser (docs/test-time.md).
template <class Json>
class tracking_sax {
 public:
  using ojson = Json;
  using number_integer_t = typename ojson::number_integer_t;
  using number_unsigned_t = typename ojson::number_unsigned_t;
  using number_float_t = typename ojson::number_float_t;
  using string_t = typename ojson::string_t;
  using binary_t = typename ojson::binary_t;

  tracking_sax(ojson& root, std::string_view text) : root_(root), text_(text) {}

  bool null() { return put(nullptr); }
  bool boolean(bool v) { return put(v); }
  bool number_integer(number_integer_t v) { return put(v); }
  bool number_unsigned(number_unsigned_t v) { return put(v); }
  bool number_float(number_float_t v, const string_t& /*text*/) { return put(v); }
  bool string(string_t& v) { return put(std::move(v)); }
  bool binary(binary_t& v) { return put(ojson::binary(std::move(v))); }
  bool start_object(std::size_t /*size*/) { return open(ojson::object()); }
  bool start_array(std::size_t /*size*/) { return open(ojson::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    auto& f = stack_.back();
    if (f.node->contains(k))
      throw orgmodel::parse_error(error_code::duplicate_id, path() + "/" + pointer_token(k),
                                  "member \"" + k + "\" is given twice in one object");
    f.slot = &(*f.node)[k];
    f.key = k;
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    const std::size_t byte = position > 0 ? position - 1 : 0;
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text_.size(); ++i) {
      if (text_[i] == '\n') ++line, col = 1;
      else ++col;
    }
    std::string what = ex.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    // nlohmann repeats the position ("parse error at line 5, column 100: …"); ours comes first.
    if (what.rfind("parse error at ", 0) == 0)
      if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
    // The "last read" text may hold the very bytes that are not UTF-8: write bytes above 0x7F as
    // \xNN so that the message itself is valid UTF-8 (and can be put into JSON output).
    std::string clean;
    for (unsigned char c : what) {
      if (c < 0x80) {
        clean += static_cast<char>(c);
      } else {
        static constexpr char hex[] = "0123456789ABCDEF";
        clean += "\\x";
        clean += hex[c >> 4];
        clean += hex[c & 15];
      }
    }
    what = std::move(clean);
    const bool overflow = ex.id == 406;  // out_of_range.406: a number beyond a double's range
    throw orgmodel::parse_error(overflow ? error_code::out_of_range : error_code::syntax, pointer(),
                                (overflow ? "number out of range at line " : "not valid JSON at line ") +
                                    std::to_string(line) + ", column " + std::to_string(col) + ": " + what,
                                byte);
  }

 private:
  struct frame {
    ojson* node;
    ojson* slot = nullptr;  ///< objects: the member whose value comes next
    std::string key;        ///< objects: its name, for the pointer
  };
  /// The pointer of the value being read: "/" for the document itself.
  [[nodiscard]] std::string pointer() const {
    auto p = path();
    return p.empty() ? "/" : p;
  }
  /// The same, but "" for the document itself, so that a member can be appended ("/name", not "//name").
  [[nodiscard]] std::string path() const {
    std::string p;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const auto& f = stack_[i];
      // An array's open child is its last element; otherwise the next element is being read.
      const bool child_open = i + 1 < stack_.size();
      if (f.node->is_array()) p += "/" + std::to_string(f.node->size() - (child_open ? 1 : 0));
      else if (f.slot) p += "/" + pointer_token(f.key);
    }
    return p;
  }
  template <class Value>
  bool put(Value&& v) {
    place(ojson(std::forward<Value>(v)));
    return true;
  }
  void place(ojson&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    auto& f = stack_.back();
    if (f.node->is_array()) {
      f.node->push_back(std::move(v));
      return;
    }
    *f.slot = std::move(v);
    f.slot = nullptr;
  }
  bool open(ojson&& container) {
    if (stack_.size() >= max_depth)
      throw orgmodel::parse_error(error_code::out_of_range, pointer(), "nesting deeper than " + std::to_string(max_depth) + " levels");
    // Keep the parent's pending member in its frame until the child is complete, so the pointer
    // of anything inside the child includes it.
    ojson* node = nullptr;
    if (stack_.empty()) {
      root_ = std::move(container);
      node = &root_;
    } else if (stack_.back().node->is_array()) {
      stack_.back().node->push_back(std::move(container));
      node = &stack_.back().node->back();
    } else {
      node = stack_.back().slot;
      *node = std::move(container);
    }
    stack_.push_back(frame{node, nullptr, {}});
    return true;
  }
  bool close() {
    stack_.pop_back();
    if (!stack_.empty() && !stack_.back().node->is_array()) stack_.back().slot = nullptr;
    return true;
  }

  static constexpr std::size_t max_depth = 128;
  ojson& root_;
  std::string_view text_;
  std::vector<frame> stack_;
};

/// @brief Reads one model document, naming every bad value by its JSON Pointer.
template <class Json>
class json_reader {
 public:
  using ojson = Json;
  model_data read(std::string_view text) {
    // Depth is limited inside tracking_sax (where the pointer is known), not by check_nesting.
    ojson doc;
    tracking_sax<ojson> sax(doc, text);
    ojson::sax_parse(text.begin(), text.end(), &sax);
    read_document(doc);
    return std::move(d_);
  }

 private:
  [[noreturn]] static void fail(error_code c, const std::string& ptr, std::string_view what) {
    throw parse_error(c, ptr.empty() ? "/" : ptr, what);
  }
  static std::string at(const std::string& ptr, std::string_view key) { return ptr + "/" + pointer_token(key); }
  static std::string at(const std::string& ptr, std::size_t i) { return ptr + "/" + std::to_string(i); }

  static const ojson& object(const ojson& j, const std::string& ptr) {
    if (!j.is_object()) fail(error_code::wrong_type, ptr, std::string("expected an object, found ") + j.type_name());
    return j;
  }
  static const ojson& array(const ojson& j, const std::string& ptr) {
    if (!j.is_array()) fail(error_code::wrong_type, ptr, std::string("expected an array, found ") + j.type_name());
    return j;
  }
  static std::string string(const ojson& j, const std::string& ptr) {
    if (!j.is_string()) fail(error_code::wrong_type, ptr, std::string("expected a string, found ") + j.type_name());
    return j.template get<std::string>();
  }
  static std::vector<std::string> strings(const ojson& j, const std::string& ptr) {
    const auto& a = array(j, ptr);
    std::vector<std::string> v;
    for (std::size_t i = 0; i < a.size(); ++i) v.push_back(string(a[i], at(ptr, i)));
    return v;
  }
  static bool boolean(const ojson& j, const std::string& ptr) {
    if (!j.is_boolean()) fail(error_code::wrong_type, ptr, std::string("expected true or false, found ") + j.type_name());
    return j.template get<bool>();
  }
  static std::int64_t integer(const ojson& j, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
    if (!j.is_number()) fail(error_code::wrong_type, ptr, std::string("expected an integer, found ") + j.type_name());
    if (j.is_number_float()) fail(error_code::out_of_range, ptr, "expected an integer, found " + j.dump());
    if (j.is_number_unsigned() && j.template get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
      fail(error_code::out_of_range, ptr, j.dump() + " is above " + std::to_string(hi));
    auto v = j.template get<std::int64_t>();
    if (v < lo || v > hi) fail(error_code::out_of_range, ptr, j.dump() + " is outside " + std::to_string(lo) + "…" + std::to_string(hi));
    return v;
  }
  static double number(const ojson& j, const std::string& ptr, double lo, double hi) {
    if (!j.is_number()) fail(error_code::wrong_type, ptr, std::string("expected a number, found ") + j.type_name());
    double v = j.template get<double>();
    if (!std::isfinite(v) || v < lo || v > hi) fail(error_code::out_of_range, ptr, j.dump() + " is outside its range");
    return v;
  }
  static money amount(const ojson& j, const std::string& ptr) {
    if (!j.is_string())
      fail(error_code::wrong_type, ptr, std::string("money is a decimal string in major units (\"4000000.00\"), found ") + j.type_name());
    auto m = money::parse(j.template get_ref<const std::string&>());
    if (!m) fail(error_code::bad_amount, ptr, "\"" + j.template get<std::string>() + "\" is not an exact amount with at most two decimals");
    if (m->minor() < 0) fail(error_code::out_of_range, ptr, "amount " + m->str() + " is negative");
    return *m;
  }
  static share fraction(const ojson& j, const std::string& ptr) {
    if (!j.is_string()) fail(error_code::wrong_type, ptr, std::string("a share is a string (\"0.25\", \"25%\", \"1/52\"), found ") + j.type_name());
    auto s = share::parse(j.template get_ref<const std::string&>());
    if (!s) fail(error_code::bad_amount, ptr, "\"" + j.template get<std::string>() + "\" is not an exact share");
    return *s;
  }
  static share_range fraction_range(const ojson& j, const std::string& ptr) {
    if (j.is_object()) {
      object(j, ptr);
      std::optional<share> lo, hi;
      for (auto& [k, v] : j.items()) {
        if (k == "minimum") lo = fraction(v, at(ptr, k));
        else if (k == "maximum") hi = fraction(v, at(ptr, k));
        else fail(error_code::unknown_value, at(ptr, k), "a share range has only \"minimum\" and \"maximum\"");
      }
      if (!lo) fail(error_code::missing_member, at(ptr, "minimum"), "a share range needs \"minimum\"");
      if (!hi) fail(error_code::missing_member, at(ptr, "maximum"), "a share range needs \"maximum\"");
      if (*hi < *lo) fail(error_code::out_of_range, ptr, "maximum below minimum");
      if (share::one() < *hi) fail(error_code::out_of_range, ptr, "a share above 100 %");
      return {*lo, *hi};
    }
    share s = fraction(j, ptr);
    if (share::one() < s) fail(error_code::out_of_range, ptr, "a share above 100 %");
    return s;
  }
  template <class Enum>
  static Enum enumeration(const ojson& j, const std::string& ptr) {
    auto s = string(j, ptr);
    auto e = parse_enum<Enum>(s);
    if (!e) {
      std::string known;
      for (auto n : enum_names<Enum>::names) known += (known.empty() ? "" : ", ") + std::string(n);
      fail(error_code::unknown_value, ptr, "unknown " + std::string(enum_names<Enum>::what) + " \"" + s + "\" (known: " + known + ")");
    }
    return *e;
  }
  static void require(const ojson& j, const std::string& ptr, std::initializer_list<std::string_view> keys) {
    object(j, ptr);  // a non-object has no members: say so rather than "missing member"
    for (auto k : keys)
      if (!j.contains(k)) fail(error_code::missing_member, at(ptr, k), "required member \"" + std::string(k) + "\" is missing");
  }

  decision_class klass(const ojson& j, const std::string& ptr) const {
    auto s = string(j, ptr);
    for (std::size_t i = 0; i < classes_.size(); ++i)
      if (classes_[i] == s) return static_cast<decision_class>(i);
    fail(error_code::unknown_value, ptr, "unknown decision class \"" + s + "\"");
  }
  decision_class_set klasses(const ojson& j, const std::string& ptr) const {
    if (j.is_string() && j.template get_ref<const std::string&>() == "all") return decision_class_set::all();
    decision_class_set s;
    const auto& a = array(j, ptr);
    for (std::size_t i = 0; i < a.size(); ++i) s.insert(klass(a[i], at(ptr, i)));
    return s;
  }

  organisation_index org(const ojson& j, const std::string& ptr) const {
    auto id = string(j, ptr);
    auto it = org_ids_.find(id);
    if (it == org_ids_.end()) throw invalid_model(error_code::dangling_reference, ptr, "unknown organisation \"" + id + "\"");
    return organisation_index(it->second);
  }
  body_index bod(const ojson& j, const std::string& ptr) const {
    auto id = string(j, ptr);
    auto it = body_ids_.find(id);
    if (it == body_ids_.end()) throw invalid_model(error_code::dangling_reference, ptr, "unknown body \"" + id + "\"");
    return body_index(it->second);
  }

  /// Reads the members of one object: `on(key, value, pointer)` returns false for keys it does not
  /// know, which are then kept in `extra`.
  template <class Fn>
  static void members(const ojson& j, const std::string& ptr, extensions& extra, Fn on) {
    object(j, ptr);
    for (auto& [k, v] : j.items())
      if (!on(k, v, at(ptr, k))) extra.emplace_back(k, v.dump());
  }
  static bool common(std::string_view k, const ojson& v, const std::string& p, provenance& src, std::string& note) {
    if (k == "provenance") src = enumeration<provenance>(v, p);
    else if (k == "note") note = string(v, p);
    else return false;
    return true;
  }

  void read_document(const ojson& doc) {
    const std::string root;
    object(doc, "/");
    if (doc.contains("format")) {
      auto f = string(doc["format"], "/format");
      if (f != model_format_tag) fail(error_code::unsupported, "/format", "format \"" + f + "\" is not " + std::string(model_format_tag));
    }
    require(doc, root, {"id"});
    classes_.assign(default_decision_classes.begin(), default_decision_classes.end());
    if (doc.contains("decision_classes")) {
      const auto& a = array(doc["decision_classes"], "/decision_classes");
      for (std::size_t i = 0; i < a.size(); ++i) {
        d_.info.extra_decision_classes.push_back(string(a[i], at("/decision_classes", i)));
        classes_.push_back(d_.info.extra_decision_classes.back());
      }
    }
    // Ids first, so references can point forward.
    if (doc.contains("organizations")) {
      const auto& a = array(doc["organizations"], "/organizations");
      for (std::size_t i = 0; i < a.size(); ++i) {
        object(a[i], at("/organizations", i));
        if (a[i].contains("id") && a[i]["id"].is_string()) org_ids_.emplace(a[i]["id"].template get<std::string>(), static_cast<std::uint32_t>(i));
      }
    }
    if (doc.contains("bodies")) {
      const auto& a = array(doc["bodies"], "/bodies");
      for (std::size_t i = 0; i < a.size(); ++i) {
        object(a[i], at("/bodies", i));
        if (a[i].contains("id") && a[i]["id"].is_string()) body_ids_.emplace(a[i]["id"].template get<std::string>(), static_cast<std::uint32_t>(i));
      }
    }
    auto& info = d_.info;
    members(doc, root, info.extra, [&](std::string_view k, const ojson& v, const std::string& p) {
      if (k == "format" || k == "decision_classes") return true;
      if (k == "id") info.id = string(v, p);
      else if (k == "name") info.name = string(v, p);
      else if (k == "currency") info.currency = string(v, p);
      else if (k == "description") info.description = string(v, p);
      else if (k == "source") info.source = string(v, p);
      else if (k == "organizations") each(v, p, [&](const ojson& e, const std::string& q) { read_organisation(e, q); });
      else if (k == "bodies") each(v, p, [&](const ojson& e, const std::string& q) { read_body(e, q); });
      else if (k == "affiliations") each(v, p, [&](const ojson& e, const std::string& q) { read_affiliation(e, q); });
      else if (k == "escalations") each(v, p, [&](const ojson& e, const std::string& q) { read_escalation(e, q); });
      else if (k == "ownerships") each(v, p, [&](const ojson& e, const std::string& q) { read_ownership(e, q); });
      else if (k == "funding_rules") each(v, p, [&](const ojson& e, const std::string& q) { read_funding_rule(e, q); });
      else if (k == "memberships") each(v, p, [&](const ojson& e, const std::string& q) { read_membership(e, q); });
      else if (k == "representations") each(v, p, [&](const ojson& e, const std::string& q) { read_representation(e, q); });
      else if (k == "budgets") each(v, p, [&](const ojson& e, const std::string& q) { read_budget(e, q); });
      else return false;
      return true;
    });
  }
  template <class Fn>
  static void each(const ojson& v, const std::string& p, Fn fn) {
    const auto& a = array(v, p);
    for (std::size_t i = 0; i < a.size(); ++i) fn(a[i], at(p, i));
  }

  void read_organisation(const ojson& j, const std::string& p) {
    require(j, p, {"id", "name", "classification"});
    organisation o;
    members(j, p, o.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "id") o.id = string(v, q);
      else if (k == "name") o.name = string(v, q);
      else if (k == "classification") o.kind = enumeration<organisation_kind>(v, q);
      else if (k == "population") o.population = integer(v, q, 0, std::int64_t{1} << 40);
      else if (k == "population_year") o.population_year = static_cast<int>(integer(v, q, 1000, 9999));
      else if (k == "county") o.county = string(v, q);
      else if (k == "code") o.code = string(v, q);
      else if (k == "model_category") o.category = enumeration<model_category>(v, q);
      else if (k == "can_sign_agreements") o.can_sign_agreements = boolean(v, q);
      else if (k == "member_count") o.member_count = integer(v, q, 1, std::int64_t{1} << 40);
      else if (k == "unknown") o.unknown = strings(v, q);
      else return common(k, v, q, o.source, o.note);
      return true;
    });
    d_.organisations.push_back(std::move(o));
  }

  static required_majority read_majority(const ojson& j, const std::string& p) {
    require(j, p, {"of", "at_least"});
    required_majority r;
    members(j, p, r.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "of") r.basis = enumeration<majority_basis>(v, q);
      else if (k == "at_least") r.at_least = fraction(v, q);
      else return false;
      return true;
    });
    return r;
  }

  void read_body(const ojson& j, const std::string& p) {
    require(j, p, {"id", "name", "classification", "layer", "organization_id"});
    body b;
    const ojson* seats = nullptr;
    members(j, p, b.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "id") b.id = string(v, q);
      else if (k == "name") b.name = string(v, q);
      else if (k == "classification") b.kind = enumeration<body_kind>(v, q);
      else if (k == "layer") b.layer = enumeration<layer>(v, q);
      else if (k == "organization_id") b.organisation = org(v, q);
      else if (k == "meetings_per_year") b.meetings_per_year = read_cadence(v, q);
      else if (k == "mandates") b.mandates = klasses(v, q);
      else if (k == "decision_rule") b.rule = enumeration<decision_rule>(v, q);
      else if (k == "quota") b.quota = fraction(v, q);
      else if (k == "majorities") {
        const auto& a = array(v, q);
        for (std::size_t i = 0; i < a.size(); ++i) b.majorities.push_back(read_majority(a[i], at(q, i)));
      }
      else if (k == "blocking_minority") b.blocking_minority = static_cast<int>(integer(v, q, 1, 1'000'000));
      else if (k == "staff") b.staff = static_cast<int>(integer(v, q, 0, 1'000'000));
      else if (k == "seats") seats = &array(v, q);
      else if (k == "unknown") b.unknown = strings(v, q);
      else return common(k, v, q, b.source, b.note);
      return true;
    });
    const auto self = body_index(static_cast<std::uint32_t>(d_.bodies.size()));
    d_.bodies.push_back(std::move(b));
    if (seats)
      for (std::size_t i = 0; i < seats->size(); ++i) read_seat((*seats)[i], at(at(p, "seats"), i), self);
  }
  static cadence read_cadence(const ojson& v, const std::string& q) {
    if (v.is_array()) {
      if (v.size() != 2) fail(error_code::out_of_range, q, "a range of meetings per year is [low, high]");
      return {number(v[0], at(q, 0), 1e-3, 366 * 24), number(v[1], at(q, 1), 1e-3, 366 * 24)};
    }
    double f = number(v, q, 1e-3, 366 * 24);
    return {f, f};
  }

  void read_seat(const ojson& j, const std::string& p, body_index b) {
    require(j, p, {"on_behalf_of_id"});
    seat s;
    s.body = b;
    members(j, p, s.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "on_behalf_of_id") s.holder = org(v, q);
      else if (k == "role") s.role = string(v, q);
      else if (k == "votes") s.votes = integer(v, q, 0, std::int64_t{1} << 40);
      else if (k == "chair") s.chair = boolean(v, q);
      else return common(k, v, q, s.source, s.note);
      return true;
    });
    d_.seats.push_back(std::move(s));
  }

  void read_affiliation(const ojson& j, const std::string& p) {
    require(j, p, {"organization_id", "parent_id", "classification"});
    affiliation a;
    members(j, p, a.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "organization_id") a.child = org(v, q);
      else if (k == "parent_id") a.parent = org(v, q);
      else if (k == "classification") a.kind = enumeration<affiliation_kind>(v, q);
      else return common(k, v, q, a.source, a.note);
      return true;
    });
    d_.affiliations.push_back(std::move(a));
  }

  void read_escalation(const ojson& j, const std::string& p) {
    require(j, p, {"from_id", "to_id"});
    escalation e;
    members(j, p, e.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "from_id") e.from = bod(v, q);
      else if (k == "to_id") e.to = bod(v, q);
      else if (k == "decision_classes") e.classes = klasses(v, q);
      else if (k == "preparation_days") e.preparation_days = number(v, q, 0, 3650);
      else return common(k, v, q, e.source, e.note);
      return true;
    });
    d_.escalations.push_back(std::move(e));
  }

  void read_ownership(const ojson& j, const std::string& p) {
    require(j, p, {"owner_id", "organization_id", "share"});
    ownership o;
    bool votes_given = false;
    members(j, p, o.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "owner_id") o.owner = org(v, q);
      else if (k == "organization_id") o.owned = org(v, q);
      else if (k == "share") o.equity = fraction_range(v, q);
      else if (k == "voting_share") o.votes = fraction_range(v, q), votes_given = true;
      else return common(k, v, q, o.source, o.note);
      return true;
    });
    if (!votes_given) o.votes = o.equity;
    d_.ownerships.push_back(std::move(o));
  }

  void read_funding_rule(const ojson& j, const std::string& p) {
    require(j, p, {"id", "payer_id", "recipient_id", "basis"});
    funding_rule r;
    members(j, p, r.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "id") r.id = string(v, q);
      else if (k == "payer_id") r.payer = org(v, q);
      else if (k == "recipient_id") r.recipient = org(v, q);
      else if (k == "basis") r.basis = enumeration<funding_basis>(v, q);
      else if (k == "amount") r.amount = amount(v, q);
      else if (k == "rate") r.rate = amount(v, q);
      else if (k == "ratio") r.ratio = fraction(v, q);
      else if (k == "group") r.group = string(v, q);
      else if (k == "matches") r.matches = string(v, q);
      else if (k == "year_from") r.year_from = static_cast<int>(integer(v, q, 1000, 9999));
      else if (k == "year_to") r.year_to = static_cast<int>(integer(v, q, 1000, 9999));
      else if (k == "period_years") r.period_years = static_cast<int>(integer(v, q, 1, 100));
      else if (k == "cap") r.cap = amount(v, q);
      else if (k == "floor") r.floor = amount(v, q);
      else if (k == "co_funding_min") r.co_funding_min = amount(v, q);
      else if (k == "purpose") r.purpose = string(v, q);
      else if (k == "unknown") r.unknown = strings(v, q);
      else return common(k, v, q, r.source, r.note);
      return true;
    });
    d_.funding_rules.push_back(std::move(r));
  }

  void read_membership(const ojson& j, const std::string& p) {
    require(j, p, {"member_id", "organization_id"});
    membership m;
    members(j, p, m.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "member_id") m.member = org(v, q);
      else if (k == "organization_id") m.organisation = org(v, q);
      else if (k == "classification") m.kind = enumeration<membership_kind>(v, q);
      else if (k == "since") m.since = static_cast<int>(integer(v, q, 1000, 9999));
      else return common(k, v, q, m.source, m.note);
      return true;
    });
    d_.memberships.push_back(std::move(m));
  }

  void read_representation(const ojson& j, const std::string& p) {
    require(j, p, {"represented_id", "representative_id"});
    representation r;
    members(j, p, r.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "represented_id") r.represented = org(v, q);
      else if (k == "representative_id") r.representative = org(v, q);
      else if (k == "body_id") r.body = bod(v, q);
      else if (k == "via") r.via = string(v, q);
      else return common(k, v, q, r.source, r.note);
      return true;
    });
    d_.representations.push_back(std::move(r));
  }

  void read_budget(const ojson& j, const std::string& p) {
    require(j, p, {"organization_id", "year", "amount"});
    budget_figure b;
    members(j, p, b.extra, [&](std::string_view k, const ojson& v, const std::string& q) {
      if (k == "organization_id") b.organisation = org(v, q);
      else if (k == "year") b.year = static_cast<int>(integer(v, q, 1000, 9999));
      else if (k == "classification") b.kind = enumeration<budget_kind>(v, q);
      else if (k == "amount") b.amount = amount(v, q);
      else return common(k, v, q, b.source, b.note);
      return true;
    });
    d_.budgets.push_back(std::move(b));
  }

  model_data d_;
  std::vector<std::string> classes_;
  std::unordered_map<std::string, std::uint32_t> org_ids_;
  std::unordered_map<std::string, std::uint32_t> body_ids_;
};

/// @brief Writes the canonical form: fixed member order, defaults omitted, unknown members last.
template <class Json>
class json_writer {
 public:
  using ojson = Json;
  explicit json_writer(const model& m, const save_progress_fn* progress = nullptr) : m_(m), progress_(progress) {}

  ojson write() const {
    const auto& info = m_.info();
    ojson doc = ojson::object();
    doc["format"] = model_format_tag;
    doc["id"] = info.id;
    put_string(doc, "name", info.name);
    if (info.currency != "SEK") doc["currency"] = info.currency;
    else doc["currency"] = "SEK";
    put_string(doc, "description", info.description);
    put_string(doc, "source", info.source);
    if (!info.extra_decision_classes.empty()) doc["decision_classes"] = info.extra_decision_classes;
    doc["organizations"] = list(m_.organisations(), [&](const organisation& o) { return write(o); });
    std::vector<std::vector<std::size_t>> seats_of(m_.bodies().size());
    for (std::size_t i = 0; i < m_.seats().size(); ++i) seats_of[m_.seats()[i].body.value].push_back(i);
    ojson bodies = ojson::array();
    for (std::size_t i = 0; i < m_.bodies().size(); ++i) {
      bodies.push_back(write(m_.bodies()[i], seats_of[i]));
      tick(1 + seats_of[i].size());
    }
    doc["bodies"] = std::move(bodies);
    put_list(doc, "affiliations", m_.affiliations(), [&](const affiliation& a) { return write(a); });
    put_list(doc, "escalations", m_.escalations(), [&](const escalation& e) { return write(e); });
    put_list(doc, "ownerships", m_.ownerships(), [&](const ownership& o) { return write(o); });
    put_list(doc, "funding_rules", m_.funding_rules(), [&](const funding_rule& r) { return write(r); });
    put_list(doc, "memberships", m_.memberships(), [&](const membership& x) { return write(x); });
    put_list(doc, "representations", m_.representations(), [&](const representation& r) { return write(r); });
    put_list(doc, "budgets", m_.budgets(), [&](const budget_figure& b) { return write(b); });
    extend(doc, info.extra);
    if (progress_ && *progress_) (*progress_)({"elements", done_, elements()});
    return doc;
  }

  /// @brief Everything written one by one: organisations, bodies, seats and the relations.
  [[nodiscard]] std::uint64_t elements() const {
    return m_.organisations().size() + m_.bodies().size() + m_.seats().size() + m_.affiliations().size() +
           m_.escalations().size() + m_.ownerships().size() + m_.funding_rules().size() + m_.memberships().size() +
           m_.representations().size() + m_.budgets().size();
  }

 private:
  template <class Range, class Fn>
  ojson list(const Range& r, Fn fn) const {
    ojson a = ojson::array();
    for (const auto& x : r) {
      a.push_back(fn(x));
      tick();
    }
    return a;
  }
  template <class Range, class Fn>
  void put_list(ojson& j, const char* key, const Range& r, Fn fn) const {
    if (!r.empty()) j[key] = list(r, fn);
  }
  static void put_string(ojson& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
  }
  static void common(ojson& j, provenance src, const std::string& note, const extensions& extra) {
    if (src != provenance::stated) j["provenance"] = to_string(src);
    put_string(j, "note", note);
    extend(j, extra);
  }
  static void extend(ojson& j, const extensions& extra) {
    for (const auto& [k, v] : extra) {
      // Read from JSON they are JSON text; a builder may have put anything there.
      auto value = ojson::parse(v, nullptr, false);
      if (value.is_discarded())
        throw invalid_model(error_code::syntax, "", "the value of the unknown member \"" + k + "\" is not JSON text");
      j[k] = std::move(value);
    }
  }
  static ojson range(const share_range& r) {
    if (r.exact()) return r.low.str();
    ojson j = ojson::object();
    j["minimum"] = r.low.str();
    j["maximum"] = r.high.str();
    return j;
  }
  ojson classes(decision_class_set s) const {
    if (s.is_all()) return "all";
    ojson a = ojson::array();
    const auto& names = m_.decision_class_names();
    for (std::size_t c = 0; c < names.size(); ++c)
      if (s.contains(static_cast<decision_class>(c))) a.push_back(names[c]);
    return a;
  }
  const std::string& oid(organisation_index i) const { return m_[i].id; }

  ojson write(const organisation& o) const {
    ojson j = ojson::object();
    j["id"] = o.id;
    j["name"] = o.name;
    j["classification"] = to_string(o.kind);
    if (o.population) j["population"] = *o.population;
    if (o.population_year) j["population_year"] = *o.population_year;
    put_string(j, "county", o.county);
    put_string(j, "code", o.code);
    if (o.category) j["model_category"] = to_string(*o.category);
    if (o.can_sign_agreements) j["can_sign_agreements"] = *o.can_sign_agreements;
    common(j, o.source, o.note, o.extra);
    if (!o.unknown.empty()) j["unknown"] = o.unknown;  // after the extensions, where files written before it was typed have it
    if (o.member_count) j["member_count"] = *o.member_count;  // last, where files written before it was typed have it
    return j;
  }
  ojson write(const body& b, const std::vector<std::size_t>& seats) const {
    ojson j = ojson::object();
    j["id"] = b.id;
    j["name"] = b.name;
    j["classification"] = to_string(b.kind);
    j["layer"] = to_string(b.layer);
    j["organization_id"] = oid(b.organisation);
    if (b.meetings_per_year) {
      const auto& c = *b.meetings_per_year;
      if (c.low == c.high) j["meetings_per_year"] = c.low;
      else j["meetings_per_year"] = ojson::array({c.low, c.high});
    }
    if (!b.mandates.empty()) j["mandates"] = classes(b.mandates);
    if (b.rule) j["decision_rule"] = to_string(*b.rule);
    if (b.quota) j["quota"] = b.quota->str();
    if (!b.majorities.empty()) {
      ojson a = ojson::array();
      for (const auto& r : b.majorities) {
        ojson o{{"of", to_string(r.basis)}, {"at_least", r.at_least.str()}};
        extend(o, r.extra);
        a.push_back(std::move(o));
      }
      j["majorities"] = std::move(a);
    }
    if (b.blocking_minority) j["blocking_minority"] = *b.blocking_minority;
    if (b.staff) j["staff"] = *b.staff;
    common(j, b.source, b.note, {});
    if (!seats.empty()) {
      ojson a = ojson::array();
      for (auto s : seats) a.push_back(write(m_.seats()[s]));
      j["seats"] = std::move(a);
    }
    extend(j, b.extra);
    if (!b.unknown.empty()) j["unknown"] = b.unknown;
    return j;
  }
  ojson write(const seat& s) const {
    ojson j = ojson::object();
    j["on_behalf_of_id"] = oid(s.holder);
    put_string(j, "role", s.role);
    if (s.votes != 1) j["votes"] = s.votes;
    if (s.chair) j["chair"] = true;
    common(j, s.source, s.note, s.extra);
    return j;
  }
  ojson write(const affiliation& a) const {
    ojson j = ojson::object();
    j["organization_id"] = oid(a.child);
    j["parent_id"] = oid(a.parent);
    j["classification"] = to_string(a.kind);
    common(j, a.source, a.note, a.extra);
    return j;
  }
  ojson write(const escalation& e) const {
    ojson j = ojson::object();
    j["from_id"] = m_[e.from].id;
    j["to_id"] = m_[e.to].id;
    if (!e.classes.is_all()) j["decision_classes"] = classes(e.classes);
    if (e.preparation_days != 0) j["preparation_days"] = e.preparation_days;
    common(j, e.source, e.note, e.extra);
    return j;
  }
  ojson write(const ownership& o) const {
    ojson j = ojson::object();
    j["owner_id"] = oid(o.owner);
    j["organization_id"] = oid(o.owned);
    j["share"] = range(o.equity);
    if (!(o.votes == o.equity)) j["voting_share"] = range(o.votes);
    common(j, o.source, o.note, o.extra);
    return j;
  }
  ojson write(const funding_rule& r) const {
    ojson j = ojson::object();
    j["id"] = r.id;
    j["payer_id"] = oid(r.payer);
    j["recipient_id"] = oid(r.recipient);
    j["basis"] = to_string(r.basis);
    if (r.amount.minor() != 0) j["amount"] = r.amount.str();
    if (r.rate.minor() != 0) j["rate"] = r.rate.str();
    if (!(r.ratio == share::one())) j["ratio"] = r.ratio.str();
    put_string(j, "group", r.group);
    put_string(j, "matches", r.matches);
    if (r.year_from) j["year_from"] = *r.year_from;
    if (r.year_to) j["year_to"] = *r.year_to;
    if (r.period_years != 1) j["period_years"] = r.period_years;
    if (r.cap) j["cap"] = r.cap->str();
    if (r.floor) j["floor"] = r.floor->str();
    if (r.co_funding_min) j["co_funding_min"] = r.co_funding_min->str();
    put_string(j, "purpose", r.purpose);
    common(j, r.source, r.note, r.extra);
    if (!r.unknown.empty()) j["unknown"] = r.unknown;
    return j;
  }
  ojson write(const membership& m) const {
    ojson j = ojson::object();
    j["member_id"] = oid(m.member);
    j["organization_id"] = oid(m.organisation);
    if (m.kind != membership_kind::member) j["classification"] = to_string(m.kind);
    if (m.since) j["since"] = *m.since;
    common(j, m.source, m.note, m.extra);
    return j;
  }
  ojson write(const representation& r) const {
    ojson j = ojson::object();
    j["represented_id"] = oid(r.represented);
    j["representative_id"] = oid(r.representative);
    if (r.body.valid()) j["body_id"] = m_[r.body].id;
    put_string(j, "via", r.via);
    common(j, r.source, r.note, r.extra);
    return j;
  }
  ojson write(const budget_figure& b) const {
    ojson j = ojson::object();
    j["organization_id"] = oid(b.organisation);
    j["year"] = b.year;
    if (b.kind != budget_kind::budget) j["classification"] = to_string(b.kind);
    j["amount"] = b.amount.str();
    common(j, b.source, b.note, b.extra);
    return j;
  }

  /// Reports every 2^16 elements, so a call costs nothing beside the work.
  void tick(std::uint64_t n = 1) const {
    const std::uint64_t before = done_;
    done_ += n;
    if (progress_ && *progress_ && (before >> 16) != (done_ >> 16)) (*progress_)({"elements", done_, elements()});
  }
  const model& m_;
  const save_progress_fn* progress_ = nullptr;
  mutable std::uint64_t done_ = 0;
};

}  // namespace detail

/// @brief Reads a model from JSON text and validates it.
/// @throws parse_error (bad JSON, types, ranges, enumerations) or invalid_model (broken rules),
/// each naming the offending value by JSON Pointer.
/// (A template, as every JSON entry point here, so that only a translation unit that calls it
/// compiles the parser; `Json` is the DOM type, nlohmann's ordered_json.)
template <class Json = nlohmann::ordered_json>
model from_json(std::string_view text) { return model(detail::json_reader<Json>().read(text)); }

/// @brief The canonical JSON text of a model: two-space indent, UTF-8, trailing newline.
template <class Json = nlohmann::ordered_json>
std::string to_json(const model& m) { return detail::json_writer<Json>(m).write().dump(2, ' ', false) + "\n"; }

/// @brief The most bytes `read_text_file` reads by default (256 MiB): far above any real model
/// (the bundled ones are below 32 KiB), low enough that a wrong path cannot exhaust memory.
inline constexpr std::uintmax_t max_text_file_bytes = std::uintmax_t{256} << 20;

namespace detail {
inline parse_error text_too_large(const std::string& what, std::uintmax_t limit) {
  return parse_error(error_code::out_of_range, "",
                     what + " is larger than the limit of " + std::to_string(limit) +
                         " bytes (orgmodel::max_text_file_bytes, 256 MiB by default)");
}
}  // namespace detail

/// @brief Reads a stream to its end, at most `limit` bytes; `what` names it in messages
/// ("standard input"). Used for `-` (standard input) on the command line.
/// @throws parse_error (`out_of_range`) beyond `limit`, naming the limit; lookup_error on a read error.
inline std::string read_text_stream(std::istream& in, const std::string& what, std::uintmax_t limit = max_text_file_bytes) {
  std::string text;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > limit) throw detail::text_too_large(what, limit);
    text.append(buf, got);
  }
  if (in.bad()) throw lookup_error("cannot read " + what + " (read error after " + std::to_string(text.size()) + " bytes)");
  return text;
}

/// @brief Reads a whole regular file, at most `limit` bytes.
/// @throws lookup_error when the path does not exist, is not a regular file (a directory, a device
/// such as /dev/zero, a pipe) or cannot be opened or read; parse_error (`out_of_range`) when the
/// file is larger than `limit`, naming the limit. Nothing beyond `limit` + 1 bytes is read, so a
/// file that grows while it is read is refused too.
inline std::string read_text_file(const std::string& path, std::uintmax_t limit = max_text_file_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw lookup_error("cannot open file \"" + path + "\"");
  if (!fs::is_regular_file(st))
    throw lookup_error("\"" + path + "\" is " + (fs::is_directory(st) ? "a directory" : "not a regular file") +
                       "; a model or table is read from a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw lookup_error("cannot open file \"" + path + "\"");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > limit) throw detail::text_too_large("file \"" + path + "\"", limit);
  return read_text_stream(in, "file \"" + path + "\"", limit);
}

/// @brief Reads and validates a model file. @throws lookup_error, parse_error, invalid_model
template <class Json = nlohmann::ordered_json>
model load_model_file(const std::string& path) { return from_json<Json>(read_text_file(path)); }

/// @brief Writes a model file in canonical form, reporting to `progress` (when given) the elements
/// converted, the serialisation, and the bytes written (docs/synthetic-regions.md: a 10^7-entity
/// nation is over a gigabyte).
/// @throws invalid_model when the model cannot be written as JSON (then no file is touched);
/// lookup_error when the file cannot be opened or written.
template <class Json = nlohmann::ordered_json>
void save_model_file(const model& m, const std::string& path, const save_progress_fn& progress = {}) {
  auto report = [&](std::string_view phase, std::uint64_t done, std::uint64_t total) {
    if (progress) progress({phase, done, total});
  };
  // First, so that a failure leaves no file behind.
  const auto doc = detail::json_writer<Json>(m, &progress).write();
  report("serialising", 0, 1);
  const std::string text = doc.dump(2, ' ', false) + "\n";
  report("serialising", 1, 1);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw lookup_error("cannot write file \"" + path + "\"");
  constexpr std::size_t chunk = std::size_t{1} << 22;  // 4 MiB between reports
  const std::uint64_t total = text.size();
  report("bytes", 0, total);
  for (std::size_t at = 0; at < text.size() && out; at += chunk) {
    const std::size_t n = std::min(chunk, text.size() - at);
    out.write(text.data() + at, static_cast<std::streamsize>(n));
    report("bytes", at + n, total);
  }
  out.flush();
  if (!out) throw lookup_error("cannot write file \"" + path + "\" (write error)");
}

}  // namespace orgmodel
