// Generated plans (thresholds, interim targets, increments, monitors, milestones,
// weights, windows and days around them) rolled up by compute_report and, again, by
// a second computation written here straight from docs/progress.md. The two must
// agree on every value, progress, expected, planned value and status. The seed is
// fixed: a failure names the case and can be replayed.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "iooi/rollup/rollup.h"

namespace iooi {
namespace {

constexpr double slack = 1e-9;

// ---- The second computation ----------------------------------------------------

struct Spot {  // a corner of the planned path
  double day;
  double value;
};

std::optional<double> reference_value(const Measure& m, Date as_of) {
  std::vector<size_t> counted;  // indices of the check-ins dated on or before as_of
  for (size_t i = 0; i < m.checkins.size(); ++i) {
    if (m.checkins[i].date <= as_of && m.checkins[i].value.kind != Value::Kind::none) {
      counted.push_back(i);
    }
  }
  if (m.accumulate) {
    if (counted.empty()) return std::nullopt;
    std::stable_sort(counted.begin(), counted.end(),
                     [&](size_t a, size_t b) { return m.checkins[a].date < m.checkins[b].date; });
    double total = m.baseline ? *m.baseline : 0.0;
    for (size_t i : counted) total += m.checkins[i].value.number;
    return total;
  }
  if (counted.empty()) {
    if (m.current.kind == Value::Kind::none) return std::nullopt;
    return m.current.kind == Value::Kind::number ? m.current.number : (m.current.flag ? 1.0 : 0.0);
  }
  size_t latest = counted.front();
  for (size_t i : counted) {
    if (!(m.checkins[i].date < m.checkins[latest].date)) latest = i;  // later listed wins ties
  }
  const Value& v = m.checkins[latest].value;
  return v.kind == Value::Kind::number ? v.number : (v.flag ? 1.0 : 0.0);
}

double reference_elapsed(const Window& w, Date as_of) {
  if (w.start == w.end) return as_of < w.start ? 0.0 : 1.0;
  const double f = double(as_of.days - w.start.days) / double(w.end.days - w.start.days);
  return f < 0 ? 0 : (f > 1 ? 1 : f);
}

bool is_threshold(const Measure& m) { return m.threshold.kind != ThresholdKind::none; }

std::optional<double> reference_planned(const Measure& m, const std::optional<Window>& w,
                                        Date as_of) {
  if (!w || m.type != MeasureType::numeric || is_threshold(m)) return std::nullopt;
  if (w->start == w->end) return as_of < w->start ? *m.baseline : *m.target;
  std::vector<Spot> path{{double(w->start.days), *m.baseline}};
  for (const InterimTarget& t : m.targets) path.push_back({double(t.date.days), t.value});
  path.push_back({double(w->end.days), *m.target});
  const double x = std::clamp(double(as_of.days), path.front().day, path.back().day);
  // The last corner at or before x, and the one after it.
  size_t k = 0;
  while (k + 2 < path.size() && path[k + 1].day <= x) ++k;
  const Spot a = path[k], b = path[k + 1];
  return a.value + (b.value - a.value) * (x - a.day) / (b.day - a.day);
}

struct Reference {
  std::optional<double> value, progress, expected, planned;
  Status status = Status::none;
};

Reference reference_measure(const Measure& m, const std::optional<Window>& w, double goal,
                            Date as_of) {
  Reference r;
  r.value = reference_value(m, as_of);
  if (m.type == MeasureType::monitor) return r;  // undefined, status none
  bool met = false;
  double progress = 0.0;
  if (m.type == MeasureType::milestone) {
    progress = r.value && *r.value == 1.0 ? 1.0 : 0.0;
  } else if (is_threshold(m)) {
    if (r.value) {
      const double v = *r.value;
      const double lo = m.threshold.low - slack, hi = m.threshold.high + slack;
      met = m.threshold.kind == ThresholdKind::at_least  ? v >= lo
            : m.threshold.kind == ThresholdKind::at_most ? v <= hi
                                                         : (v >= lo && v <= hi);
    }
    progress = met ? 1.0 : 0.0;
  } else if (r.value) {
    progress = std::clamp((*r.value - *m.baseline) / (*m.target - *m.baseline), 0.0, 1.0);
  }
  r.progress = progress;
  r.planned = reference_planned(m, w, as_of);
  if (w && !is_threshold(m)) {
    r.expected =
        r.planned
            ? goal * std::clamp((*r.planned - *m.baseline) / (*m.target - *m.baseline), 0.0, 1.0)
            : goal * reference_elapsed(*w, as_of);
  }
  if (!w || as_of < w->start) {
    r.status = Status::none;
  } else if (!r.value) {
    r.status = Status::no_data;
  } else if (is_threshold(m)) {
    r.status = !met ? Status::off_track : (as_of >= w->end ? Status::done : Status::on_track);
  } else if (progress >= 1 - slack) {
    r.status = Status::done;
  } else {
    const double gap = *r.expected - progress;
    r.status = gap <= 0.10 + slack   ? Status::on_track
               : gap <= 0.25 + slack ? Status::at_risk
                                     : Status::off_track;
  }
  return r;
}

bool verdict(Status s) { return s != Status::none && s != Status::no_data; }

Status reference_worst(const std::vector<Status>& statuses) {
  std::optional<Status> worst;
  for (Status s : statuses) {
    if (verdict(s) && (!worst || int(s) < int(*worst))) worst = s;
  }
  return worst.value_or(Status::none);
}

// ---- Generated plans -----------------------------------------------------------

struct Generator {
  std::mt19937_64 random{20261201};

  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  double amount() { return between(-40, 240) / 2.0; }  // halves: ties on bounds happen

