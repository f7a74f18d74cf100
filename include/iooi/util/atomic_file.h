#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "iooi/util/run_error.h"

namespace iooi {

// Writes `content` to a temporary file in the target's folder, flushes it and
// renames it over `path`. On failure returns an input error with the reason, and
// leaves neither a temporary file nor a changed target behind.
Result<Done> write_file_atomically(const std::string& path, std::string_view content);

// The same for content produced in pieces: `content` streams it into the
// temporary file (a failed write is the error, whatever the stream's state).
using StreamWriter = std::function<void(std::ostream&)>;
Result<Done> write_file_atomically(const std::string& path, const StreamWriter& content);

}  // namespace iooi
