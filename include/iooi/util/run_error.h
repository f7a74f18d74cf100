#pragma once
// The one convention for errors that stop a run (docs/architecture.md): a function
// that can fail returns Result<T>, which holds either its value or a RunError.
// Findings are not errors: a plan with error findings is a successful run that
// exits 1. A RunError ends the run: usage and input errors with exit status 2
// ("iooi: error: ..."), an internal error, a bug in iooi, with its own status 3
// ("iooi: internal error: ..."), so that a script can tell "fix the input" from
// "report a bug" (docs/format.md).
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace iooi {

enum class ErrorKind : uint8_t {
  usage,     // the command line asks for something impossible (an unknown period)
  input,     // a file the run reads or writes: missing, unreadable, unwritable, too many
  internal,  // a bug in iooi (an exception nobody expected): says so
};

struct RunError {
  ErrorKind kind = ErrorKind::input;
  std::string message;  // without the "error:" prefix, e.g. "path a.yaml does not exist"
};

inline RunError usage_error(std::string message) { return {ErrorKind::usage, std::move(message)}; }
inline RunError input_error(std::string message) { return {ErrorKind::input, std::move(message)}; }
inline RunError internal_error(std::string message) {
  return {ErrorKind::internal, std::move(message)};
}

// The exit status of a run that `error` stopped.
inline int exit_status_of(const RunError& error) {
  return error.kind == ErrorKind::internal ? 3 : 2;
}

// Either a T or the RunError that stopped its computation.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(RunError error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const RunError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, RunError> state_;
};

// Success without a value.
struct Done {};

}  // namespace iooi