  Window window() {
    const Date start = Date::from_ymd(2026, 1, 1).plus_days(between(0, 300));
    return Window{start, start.plus_days(chance(10) ? 0 : between(1, 200))};
  }

  void checkins(Measure& m, const Window& around, bool milestone) {
    const int n = between(0, 5);
    for (int i = 0; i < n; ++i) {
      Checkin c;
      c.date = around.start.plus_days(between(-20, around.end - around.start + 20));
      c.value = milestone ? Value{Value::Kind::boolean, 0.0, chance(50)}
                          : Value{Value::Kind::number, amount(), false};
      m.checkins.push_back(c);
    }
    m.has_checkins = n > 0;
    if (!m.accumulate && chance(20)) {
      m.current = milestone ? Value{Value::Kind::boolean, 0.0, chance(50)}
                            : Value{Value::Kind::number, amount(), false};
    }
  }

  void interim_targets(Measure& m, const Window& w) {
    int inside = w.end - w.start - 1;
    Date last = w.start;
    for (int n = between(0, 3); n > 0 && inside > 0; --n) {
      const int step = between(1, std::min(inside, 60));
      last = last.plus_days(step);
      inside -= step;
      m.targets.push_back(InterimTarget{last, amount(), {}, {}});
    }
  }

  Measure measure(const std::string& id, const Window& w, bool monitors) {
    Measure m;
    m.id = id;
    m.weight = std::array<double, 4>{0.0, 1.0, 2.0, 0.5}[size_t(between(0, 3))];
    const int kind = between(0, monitors ? 4 : 3);
    if (kind == 0) {
      m.type = MeasureType::milestone;
      checkins(m, w, true);
      return m;
    }
    m.accumulate = chance(30);
    if (chance(70)) m.baseline = amount();
    if (kind == 1 || kind == 2) {  // a number target, with or without interim targets
      if (!m.baseline) m.baseline = amount();
      m.target = *m.baseline + (chance(50) ? 1 : -1) * between(1, 200) / 2.0;
      if (kind == 2) interim_targets(m, w);
    } else if (kind == 3) {
      m.threshold.kind =
          std::array<ThresholdKind, 3>{ThresholdKind::at_least, ThresholdKind::at_most,
                                       ThresholdKind::between}[size_t(between(0, 2))];
      m.threshold.low = amount();
      m.threshold.high = m.threshold.low + between(0, 40) / 2.0;
    } else {
      m.type = MeasureType::monitor;
    }
    checkins(m, w, false);
    return m;
  }
};

struct Case {
  Plan plan;
  Window period;
  std::vector<std::optional<Window>> indicator_windows;
  Date as_of;
  double goal = 1.0;
};

Case generate(Generator& g) {
  Case c;
  c.period = g.window();
  c.plan.config.periods.push_back(PeriodDef{"P", c.period.start, c.period.end, {}});
  Objective o;
  o.id = "O";
  o.period = "P";
  o.owner = "team";
  if (g.chance(30)) o.type = ObjectiveType::aspirational;
  c.goal = o.type == ObjectiveType::aspirational ? 0.7 : 1.0;
  for (int k = g.between(1, 4); k > 0; --k) {
    o.key_results.push_back(g.measure("KR" + std::to_string(k), c.period, false));
  }
  o.aligns_to.push_back(Link{"E", double(g.between(0, 2)), {}});
  c.plan.objectives.push_back(o);
  Element e;
  e.id = "E";
  e.level = Level::outcome;
  for (int k = g.between(0, 3); k > 0; --k) {
    const std::optional<Window> w = g.chance(70) ? std::optional(g.window()) : std::nullopt;
    Measure m = g.measure("IND" + std::to_string(k), w.value_or(c.period), true);
    if (w) {
      m.baseline_date = w->start;
      m.target_date = w->end;
    } else {
      m.targets.clear();  // interim targets need the indicator's dates
    }
    c.indicator_windows.push_back(w);
    e.indicators.push_back(m);
  }
  c.plan.elements.push_back(e);
  c.as_of = c.period.start.plus_days(g.between(-30, c.period.end - c.period.start + 30));
  return c;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return !a && !b;
  return std::abs(*a - *b) <= slack * std::max(1.0, std::abs(*b));
}

void compare(const MeasureResult& actual, const Reference& expected) {
  const std::optional<double> value =
      actual.value.kind == Value::Kind::none
          ? std::nullopt
          : std::optional(actual.value.kind == Value::Kind::number ? actual.value.number
                          : actual.value.flag                      ? 1.0
                                                                   : 0.0);
  CHECK(same(value, expected.value));
  CHECK(same(actual.progress, expected.progress));
  CHECK(same(actual.expected, expected.expected));
  CHECK(same(actual.planned, expected.planned));
  CHECK(status_id(actual.status) == status_id(expected.status));
}

}  // namespace

TEST_CASE("measures: generated plans agree with a direct computation of the rules") {
  Generator generator;
  constexpr int cases = 4000;
  int no_data = 0, thresholds_done = 0, with_interim = 0;
  for (int n = 0; n < cases; ++n) {
    const Case c = generate(generator);
    CAPTURE(n);
    const Report report = compute_report(c.plan, Scope{std::nullopt, c.as_of});
    REQUIRE(report.objectives.size() == 1);
    REQUIRE(report.elements.size() == 1);
    const Objective& objective = c.plan.objectives[0];
    const ObjectiveResult& o = report.objectives[0];

    double weighted = 0.0, weights = 0.0;
    bool all_no_data = true, all_done = true;
    for (size_t k = 0; k < objective.key_results.size(); ++k) {
      const Measure& m = objective.key_results[k];
      const Reference r = reference_measure(m, c.period, c.goal, c.as_of);
      compare(o.key_results[k], r);
      weighted += m.weight * *r.progress;
      weights += m.weight;
      if (m.weight > 0) {
        all_no_data = all_no_data && r.status == Status::no_data;
        all_done = all_done && r.status == Status::done;
      }
      no_data += r.status == Status::no_data;
      thresholds_done += is_threshold(m) && r.status == Status::done;
      with_interim += !m.targets.empty();
    }
    const bool has_progress = weights > 0;
    const double mean = has_progress ? weighted / weights : 0.0;
    CHECK(same(o.progress, has_progress ? std::optional(mean) : std::nullopt));
    CHECK(same(o.expected, c.goal * reference_elapsed(c.period, c.as_of)));
    Status status = Status::none;
    if (has_progress && c.as_of >= c.period.start) {
      const double gap = c.goal * reference_elapsed(c.period, c.as_of) - mean;
      status = all_no_data           ? Status::no_data
               : mean >= 1 - slack   ? (all_done ? Status::done : Status::on_track)
               : gap <= 0.10 + slack ? Status::on_track
               : gap <= 0.25 + slack ? Status::at_risk
                                     : Status::off_track;
    }
    CHECK(status_id(o.status) == status_id(status));

    // The element: its non-monitor indicators, then the objective.
    const Element& element = c.plan.elements[0];
    const ElementResult& e = report.elements[0];
    double element_weighted = 0.0, element_weights = 0.0;
    std::vector<Status> statuses;
    for (size_t k = 0; k < element.indicators.size(); ++k) {
      const Measure& m = element.indicators[k];
      const Reference r = reference_measure(m, c.indicator_windows[k], 1.0, c.as_of);
      compare(e.indicators[k], r);
      if (m.type == MeasureType::monitor) continue;
      element_weighted += m.weight * *r.progress;
      element_weights += m.weight;
      statuses.push_back(r.status);
    }
    if (has_progress) {
      element_weighted += objective.aligns_to[0].weight * mean;
      element_weights += objective.aligns_to[0].weight;
      statuses.push_back(status);
    }
    CHECK(same(e.progress, element_weights > 0 ? std::optional(element_weighted / element_weights)
                                               : std::nullopt));
    CHECK(status_id(e.status) == status_id(reference_worst(statuses)));
  }
  // The generator reaches the cases that matter.
  CHECK(no_data > cases / 10);
  CHECK(thresholds_done > cases / 100);
  CHECK(with_interim > cases / 10);
}

}  // namespace iooi
