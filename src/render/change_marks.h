#pragma once
// Change over time in table and Markdown reports (docs/history.md): a sparkline of a
// measure's values, and the change since `report --since` with a direction mark.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/rollup/rollup.h"

namespace iooi {

// A trend shows the latest check-in days only (docs/history.md, "Trend").
inline constexpr size_t sparkline_points = 8;

// "▁▃▅█": one block per check-in day of `history` (the value as the roll-up defines
// it, running totals when accumulating), the last `max_points` of them. Numbers are
// scaled from the lowest (▁) to the highest (█) shown; all equal (one check-in too)
// gives a flat line of ▄. A milestone is ▁ while not reached and █ once reached.
// Empty without check-ins.
std::string sparkline(const std::vector<ValuePoint>& history, MeasureType type,
                      size_t max_points = sparkline_points);

// "▲ +12 pp" / "▼ −3 pp" / "= 0 pp" (German "▲ +12 Pp."): the change of progress since
// --since, rounded to whole percentage points; the mark follows the rounded number. A
// monitor (no progress) shows the change of its value with its unit instead ("▼ −10 kWh",
// a percentage in points); empty when neither is known.
std::string change_text(const std::optional<SinceResult>& since, const MeasureResult* measure,
                        std::string_view language);

}  // namespace iooi
