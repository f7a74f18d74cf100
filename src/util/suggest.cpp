#include "iooi/util/suggest.h"

#include <algorithm>
#include <vector>

namespace iooi {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

size_t gap(size_t a, size_t b) { return a > b ? a - b : b - a; }

// Drops what both strings start and end with: it costs no edit.
void strip_common_affixes(std::string_view& a, std::string_view& b) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
}

// Cells outside the diagonal band |i - j| <= limit cannot lead to a distance within
// the limit; they hold `far`.
struct Band {
  size_t limit;
  size_t far;
  size_t first(size_t i) const { return i > limit ? i - limit : 1; }
  size_t last(size_t i, size_t width) const { return std::min(width, i + limit); }
};

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  strip_common_affixes(a, b);
  if (gap(a.size(), b.size()) > limit) return limit + 1;
  if (a.empty() || b.empty()) return std::max(a.size(), b.size());
  // Optimal string alignment: a swap of two neighbouring letters ("titel") is one typo.
  // Only the band of cells that can stay within the limit is computed, so one
  // comparison costs O(length x limit).
  const Band band{limit, limit + 1};
  std::vector<size_t> before(b.size() + 1, band.far);
  std::vector<size_t> previous(b.size() + 1, band.far);
  std::vector<size_t> row(b.size() + 1, band.far);
  for (size_t j = 0; j <= std::min(b.size(), limit); ++j) previous[j] = j;
  size_t previous_minimum = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    // The buffers are reused: the cells next to the band must read as out of reach.
    row[0] = i <= limit ? i : band.far;
    const size_t first = band.first(i);
    const size_t last = band.last(i, b.size());
    row[first - 1] = first > 1 ? band.far : row[0];
    if (last < b.size()) row[last + 1] = band.far;
    size_t row_minimum = row[0];
    for (size_t j = first; j <= last; ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution, band.far});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
      row_minimum = std::min(row_minimum, row[j]);
    }
    // A swap reaches back two rows, so stop only when both rows are past the limit.
    if (row_minimum > limit && previous_minimum > limit) return limit + 1;
    previous_minimum = row_minimum;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates) {
  SuggestBudget unbounded{static_cast<size_t>(-1)};
  return closest_match(word, candidates, unbounded);
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates,
                                         SuggestBudget& budget) {
  // Ids, owners and period ids are at most 64 characters (docs/format.md); a longer
  // word is no typo of one, and comparing it would cost its length squared.
  if (word.size() > max_suggestion_length) return std::nullopt;
  for (std::string_view candidate : candidates) {
    if (candidate.size() != word.size()) continue;
    // Counted as one cell: the comparison mostly stops at the first letters.
    if (budget.cells == 0) return std::nullopt;
    --budget.cells;
    if (candidate != word && equal_ignoring_case(candidate, word)) return std::string(candidate);
  }
  std::optional<std::string_view> best;
  // Only a closer candidate than the best so far can win (ties go to the first),
  // so the limit shrinks as matches are found and most comparisons stop early.
  size_t limit = std::max<size_t>(1, word.size() / 3);
  for (std::string_view candidate : candidates) {
    if (candidate.size() > max_suggestion_length || gap(candidate.size(), word.size()) > limit)
      continue;
    const size_t cost = word.size() * (2 * limit + 1);
    if (cost > budget.cells) {
      budget.cells = 0;
      return std::nullopt;
    }
    budget.cells -= cost;
    const size_t distance = edit_distance(word, candidate, limit);
    if (distance <= limit && distance > 0) {
      best = candidate;
      if (distance == 1) break;
      limit = distance - 1;
    }
  }
  return best ? std::optional<std::string>(std::string(*best)) : std::nullopt;
}

}  // namespace iooi
