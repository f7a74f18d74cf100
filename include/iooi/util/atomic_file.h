#pragma once
#include <string>
#include <string_view>

namespace iooi {

// Writes `content` to a temporary file in the target's folder, flushes it and
// renames it over `path`. On failure returns false with a reason in `error`, and
// leaves neither a temporary file nor a changed target behind.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace iooi
