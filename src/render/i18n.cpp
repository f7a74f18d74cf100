#include "i18n.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>

#include "iooi/util/json_writer.h"

namespace iooi::i18n {
namespace {

constexpr Labels english{
    .report_title = "Progress report",
    .period = "Period",
    .all_periods = "all periods",
    .as_of = "as of",
    .impact_goals = "Impact goals",
    .outcomes = "Outcomes",
    .outputs = "Outputs",
    .inputs = "Inputs",
    .impact_goal = "Impact goal",
    .element = "Element",
    .chain = "Impact chain",
    .legend = "Colours",
    .objectives = "Objectives",
    .objectives_by_owner = "Objectives by owner",
    .objective = "Objective",
    .key_result = "Key result",
    .id = "ID",
    .title = "Title",
    .owner = "Owner",
    .value = "Value",
    .target = "Target",
    .baseline = "Baseline",
    .unit = "Unit",
    .progress = "Progress",
    .attainment = "Attainment",
    .expected = "Expected",
    .status = "Status",
    .confidence = "Confidence",
    .last_checkin = "Last check-in",
    .aspirational = "aspirational",
    .aligns_to = "aligned to",
    .of_expected = "{} of {} expected",
    .stale_label = "stale",
    .kind = "Kind",
    .kind_key_result = "key result",
    .kind_indicator = "indicator",
    .parent = "Objective or element",
    .needs_attention = "Needs attention",
    .nothing_needs_attention = "Nothing: every key result is on track or done and checked in.",
    .stale = "no check-in for {} days",
    .never_checked_in = "no check-in yet, {} days into the period",
    .plan_quality = "Plan quality",
    .quality_line = "`iooi check` finds {}, {} and {}.",
    .no_objectives = "No objectives in this period.",
    .no_elements = "The plan has no chain elements.",
    .yes = "yes",
    .no = "no",
    .none_value = "–",
    .no_owner = "No owner",
    .measure_type = "Type",
    .direction = "Direction",
    .threshold = "Threshold",
    .type_numeric = "numeric",
    .type_milestone = "milestone",
    .type_monitor = "monitor",
    .direction_increase = "increase",
    .direction_decrease = "decrease",
    .chain_indicators = "Indicators of the impact chain",
    .indicator = "Indicator",
    .notes = "Notes",
    .source = "Source",
    .method = "Method",
    .data_gaps = "Data gaps (no value yet: not a verdict)",
    .trend = "Trend",
    .change = "Change",
    .change_since = "change since",
};

constexpr Labels german{
    .report_title = "Fortschrittsbericht",
    .period = "Zeitraum",
    .all_periods = "alle Zeiträume",
    .as_of = "Stand",
    .impact_goals = "Wirkungsziele (Impact)",
    .outcomes = "Wirkungen bei der Zielgruppe (Outcomes)",
    .outputs = "Leistungen (Outputs)",
    .inputs = "Ressourcen (Inputs)",
    .impact_goal = "Wirkungsziel",
    .element = "Element",
    .chain = "Wirkungskette",
    .legend = "Farben",
    .objectives = "Objectives",
    .objectives_by_owner = "Objectives nach Verantwortlichen",
    .objective = "Objective",
    .key_result = "Key Result",
    .id = "ID",
    .title = "Titel",
    .owner = "Verantwortlich",
    .value = "Wert",
    .target = "Zielwert",
    .baseline = "Ausgangswert",
    .unit = "Einheit",
    .progress = "Fortschritt",
    .attainment = "Zielerreichung",
    .expected = "Soll",
    .status = "Status",
    .confidence = "Zuversicht",
    .last_checkin = "Letzter Check-in",
    .aspirational = "ambitioniert",
    .aligns_to = "zahlt ein auf",
    .of_expected = "{} bei {} Soll",
    .stale_label = "veraltet",
    .kind = "Art",
    .kind_key_result = "Key Result",
    .kind_indicator = "Indikator",
    .parent = "Objective oder Element",
    .needs_attention = "Handlungsbedarf",
    .nothing_needs_attention =
        "Keiner: Alle Key Results sind im Plan oder erreicht und aktuell eingecheckt.",
    .stale = "seit {} Tagen kein Check-in",
    .never_checked_in = "noch kein Check-in, {} Tage nach Beginn des Zeitraums",
    .plan_quality = "Planqualität",
    .quality_line = "`iooi check` meldet {}, {} und {}.",
    .no_objectives = "Keine Objectives in diesem Zeitraum.",
    .no_elements = "Der Plan enthält keine Elemente der Wirkungskette.",
    .yes = "ja",
    .no = "nein",
    .none_value = "–",
    .no_owner = "Ohne Verantwortliche",
    .measure_type = "Typ",
    .direction = "Richtung",
    .threshold = "Schwelle",
    .type_numeric = "numerisch",
    .type_milestone = "Meilenstein",
    .type_monitor = "Monitor",
    .direction_increase = "steigend",
    .direction_decrease = "fallend",
    .chain_indicators = "Indikatoren der Wirkungskette",
    .indicator = "Indikator",
    .notes = "Anmerkungen",
    .source = "Quelle",
    .method = "Methode",
    .data_gaps = "Datenlücken (noch kein Wert, daher kein Urteil)",
    .trend = "Verlauf",
    .change = "Änderung",
    .change_since = "Änderung seit",
};

bool is_german(std::string_view language) { return language == "de"; }

std::string counted(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

const Labels& labels(std::string_view language) { return is_german(language) ? german : english; }

std::string_view status_label(Status status, std::string_view language) {
  const bool de = is_german(language);
  switch (status) {
    case Status::done:
      return de ? "erreicht" : "done";
    case Status::on_track:
      return de ? "im Plan" : "on track";
    case Status::at_risk:
      return de ? "gefährdet" : "at risk";
    case Status::off_track:
      return de ? "kritisch" : "off track";
    case Status::none:
      return de ? "kein Status" : "no status";
    case Status::no_data:
      return de ? "keine Daten" : "no data";
  }
  return "";
}

std::string_view level_heading(Level level, std::string_view language) {
  const Labels& l = labels(language);
  switch (level) {
    case Level::impact:
      return l.impact_goals;
    case Level::outcome:
      return l.outcomes;
    case Level::output:
      return l.outputs;
    case Level::input:
      return l.inputs;
  }
  return "";
}

std::string legend(std::string_view language) {
  const bool de = is_german(language);
  const auto item = [&](Status status, std::string_view colour) {
    return fmt::format("{} {} = {}", status_emoji(status), colour, status_label(status, language));
  };
  return fmt::format(
      "{}: {}, {}, {}, {}, {}.", labels(language).legend,
      item(Status::done, de ? "dunkelgrün" : "dark green"),
      item(Status::on_track, de ? "grün" : "green"), item(Status::at_risk, de ? "gelb" : "yellow"),
      item(Status::off_track, de ? "rot" : "red"), item(Status::none, de ? "grau" : "grey"));
}

std::string_view status_emoji(Status status) {
  switch (status) {
    case Status::done:
      return "✅";
    case Status::on_track:
      return "🟢";
    case Status::at_risk:
      return "🟡";
    case Status::off_track:
      return "🔴";
    case Status::none:
    case Status::no_data:
      return "⚪";
  }
  return "";
}

std::string count_errors(size_t n, std::string_view language) {
  return is_german(language) ? counted(n, "Fehler", "Fehler") : counted(n, "error", "errors");
}
std::string count_warnings(size_t n, std::string_view language) {
  return is_german(language) ? counted(n, "Warnung", "Warnungen")
                             : counted(n, "warning", "warnings");
}
std::string count_notes(size_t n, std::string_view language) {
  return is_german(language) ? counted(n, "Hinweis", "Hinweise") : counted(n, "note", "notes");
}

std::string number(double value, std::string_view language) {
  value = without_float_noise(value);  // as in JSON: docs/json.md
  if (value == 0.0) value = 0.0;       // no "-0"
  // Compiled: a report writes a number for every point of every chart.
  std::string text = fmt::format(FMT_COMPILE("{}"), value);
  if (is_german(language)) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

std::string percent(const std::optional<double>& fraction, std::string_view language) {
  if (!fraction || !std::isfinite(*fraction)) return std::string(labels(language).none_value);
  double whole = std::round(*fraction * 100.0);
  if (whole == 0.0) whole = 0.0;
  // German puts a (narrow) space before the percent sign; a plain space survives every medium.
  return fmt::format("{:.0f}{}", whole, is_german(language) ? " %" : "%");
}

std::string stale_reason(const MeasureResult& measure, std::string_view language) {
  const Labels& l = labels(language);
  const int days = measure.stale_days.value_or(0);
  return measure.last_checkin ? fmt::format(fmt::runtime(l.stale), days)
                              : fmt::format(fmt::runtime(l.never_checked_in), days);
}

std::string unit_suffix(std::string_view unit, std::string_view language) {
  if (unit.empty()) return "";
  if (unit == "%" && !is_german(language)) return "%";
  return " " + std::string(unit);
}

std::string with_unit(double value, std::string_view unit, std::string_view language) {
  return number(value, language) + unit_suffix(unit, language);
}

std::string measure_value(const Value& value, std::string_view unit, std::string_view language) {
  const Labels& l = labels(language);
  switch (value.kind) {
    case Value::Kind::none:
      return std::string(l.none_value);
    case Value::Kind::boolean:
      return std::string(value.flag ? l.yes : l.no);
    case Value::Kind::number:
      return with_unit(value.number, unit, language);
  }
  return "";
}

std::string threshold(const Threshold& threshold, std::string_view unit,
                      std::string_view language) {
  std::string text;
  switch (threshold.kind) {
    case ThresholdKind::at_least:
      text = "≥ " + number(threshold.low, language);
      break;
    case ThresholdKind::at_most:
      text = "≤ " + number(threshold.high, language);
      break;
    case ThresholdKind::between:
      text = number(threshold.low, language) + "–" + number(threshold.high, language);
      break;
    case ThresholdKind::none:
      return {};
  }
  return unit.empty() ? text : text + " " + std::string(unit);
}

std::string signed_change(double change, std::string_view unit, std::string_view language) {
  const double shown = without_float_noise(change);
  const std::string_view sign = shown > 0.0 ? "+" : shown < 0.0 ? "" : "±";
  // A share that goes from 12 % to 14 % rises by 2 percentage points, not by 2 %.
  if (unit == "%") unit = is_german(language) ? "Pp." : "pp";
  return std::string(sign) + with_unit(shown, unit, language);
}

std::string date(Date day, std::string_view language) {
  if (!is_german(language)) return day.to_string();
  return day.to_dmy_string();
}

}  // namespace iooi::i18n
