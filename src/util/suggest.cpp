#include "iooi/util/suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace iooi {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  const size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  // Optimal string alignment: a swap of two neighbouring letters ("titel") is one typo.
  std::vector<size_t> before(b.size() + 1);
  std::vector<size_t> previous(b.size() + 1);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  size_t previous_minimum = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    size_t row_minimum = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
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
  for (std::string_view candidate : candidates)
    if (candidate != word && equal_ignoring_case(candidate, word)) return std::string(candidate);
  const size_t limit = std::max<size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const size_t distance = edit_distance(word, candidate, limit);
    if (distance < best_distance && distance > 0) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace iooi
