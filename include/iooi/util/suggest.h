#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iooi {

// Words and candidates longer than this get no suggestion (docs/limits.md).
inline constexpr size_t max_suggestion_length = 64;

// Edit distance (optimal string alignment: a swap of neighbours is one edit); stops
// early once `limit` is exceeded (returns limit + 1). O(length x limit).
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

// What did-you-mean may spend in one run, in cells of the edit-distance table:
// beyond it unknown names get no suggestion, so a plan with thousands of near
// misses costs bounded time (docs/limits.md).
struct SuggestBudget {
  size_t cells = 20'000'000;
};

// The candidate closest to `word` when it is close enough to be a plausible typo
// (case-insensitive match, or distance <= max(1, len/3)); ties go to the first.
// None for a word longer than max_suggestion_length; longer candidates are skipped.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);
// The same, spending from `budget`; none once it is spent.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates,
                                         SuggestBudget& budget);

}  // namespace iooi
