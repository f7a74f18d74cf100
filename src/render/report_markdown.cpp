// `report --format markdown`: a summary a programme lead can commit or paste
// into an issue or wiki. GitHub and GitLab render the ```mermaid block.
// User text is escaped so that titles cannot break tables or inject markup.
#include <fmt/format.h>

#include <algorithm>

#include "change_marks.h"
#include "chunked_output.h"
#include "i18n.h"
#include "iooi/render/graph_output.h"
#include "iooi/render/report_output.h"
#include "iooi/util/utf8.h"
#include "markdown_text.h"

namespace iooi {
namespace {

// User text and ids are escaped as docs/format.md's Markdown output needs (markdown_text.h).
std::string md_text(std::string_view text) { return markdown::text(text); }
std::string md_code(std::string_view text) { return markdown::code(text); }

std::string status_text(Status status, std::string_view language) {
  return fmt::format("{} {}", i18n::status_emoji(status), i18n::status_label(status, language));
}

std::string titled(std::string_view title, std::string_view id) {
  if (title.empty()) return md_code(id);
  return fmt::format("{} ({})", md_text(title), md_code(id));
}

// One renderer run: the report, the language and the output, shared by the sections.
struct MarkdownReport {
  const Report& report;
  const ReportOptions& options;
  const std::string& lang;
  const i18n::Labels& l;
  ChunkedOutput& out;
};

void write_heading(const MarkdownReport& md) {
  const Report& report = md.report;
  const i18n::Labels& l = md.l;
  const std::string scope = report.period ? report.period->id : std::string(l.all_periods);
  if (report.plan_name.empty()) {
    md.out.format("# {} {}\n\n", l.report_title, md_text(scope));
  } else {
    md.out.format("# {} — {} {}\n\n", md_text(report.plan_name), l.report_title, md_text(scope));
  }
  if (report.period) {
    md.out.format("{}: {} ({} – {}) · {}: {}", l.period, md_text(report.period->id),
                  i18n::date(report.period->start, md.lang),
                  i18n::date(report.period->end, md.lang), l.as_of,
                  i18n::date(report.as_of, md.lang));
  } else {
    md.out.format("{}: {} · {}: {}", l.period, l.all_periods, l.as_of,
                  i18n::date(report.as_of, md.lang));
  }
  if (report.since) md.out.format(" · {}: {}", l.change_since, i18n::date(*report.since, md.lang));
  md.out << '\n';
}

// report --since: " | ▲ +12 pp" as an extra table cell, nothing without --since.
std::string change_column(const MarkdownReport& md, const std::optional<SinceResult>& since,
                          const MeasureResult* measure) {
  if (!md.report.since) return {};
  const std::string text = change_text(since, measure, md.lang);
  return fmt::format(" | {}", text.empty() ? std::string(md.l.none_value) : md_text(text));
}

// The header cell and the alignment of the change column, or nothing without --since.
std::string change_header(const MarkdownReport& md) {
  return md.report.since ? fmt::format(" | {}", md.l.change) : std::string();
}
std::string change_rule(const MarkdownReport& md) { return md.report.since ? "---:|" : ""; }

// " (▲ +12 pp)" after a progress outside a table; nothing without --since.
std::string change_note(const MarkdownReport& md, const std::optional<SinceResult>& since) {
  const std::string text = change_text(since, nullptr, md.lang);
  return text.empty() ? std::string() : fmt::format(" ({})", md_text(text));
}

// The measure's sparkline (docs/history.md), the undefined mark without check-ins.
std::string trend_text(const MarkdownReport& md, const MeasureResult& m) {
  const std::string line = sparkline(history_of(m, md.report.as_of), m.type);
  return line.empty() ? std::string(md.l.none_value) : line;
}

void write_impact_goals(const MarkdownReport& md) {
  const i18n::Labels& l = md.l;
  md.out.format("\n## {}\n\n", l.impact_goals);
  bool any_impact = false;
  for (const ElementResult& e : md.report.elements) {
    if (e.level != Level::impact) continue;
    if (!any_impact) {
      md.out.format("| {} | {}{} | {} |\n|---|---:|{}---|\n", l.impact_goal, l.progress,
                    change_header(md), l.status, change_rule(md));
      any_impact = true;
    }
    md.out.format("| {} | {}{} | {} |\n", titled(e.title, e.id), i18n::percent(e.progress, md.lang),
                  change_column(md, e.since, nullptr), status_text(e.status, md.lang));
  }
  if (!any_impact) md.out.format("{}\n", md.l.no_elements);
}

// GitHub and GitLab render the ```mermaid block as a diagram.
void write_chain(const MarkdownReport& md) {
  if (md.report.elements.empty()) return;
  md.out.format("\n## {}\n\n```mermaid\n{}```\n\n{}\n", md.l.chain,
                render_graph_mermaid(md.report, md.lang), i18n::legend(md.lang));
}

// No value, no verdict: a data gap shows no progress (it counts as 0 in roll-ups only).
std::optional<double> shown_progress(const MeasureResult& m) {
  return m.status == Status::no_data ? std::nullopt : m.progress;
}

// A number target with its unit, a threshold ("≥ 85 %"), or nothing.
std::string target_text(const MeasureResult& m, const std::string& lang) {
  if (m.threshold.kind != ThresholdKind::none) return i18n::threshold(m.threshold, m.unit, lang);
  return m.target ? i18n::with_unit(*m.target, m.unit, lang) : std::string();
}

// A measure's value; a monitor's with its change since the check-in before: "14 % (+2 %)".
std::string value_text(const MeasureResult& m, const std::string& lang) {
  std::string text = i18n::measure_value(m.value, m.unit, lang);
  if (m.type == MeasureType::monitor && m.change) {
    text += fmt::format(" ({})", i18n::signed_change(*m.change, m.unit, lang));
  }
  return text;
}

std::string status_or_monitor(const MeasureResult& m, const MarkdownReport& md) {
  if (m.type != MeasureType::monitor) return status_text(m.status, md.lang);
  return fmt::format("{} {}", i18n::status_emoji(Status::none), md.l.type_monitor);
}

// "`KR-1`: what it is · Source: where from · Method: how", when any of them is written.
void write_note(const MarkdownReport& md, std::string_view id, std::string_view description,
                std::string_view source, std::string_view method, bool& first) {
  if (description.empty() && source.empty() && method.empty()) return;
  if (first) md.out.format("\n{}:\n\n", md.l.notes);
  first = false;
  std::string text = md_text(description);
  const auto append = [&text](std::string_view label, std::string_view value) {
    if (value.empty()) return;
    if (!text.empty()) text += " · ";
    text += fmt::format("{}: {}", label, md_text(value));
  };
  append(md.l.source, source);
  append(md.l.method, method);
  md.out.format("- {}: {}\n", md_code(id), text);
}

void write_measure_notes(const MarkdownReport& md, const std::vector<MeasureResult>& measures,
                         bool& first) {
  for (const MeasureResult& m : measures) {
    write_note(md, m.id, m.description, m.source, m.method, first);
  }
}

void write_indicator_table(const MarkdownReport& md, const std::vector<MeasureResult>& indicators) {
  const i18n::Labels& l = md.l;
  const std::string& lang = md.lang;
  md.out.format("| {} | {} | {} | {} | {}{} | {} | {} | {} |\n", l.indicator, l.value, l.target,
                l.trend, l.progress, change_header(md), l.expected, l.status, l.last_checkin);
  md.out.format("|---|---:|---:|---|---:|{}---:|---|---|\n", change_rule(md));
  for (const MeasureResult& m : indicators) {
    md.out.format("| {} | {} | {} | {} | {}{} | {} | {} | {} |\n", titled(m.title, m.id),
                  md_text(value_text(m, lang)), md_text(target_text(m, lang)), trend_text(md, m),
                  i18n::percent(shown_progress(m), lang), change_column(md, m.since, &m),
                  i18n::percent(m.expected, lang), status_or_monitor(m, md),
                  m.last_checkin ? i18n::date(*m.last_checkin, lang) : std::string(l.none_value));
  }
}

// Each element that has indicators, top-down: its progress, its indicators, their notes.
void write_chain_indicators(const MarkdownReport& md) {
  const auto has_indicators = [](const ElementResult& e) { return !e.indicators.empty(); };
  if (std::none_of(md.report.elements.begin(), md.report.elements.end(), has_indicators)) return;
  md.out.format("\n## {}\n", md.l.chain_indicators);
  for (const ElementResult& e : md.report.elements) {
    if (!has_indicators(e)) continue;
    md.out.format("\n### {}\n\n", titled(e.title, e.id));
    md.out.format("{}: **{}**{} · {}\n\n", md.l.progress, i18n::percent(e.progress, md.lang),
                  change_note(md, e.since), status_text(e.status, md.lang));
    write_indicator_table(md, e.indicators);
    bool first = true;
    write_measure_notes(md, e.indicators, first);
  }
}

void write_owner_heading(const MarkdownReport& md, const OwnerGroup& group) {
  if (group.owner.empty()) {
    md.out.format("\n### {}\n", md.l.no_owner);
  } else if (group.owner_name == group.owner) {
    md.out.format("\n### {}\n", md_code(group.owner));
  } else {
    md.out.format("\n### {} ({})\n", md_text(group.owner_name), md_code(group.owner));
  }
}

// "`O-1` · Period 2026-Q1 · aspirational · aligns to `OC-a`, `OC-b`"
void write_objective_facts(const MarkdownReport& md, const ObjectiveResult& o) {
  const i18n::Labels& l = md.l;
  md.out.format("{} · {} {}", md_code(o.id), l.period, md_text(o.period));
  if (o.type == ObjectiveType::aspirational) md.out.format(" · {}", l.aspirational);
  if (!o.aligns_to.empty()) {
    md.out.format(" · {} ", l.aligns_to);
    for (size_t i = 0; i < o.aligns_to.size(); ++i) {
      if (i > 0) md.out << ", ";
      md.out << md_code(o.aligns_to[i].id);
    }
  }
  md.out << "\n\n";
}

void write_key_result_table(const MarkdownReport& md, const ObjectiveResult& o) {
  const i18n::Labels& l = md.l;
  const std::string& lang = md.lang;
  md.out.format("| {} | {} | {} | {} | {}{} | {} | {} | {} | {} |\n", l.key_result, l.value,
                l.target, l.trend, l.progress, change_header(md), l.expected, l.status,
                l.confidence, l.last_checkin);
  md.out.format("|---|---:|---:|---|---:|{}---:|---|---:|---|\n", change_rule(md));
  for (const MeasureResult& m : o.key_results) {
    md.out.format("| {} | {} | {} | {} | {}{} | {} | {} | {} | {} |\n", titled(m.title, m.id),
                  md_text(i18n::measure_value(m.value, m.unit, lang)),
                  md_text(target_text(m, lang)), trend_text(md, m),
                  i18n::percent(shown_progress(m), lang), change_column(md, m.since, &m),
                  i18n::percent(m.expected, lang), status_text(m.status, lang),
                  m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(l.none_value),
                  m.last_checkin ? i18n::date(*m.last_checkin, lang) : std::string(l.none_value));
  }
}

void write_objective(const MarkdownReport& md, const ObjectiveResult& o) {
  const i18n::Labels& l = md.l;
  md.out.format("\n#### {}\n\n", md_text(o.title.empty() ? o.id : o.title));
  write_objective_facts(md, o);
  md.out.format("{}: **{}**{} · {}: {} · {}\n\n", l.progress, i18n::percent(o.progress, md.lang),
                change_note(md, o.since), l.expected, i18n::percent(o.expected, md.lang),
                status_text(o.status, md.lang));
  write_key_result_table(md, o);
  bool first = true;
  write_note(md, o.id, o.description, o.source, o.method, first);
  write_measure_notes(md, o.key_results, first);
}

void write_objectives_by_owner(const MarkdownReport& md) {
  md.out.format("\n## {}\n", md.l.objectives_by_owner);
  if (md.report.objectives.empty()) md.out.format("\n{}\n", md.l.no_objectives);
  for (const OwnerGroup& group : md.report.owners) {
    write_owner_heading(md, group);
    for (size_t index : group.objectives) write_objective(md, md.report.objectives[index]);
  }
}

// " — 26 % of 51 % expected"; a threshold's value against it (" — 11 / ≤ 10 weeks"); nothing
// for a data gap.
std::string attention_detail(const MeasureResult& m, const MarkdownReport& md) {
  if (m.status == Status::no_data) return {};
  if (m.threshold.kind != ThresholdKind::none) {
    return fmt::format(" — {} / {}", md_text(i18n::number(m.value.number, md.lang)),
                       md_text(target_text(m, md.lang)));
  }
  return " — " + fmt::format(fmt::runtime(md.l.of_expected), i18n::percent(m.progress, md.lang),
                             i18n::percent(m.expected, md.lang));
}

// One line per measure of status `wanted`, key results before indicators;
// returns how many.
size_t write_measures_with_status(const MarkdownReport& md, Status wanted) {
  size_t lines = 0;
  const auto list_measure = [&](const MeasureResult& m, std::string_view parent_id) {
    if (m.status != wanted) return;
    md.out.format("- {} **{}**: {}{} · {}\n", i18n::status_emoji(wanted),
                  i18n::status_label(wanted, md.lang), titled(m.title, m.id),
                  attention_detail(m, md), md_code(parent_id));
    ++lines;
  };
  for_each_measure(md.report, list_measure);
  return lines;
}

size_t write_stale_key_results(const MarkdownReport& md) {
  size_t lines = 0;
  for (const ObjectiveResult& o : md.report.objectives) {
    for (const MeasureResult& m : o.key_results) {
      if (!m.stale_days) continue;
      const std::string why = i18n::stale_reason(m, md.lang);
      md.out.format("- ⏰ **{}**: {} — {} · {}\n", md.l.stale_label, titled(m.title, m.id), why,
                    md_code(o.id));
      ++lines;
    }
  }
  return lines;
}

size_t count_measures_with_status(const Report& report, Status wanted) {
  const auto has = [wanted](const MeasureResult& m) { return m.status == wanted; };
  size_t count = 0;
  for (const ObjectiveResult& o : report.objectives) {
    count += std::count_if(o.key_results.begin(), o.key_results.end(), has);
  }
  for (const ElementResult& e : report.elements) {
    count += std::count_if(e.indicators.begin(), e.indicators.end(), has);
  }
  return count;
}

// What a lead should look at first: the worst status first, then staleness; data gaps
// (no value, so no verdict) in a group of their own.
void write_needs_attention(const MarkdownReport& md) {
  md.out.format("\n## {}\n\n", md.l.needs_attention);
  size_t lines = 0;
  for (Status wanted : {Status::off_track, Status::at_risk}) {
    lines += write_measures_with_status(md, wanted);
  }
  lines += write_stale_key_results(md);
  const size_t gaps = count_measures_with_status(md.report, Status::no_data);
  if (lines == 0 && gaps == 0) md.out.format("{}\n", md.l.nothing_needs_attention);
  if (gaps == 0) return;
  md.out.format("{}**{}**\n\n", lines == 0 ? "" : "\n", md.l.data_gaps);
  write_measures_with_status(md, Status::no_data);
}

void write_plan_quality(const MarkdownReport& md) {
  const FindingCounts& findings = md.options.findings;
  md.out.format("\n## {}\n\n", md.l.plan_quality);
  md.out.format_runtime(md.l.quality_line, i18n::count_errors(findings.errors, md.lang),
                        i18n::count_warnings(findings.warnings, md.lang),
                        i18n::count_notes(findings.infos, md.lang));
  md.out << '\n';
}

}  // namespace

void render_report_markdown(const Report& report, const ReportOptions& options,
                            std::ostream& stream) {
  ChunkedOutput out(stream);
  const MarkdownReport md{report, options, options.language, i18n::labels(options.language), out};
  write_heading(md);
  write_impact_goals(md);
  write_chain(md);
  write_chain_indicators(md);
  write_objectives_by_owner(md);
  write_needs_attention(md);
  write_plan_quality(md);
  out.flush();
}

}  // namespace iooi
