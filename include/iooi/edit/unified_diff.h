#pragma once
#include <string>
#include <string_view>

namespace iooi::edit {

// The change from `before` to `after` as a unified diff with 3 lines of context
// (`--- a/PATH`, `+++ b/PATH`, `@@` hunks), empty when the texts are equal.
// Control characters in the lines are shown escaped (the text is the user's).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path);

}  // namespace iooi::edit
