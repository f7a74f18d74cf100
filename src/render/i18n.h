#pragma once
// Labels of the report and graph renderers in English and German, and the
// number/date formats that go with each language. User text is never translated.
#include <optional>
#include <string>
#include <string_view>

#include "iooi/model/plan.h"
#include "iooi/rollup/rollup.h"
#include "iooi/util/date.h"

namespace iooi::i18n {

struct Labels {
  std::string_view report_title;  // "Progress report"
  std::string_view period;        // "Period"
  std::string_view all_periods;   // "all periods"
  std::string_view as_of;         // "as of"
  std::string_view impact_goals;  // section headings by level
  std::string_view outcomes;
  std::string_view outputs;
  std::string_view inputs;
  std::string_view impact_goal;  // column header of the impact-goal table
  std::string_view element;      // column header: chain element
  std::string_view chain;        // "Impact chain"
  std::string_view legend;       // "Colours"
  std::string_view objectives;   // "Objectives"
  std::string_view objectives_by_owner;
  std::string_view objective;
  std::string_view key_result;
  std::string_view id;
  std::string_view title;
  std::string_view owner;
  std::string_view value;
  std::string_view target;
  std::string_view baseline;
  std::string_view unit;
  std::string_view progress;
  std::string_view attainment;
  std::string_view expected;
  std::string_view status;
  std::string_view confidence;
  std::string_view last_checkin;
  std::string_view aspirational;  // marker of aspirational objectives
  std::string_view aligns_to;
  std::string_view of_expected;  // "{} of expected {}"
  std::string_view stale_label;  // "stale"
  std::string_view kind;         // CSV: "key result" or "indicator"
  std::string_view kind_key_result;
  std::string_view kind_indicator;
  std::string_view parent;  // CSV: the objective or element of a measure
  std::string_view needs_attention;
  std::string_view nothing_needs_attention;
  std::string_view stale;             // "no check-in for {} days"
  std::string_view never_checked_in;  // "no check-in yet ({} days into the period)"
  std::string_view plan_quality;
  std::string_view quality_line;  // "`iooi check` finds {errors}, {warnings} and {notes}."
  std::string_view no_objectives;
  std::string_view no_elements;
  std::string_view yes;
  std::string_view no;
  std::string_view none_value;  // shown for an undefined value: "–"
  std::string_view no_owner;    // heading of the objectives that name no owner
  // CSV columns of results frameworks: headers and values.
  std::string_view measure_type;  // "Type"
  std::string_view direction;     // "Direction"
  std::string_view threshold;     // "Threshold"
  std::string_view type_numeric;
  std::string_view type_milestone;
  std::string_view type_monitor;
  std::string_view direction_increase;
  std::string_view direction_decrease;
  // Indicators of the chain and notes in the table and Markdown reports.
  std::string_view chain_indicators;  // Markdown section heading
  std::string_view indicator;         // column header
  std::string_view notes;             // "Notes" above descriptions, sources and methods
  std::string_view source;
  std::string_view method;
  std::string_view data_gaps;  // the attention list's group of no-data measures
  // Change over time (docs/history.md): report --since and the trend of each measure.
  std::string_view trend;         // column header of the sparkline
  std::string_view change;        // column header of the change since --since
  std::string_view change_since;  // "change since" before the since-day
};

const Labels& labels(std::string_view language);

std::string_view status_label(Status status, std::string_view language);
std::string_view level_heading(Level level, std::string_view language);
// "Colours: dark green = done, green = on track, ..." for the diagram legend.
std::string legend(std::string_view language);
// A coloured circle per status for Markdown, so status reads at a glance.
std::string_view status_emoji(Status status);

// "3 errors" / "1 Fehler", "2 warnings" / "2 Warnungen", "1 note" / "1 Hinweis".
std::string count_errors(size_t n, std::string_view language);
std::string count_warnings(size_t n, std::string_view language);
std::string count_notes(size_t n, std::string_view language);

// What follows a number of this unit: "" without one, "%" for per cent in English,
// else a space and the unit ("40 %" in German).
std::string unit_suffix(std::string_view unit, std::string_view language);

// Shortest form that reads back as the same number; decimal comma in German.
std::string number(double value, std::string_view language);
// A fraction as a whole percentage: "26%" / "26 %"; the undefined mark without a value.
std::string percent(const std::optional<double>& fraction, std::string_view language);
// Why a key result is stale: "no check-in for 20 days", or "no check-in yet, 20 days
// into the period" (MeasureResult::stale_days set).
std::string stale_reason(const MeasureResult& measure, std::string_view language);
// A measure's value with its unit ("210 people", "31 %", "yes"), or the undefined mark.
std::string measure_value(const Value& value, std::string_view unit, std::string_view language);
std::string with_unit(double value, std::string_view unit, std::string_view language);
// A threshold target as "≥ 85 %", "≤ 3 %" or "0–2 %" (decimal comma in German), the
// unit after a space; empty without a threshold.
std::string threshold(const Threshold& threshold, std::string_view unit, std::string_view language);
// A change with its sign: "-1.5 ha/d", "±0 GW"; a change of a percentage in percentage
// points: "+2 pp" / "+2 Pp.".
std::string signed_change(double change, std::string_view unit, std::string_view language);
// 2026-02-15 in English, 15.02.2026 in German.
std::string date(Date day, std::string_view language);

}  // namespace iooi::i18n
