#include "iooi/edit/unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "iooi/edit/checkin_edit.h"
#include "iooi/util/utf8.h"

namespace iooi::edit {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    const size_t newline = text.find('\n', start);
    const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : unsigned char { keep, remove, add };

struct Step {
  Op op;
  size_t old_line;  // 0-based
  size_t new_line;
};

using Lines = std::vector<std::string_view>;
using Row = std::vector<long>;

// On diagonal k at step d, whether the furthest point came from diagonal k + 1
// (a line added) rather than k - 1 (a line removed). `w` holds diagonals -d..d.
bool from_above(const Row& w, long d, long k) {
  return k == -d || (k != d && w[size_t(k - 1 + d)] < w[size_t(k + 1 + d)]);
}

// Myers' forward pass: trace[d][k + d] is the furthest x on diagonal k before
// step d. Step d keeps only diagonals -d..d, so memory grows with the square of
// the number of changed lines, not with the file.
std::vector<Row> forward_trace(const Lines& a, const Lines& b) {
  const auto n = static_cast<long>(a.size());
  const auto m = static_cast<long>(b.size());
  const long offset = n + m + 1;
  Row v(static_cast<size_t>(2 * offset + 1), 0);
  std::vector<Row> trace;
  for (long d = 0; d <= n + m; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    const Row& w = trace.back();
    for (long k = -d; k <= d; k += 2) {
      long x = d == 0 ? 0 : from_above(w, d, k) ? w[size_t(k + 1 + d)] : w[size_t(k - 1 + d)] + 1;
      long y = x - k;
      while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) ++x, ++y;
      v[size_t(k + offset)] = x;
      if (x >= n && y >= m) return trace;
    }
  }
  return trace;
}

// The shortest edit script, walked back from the end through the trace.
std::vector<Step> edit_script(const Lines& a, const Lines& b) {
  const std::vector<Row> trace = forward_trace(a, b);
  std::vector<Step> steps;
  auto x = static_cast<long>(a.size());
  auto y = static_cast<long>(b.size());
  for (long d = static_cast<long>(trace.size()) - 1; d > 0; --d) {
    const Row& w = trace[size_t(d)];
    const long k = x - y;
    const long previous_k = from_above(w, d, k) ? k + 1 : k - 1;
    const long previous_x = w[size_t(previous_k + d)];
    const long previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) steps.push_back({Op::keep, size_t(--x), size_t(--y)});
    if (x == previous_x) {
      steps.push_back({Op::add, size_t(x), size_t(--y)});
    } else {
      steps.push_back({Op::remove, size_t(--x), size_t(y)});
    }
  }
  while (x > 0 && y > 0) steps.push_back({Op::keep, size_t(--x), size_t(--y)});
  std::reverse(steps.begin(), steps.end());
  return steps;
}

std::string diff_line(char mark, std::string_view line) {
  const bool has_newline = !line.empty() && line.back() == '\n';
  if (has_newline) line.remove_suffix(1);
  const bool crlf = !line.empty() && line.back() == '\r';
  if (crlf) line.remove_suffix(1);
  std::string out(1, mark);
  // Tabs stay tabs; other control characters become visible.
  for (size_t start = 0; start <= line.size();) {
    const size_t tab = std::min(line.find('\t', start), line.size());
    out += visible_controls(line.substr(start, tab - start));
    if (tab < line.size()) out += '\t';
    start = tab + 1;
  }
  if (crlf) out += '\r';
  out += '\n';
  if (!has_newline) out += "\\ No newline at end of file\n";
  return out;
}

std::string hunk_range(size_t start, size_t count) {
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

constexpr size_t context = 3;

// One past the last step of the hunk that has a change at `start`: `context`
// kept lines after the last change that is at most 2 * context kept lines away.
size_t hunk_end(const std::vector<Step>& steps, size_t start) {
  size_t last = start;
  size_t kept = 0;
  for (size_t j = start; j < steps.size() && kept <= 2 * context; ++j) {
    kept = steps[j].op == Op::keep ? kept + 1 : 0;
    if (steps[j].op != Op::keep) last = j;
  }
  return std::min(steps.size(), last + 1 + context);
}

std::string hunk(const std::vector<Step>& steps, size_t first, size_t end, const Lines& a,
                 const Lines& b) {
  size_t old_count = 0;
  size_t new_count = 0;
  std::string body;
  for (size_t j = first; j < end; ++j) {
    const Step& step = steps[j];
    if (step.op != Op::add) ++old_count;
    if (step.op != Op::remove) ++new_count;
    body += step.op == Op::keep     ? diff_line(' ', a[step.old_line])
            : step.op == Op::remove ? diff_line('-', a[step.old_line])
                                    : diff_line('+', b[step.new_line]);
  }
  return fmt::format("@@ -{} +{} @@\n", hunk_range(steps[first].old_line, old_count),
                     hunk_range(steps[first].new_line, new_count)) +
         body;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path) {
  if (before == after) return {};
  const Lines a = split_lines(before);
  const Lines b = split_lines(after);
  const std::vector<Step> steps = edit_script(a, b);
  std::string out =
      fmt::format("--- a/{}\n+++ b/{}\n", visible_controls(path), visible_controls(path));
  for (size_t i = 0; i < steps.size();) {
    if (steps[i].op == Op::keep) {
      ++i;
      continue;
    }
    const size_t first = i >= context ? i - context : 0;
    const size_t end = hunk_end(steps, i);
    out += hunk(steps, first, end, a, b);
    i = end;
  }
  return out;
}

}  // namespace iooi::edit
