// Helpers of the unit tests that build plans and reports by hand (rollup and render):
// dates, values and check-ins, the report of a plan in 2026-Q1 as of 15 February 2026,
// and the whole text of a streaming renderer.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "iooi/render/report_output.h"

namespace iooi::test_support {

inline Date day(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

inline Value number(double v) { return Value{Value::Kind::number, v, false}; }

inline Checkin checkin(Date date, Value value, int confidence = 0) {
  Checkin c;
  c.date = date;
  c.value = value;
  c.confidence = confidence;
  return c;
}

inline Checkin checkin(Date date, double value) { return checkin(date, number(value)); }

// A numeric measure with only an id (its title too) and check-ins.
inline Measure measure(std::string id, std::vector<Checkin> checkins = {}) {
  Measure m;
  m.id = std::move(id);
  m.title = m.id;
  m.has_checkins = !checkins.empty();
  m.checkins = std::move(checkins);
  return m;
}

// The report of `plan` for 2026-Q1 (1 January to 31 March 2026) as of 15 February 2026.
inline Report sample_report(const Plan& plan) {
  return compute_report(
      plan, Scope{Period{"2026-Q1", day(2026, 1, 1), day(2026, 3, 31)}, day(2026, 2, 15)});
}
Report sample_report(Plan&& plan) = delete;  // the report views the plan: keep it

// The renderers stream; these give their whole text.
inline std::string json_of(const Report& report) {
  std::ostringstream out;
  render_report_json(report, out);
  return out.str();
}

inline std::string csv_of(const Report& report, const ReportOptions& options) {
  std::ostringstream out;
  render_report_csv(report, options, out);
  return out.str();
}

inline std::string csv_of(const Report& report, std::string language) {
  ReportOptions options;
  options.language = std::move(language);
  return csv_of(report, options);
}

}  // namespace iooi::test_support
