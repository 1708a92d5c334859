#pragma once
/// @file
/// @brief The exception hierarchy: one base `orgmodel::error`, typed subclasses.
///
/// Every message starts with a stable tag and names the offending element, e.g.
/// `[orgmodel.invalid_model] /bodies/3/seats/0: unknown organisation "kiruna"`.

#include <stdexcept>
#include <string>
#include <string_view>

namespace orgmodel {

/// @brief What went wrong, stable across versions so that programs can branch on it.
enum class error_code {
  syntax,              ///< not JSON at all: truncated, bad UTF-8, stray characters
  wrong_type,          ///< a value of the wrong JSON type
  missing_member,      ///< a required member is absent
  unknown_value,       ///< an enumeration string or decision class that is not known
  out_of_range,        ///< a number outside its allowed range (negative, huge, fractional)
  bad_amount,          ///< a money or share string that is not an exact decimal or fraction
  duplicate_id,        ///< two elements share an id
  dangling_reference,  ///< a reference to an id that does not exist
  self_reference,      ///< an element that refers to itself where that makes no sense
  over_allocated,      ///< shares that add up to more than 100 %
  cycle,               ///< a cycle where none is allowed (escalation lines)
  overflow,            ///< an exact computation that would overflow 64 bits
  not_found,           ///< a lookup by id or name that found nothing
  unsupported,         ///< a format version or feature this build does not read
  bad_encoding,        ///< text that is not valid UTF-8
  empty_input,         ///< nothing to work on: an empty file or table, no stakeholders
};

/// @brief The stable tag of a code, as used in messages.
constexpr std::string_view to_string(error_code c) noexcept {
  switch (c) {
    case error_code::syntax: return "syntax";
    case error_code::wrong_type: return "wrong_type";
    case error_code::missing_member: return "missing_member";
    case error_code::unknown_value: return "unknown_value";
    case error_code::out_of_range: return "out_of_range";
    case error_code::bad_amount: return "bad_amount";
    case error_code::duplicate_id: return "duplicate_id";
    case error_code::dangling_reference: return "dangling_reference";
    case error_code::self_reference: return "self_reference";
    case error_code::over_allocated: return "over_allocated";
    case error_code::cycle: return "cycle";
    case error_code::overflow: return "overflow";
    case error_code::not_found: return "not_found";
    case error_code::unsupported: return "unsupported";
    case error_code::bad_encoding: return "bad_encoding";
    case error_code::empty_input: return "empty_input";
  }
  return "unknown";
}

/// @brief Base of every exception orgmodel throws for bad input.
class error : public std::runtime_error {
 public:
  error(std::string_view kind, error_code code, std::string pointer, std::string_view what)
      : std::runtime_error(compose(kind, code, pointer, what)), code_(code), pointer_(std::move(pointer)) {}

  /// @brief The stable code of this error.
  [[nodiscard]] error_code code() const noexcept { return code_; }
  /// @brief JSON Pointer (RFC 6901) of the offending element, empty when it has none.
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }

 private:
  static std::string compose(std::string_view kind, error_code code, const std::string& pointer,
                             std::string_view what) {
    std::string m = "[orgmodel.";
    m += kind;
    m += '.';
    m += to_string(code);
    m += "] ";
    if (!pointer.empty()) {
      m += pointer;
      m += ": ";
    }
    m += what;
    return m;
  }
  error_code code_;
  std::string pointer_;
};

/// @brief Input text that cannot be read as a model: syntax, types, ranges, unknown enums.
class parse_error : public error {
 public:
  parse_error(error_code code, std::string pointer, std::string_view what, std::size_t byte = npos)
      : error("parse_error", code, std::move(pointer), what), byte_(byte) {}
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// @brief Byte offset in the input where reading failed, `npos` when not known.
  [[nodiscard]] std::size_t byte() const noexcept { return byte_; }

 private:
  std::size_t byte_;
};

/// @brief A well-formed model that breaks a rule: dangling reference, duplicate id, cycle …
class invalid_model : public error {
 public:
  invalid_model(error_code code, std::string pointer, std::string_view what)
      : error("invalid_model", code, std::move(pointer), what) {}
};

/// @brief A lookup by id or name that found nothing (bundled model, municipality, body …).
class lookup_error : public error {
 public:
  explicit lookup_error(std::string_view what, std::string pointer = {})
      : error("lookup_error", error_code::not_found, std::move(pointer), what) {}
};

/// @brief An exact computation that cannot be carried out: 64-bit overflow (`overflow`), or
/// nothing to compute on (`empty_input`, `out_of_range`).
class arithmetic_error : public error {
 public:
  explicit arithmetic_error(std::string_view what, std::string pointer = {}, error_code code = error_code::overflow)
      : error("arithmetic_error", code, std::move(pointer), what) {}
};

}  // namespace orgmodel
