#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iooi {

// Levenshtein distance; stops early once `limit` is exceeded (returns limit + 1).
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

// The candidate closest to `word` when it is close enough to be a plausible typo
// (case-insensitive match, or distance <= max(1, len/3)); ties go to the first.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

}  // namespace iooi
