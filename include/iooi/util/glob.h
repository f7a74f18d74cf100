#pragma once
#include <string_view>

namespace iooi {

// Matches a '/'-separated relative path against a glob: `*` and `?` stay inside
// one path segment, `**` spans segments, `[abc]` is a character class. A pattern
// that names a folder ("drafts" or "drafts/**") matches everything below it.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace iooi
