// `report --format html`: one self-contained page for people who would rather look
// than read (docs/html.md). One <style> in the head, no script, nothing fetched
// from elsewhere: the chain as an SVG diagram laid out by Graphviz, a burn-up chart
// per measure with check-ins, progress bars, and status always as text and symbol.
// A4 print styles make Chromium's print-to-PDF a clean document. Every piece of
// user text goes through html::text.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <thread>
#include <vector>

#include "change_marks.h"
#include "chunked_output.h"
#include "html_parts.h"
#include "i18n.h"
#include "iooi/render/report_output.h"
#include "iooi/util/in_order.h"

namespace iooi {
namespace {

// One renderer run: the report, the language and the output, shared by the sections.
struct HtmlReport {
  const Report& report;
  const ReportOptions& options;
  const std::string& lang;
  const i18n::Labels& l;
  const html::Labels& hl;
  ChunkedOutput& out;
  size_t figures = 0;  // numbers the charts: their ids are unique in the page
  std::string figure;  // the chart being drawn (its capacity reused from chart to chart)
};

std::string titled(std::string_view title, std::string_view id) {
  if (title.empty()) return fmt::format("<code>{}</code>", html::text(id));
  return fmt::format("{} <code>{}</code>", html::text(title), html::text(id));
}

std::string optional_date(const std::optional<Date>& day, const HtmlReport& page) {
  return day ? i18n::date(*day, page.lang) : std::string(page.l.none_value);
}

void write_head(const HtmlReport& page) {
  const Report& report = page.report;
  const std::string scope =
      report.period ? html::text(report.period->id) : std::string(page.l.all_periods);
  std::string title = fmt::format("{} {}", page.l.report_title, scope);
  if (!report.plan_name.empty()) title = html::text(report.plan_name) + " — " + title;
  page.out.format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
      page.lang, title, html::style_sheet(), title);
  if (report.period) {
    page.out.format("<p class=\"meta\">{}: {} ({} – {}) · {}: {}</p>\n", page.l.period,
                    html::text(report.period->id), i18n::date(report.period->start, page.lang),
                    i18n::date(report.period->end, page.lang), page.l.as_of,
                    i18n::date(report.as_of, page.lang));
  } else {
    page.out.format("<p class=\"meta\">{}: {} · {}: {}</p>\n", page.l.period, page.l.all_periods,
                    page.l.as_of, i18n::date(report.as_of, page.lang));
  }
  if (report.since) {
    page.out.format("<p class=\"meta\">{} {}</p>\n", page.l.change_since,
                    i18n::date(*report.since, page.lang));
  }
  page.out << "</header>\n<main>\n";
}

void write_chain(HtmlReport& page) {
  if (page.report.elements.empty()) return;
  const size_t arrows = html::chain_arrows(page.report);
  if (page.report.elements.size() > html::chain_diagram_max_elements ||
      arrows > html::chain_diagram_max_arrows) {
    page.out.format("<section class=\"chain\">\n<h2>{}</h2>\n<p>", page.l.chain);
    page.out.format_runtime(page.hl.chain_too_big, page.report.elements.size(), arrows,
                            html::chain_diagram_max_elements, html::chain_diagram_max_arrows);
    page.out << "</p>\n</section>\n";
    return;
  }
  page.out.format("<section class=\"chain\">\n<h2>{}</h2>\n<figure>\n", page.l.chain);
  const std::optional<std::string> svg = html::chain_svg(page.report, page.lang, "chain-caption");
  if (svg) {
    page.out << *svg << '\n';
  } else {
    page.out.format("<p>{}</p>\n", page.hl.chain_unavailable);
  }
  page.out.format("<figcaption id=\"chain-caption\">{} {}</figcaption>\n</figure>\n</section>\n",
                  fmt::format(fmt::runtime(page.hl.chain_caption), page.report.elements.size()),
                  html::legend(page.lang));
}

void write_notes(const HtmlReport& page, std::string_view description, std::string_view source,
                 std::string_view method) {
  if (description.empty() && source.empty() && method.empty()) return;
  page.out << "<dl class=\"notes\">";
  const auto note = [&](std::string_view label, std::string_view value) {
    if (!value.empty()) page.out.format("<dt>{}</dt><dd>{}</dd>", label, html::text(value));
  };
  note(page.hl.description, description);
  note(page.hl.source, source);
  note(page.hl.method, method);
  page.out << "</dl>\n";
}

// A progress bar and, with --since, the change beside it as text with its direction mark
// (▲ ▼ =), so that it never depends on colour (docs/history.md).
std::string progress_and_change(const HtmlReport& page, const std::optional<double>& progress,
                                const std::optional<SinceResult>& since,
                                const MeasureResult* measure) {
  std::string cell = html::progress_bar(progress, page.lang);
  const std::string change = change_text(since, measure, page.lang);
  if (!change.empty()) cell += fmt::format(" <span class=\"change\">{}</span>", html::text(change));
  return cell;
}

void write_measure_row(const HtmlReport& page, const MeasureResult& m) {
  const std::string value = html::text(i18n::measure_value(m.value, m.unit, page.lang));
  page.out.format(
      "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
      "<td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
      titled(m.title, m.id), value, html::target_text(m, page.lang),
      progress_and_change(page, m.progress, m.since, &m), i18n::percent(m.expected, page.lang),
      html::status_badge(m.status, page.lang),
      m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(page.l.none_value),
      optional_date(m.last_checkin, page));
}

// A table of measures (key results or indicators), then the notes and the chart of
// each one that has them.
void write_measures(HtmlReport& page, const std::vector<MeasureResult>& measures,
                    std::string_view first_column) {
  const i18n::Labels& l = page.l;
  page.out.format(
      "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
      "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" "
      "class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
      "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
      first_column, l.value, l.target, l.progress, l.expected, l.status, l.confidence,
      l.last_checkin);
  for (const MeasureResult& m : measures) write_measure_row(page, m);
  page.out << "</tbody>\n</table>\n";
  for (const MeasureResult& m : measures) {
    if (!m.description.empty() || !m.source.empty() || !m.method.empty()) {
      page.out.format("<p class=\"measure-note\">{}</p>\n", titled(m.title, m.id));
      write_notes(page, m.description, m.source, m.method);
    }
    page.figure.clear();
    html::append_burnup_figure(page.figure, m, page.report.as_of, page.lang,
                               fmt::format("chart-{}", ++page.figures));
    page.out << page.figure;
  }
}

void write_level(HtmlReport& page, Level level) {
  bool any = false;
  for (const ElementResult& e : page.report.elements) {
    if (e.level != level) continue;
    if (!any) {
      page.out.format(
          "<section class=\"level\">\n<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th>"
          "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
          i18n::level_heading(level, page.lang), page.l.element, page.l.progress, page.l.status);
      any = true;
    }
    page.out.format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n",
                    titled(e.title, e.id), progress_and_change(page, e.progress, e.since, nullptr),
                    html::status_badge(e.status, page.lang));
  }
  if (!any) return;
  page.out << "</tbody>\n</table>\n";
  for (const ElementResult& e : page.report.elements) {
    if (e.level != level || e.indicators.empty()) continue;
    page.out.format("<h3>{} — {}</h3>\n", titled(e.title, e.id), page.hl.indicators);
    write_measures(page, e.indicators, page.hl.indicators);
  }
  page.out << "</section>\n";
}

void write_objective_facts(const HtmlReport& page, const ObjectiveResult& o) {
  page.out.format("<p class=\"facts\"><code>{}</code> · {} {}", html::text(o.id), page.l.period,
                  html::text(o.period));
  if (o.type == ObjectiveType::aspirational) page.out.format(" · {}", page.l.aspirational);
  if (!o.aligns_to.empty()) {
    page.out.format(" · {} ", page.l.aligns_to);
    for (size_t i = 0; i < o.aligns_to.size(); ++i) {
      if (i > 0) page.out << ", ";
      page.out.format("<code>{}</code>", html::text(o.aligns_to[i].id));
    }
  }
  page.out.format("</p>\n<p class=\"facts\">{}: {} · {}: {} · {}</p>\n", page.l.progress,
                  progress_and_change(page, o.progress, o.since, nullptr), page.l.expected,
                  i18n::percent(o.expected, page.lang), html::status_badge(o.status, page.lang));
}

void write_owner_heading(const HtmlReport& page, const OwnerGroup& group) {
  if (group.owner.empty()) {
    page.out.format("<h3>{}</h3>\n", page.l.no_owner);
  } else if (group.owner_name == group.owner) {
    page.out.format("<h3><code>{}</code></h3>\n", html::text(group.owner));
  } else {
    page.out.format("<h3>{}</h3>\n", titled(group.owner_name, group.owner));
  }
}

void write_objective(HtmlReport& page, const ObjectiveResult& o) {
  page.out.format("<article class=\"objective\">\n<h4>{}</h4>\n",
                  html::text(o.title.empty() ? o.id : o.title));
  write_objective_facts(page, o);
  write_notes(page, o.description, o.source, o.method);
  write_measures(page, o.key_results, page.l.key_result);
  page.out << "</article>\n";
}

// The objectives with their charts are most of the page: they are drawn on --jobs
// threads, each into its own text, and written out in order. A chart's id is its
// measure's place in the page, so the page is the same for any number of threads.
void write_objectives(HtmlReport& page) {
  page.out.format("<section class=\"objectives\">\n<h2>{}</h2>\n", page.l.objectives_by_owner);
  if (page.report.objectives.empty()) page.out.format("<p>{}</p>\n", page.l.no_objectives);
  struct Piece {
    const OwnerGroup* group;  // its heading first, when the objective is the group's first
    size_t objective;
    size_t first_figure;
  };
  std::vector<Piece> pieces;
  size_t figures = page.figures;
  for (const OwnerGroup& group : page.report.owners) {
    for (size_t i = 0; i < group.objectives.size(); ++i) {
      const size_t index = group.objectives[i];
      pieces.push_back({i == 0 ? &group : nullptr, index, figures});
      figures += page.report.objectives[index].key_results.size();
    }
  }
  const auto draw = [&page, &pieces](size_t i) {
    std::ostringstream text;
    ChunkedOutput out(text);
    HtmlReport piece{page.report, page.options,           page.lang, page.l, page.hl,
                     out,         pieces[i].first_figure, {}};
    if (const OwnerGroup* group = pieces[i].group) write_owner_heading(piece, *group);
    write_objective(piece, page.report.objectives[pieces[i].objective]);
    out.flush();
    return std::move(text).str();
  };
  const unsigned threads = page.options.jobs == 0
                               ? std::max(1u, std::thread::hardware_concurrency())
                               : page.options.jobs;
  produce_in_order(pieces.size(), threads, size_t{2} * threads, draw,
                   [&page](std::string& text) { page.out << text; });
  page.figures = figures;
  page.out << "</section>\n";
}

// One item per measure of status `wanted`, key results before indicators; returns how many.
size_t write_measures_with_status(const HtmlReport& page, Status wanted) {
  size_t items = 0;
  const auto list_measure = [&](const MeasureResult& m, std::string_view parent_id) {
    if (m.status != wanted) return;
    page.out.format(
        "<li>{} {} — {} · <code>{}</code></li>\n", html::status_badge(wanted, page.lang),
        titled(m.title, m.id),
        fmt::format(fmt::runtime(page.l.of_expected), i18n::percent(m.progress, page.lang),
                    i18n::percent(m.expected, page.lang)),
        html::text(parent_id));
    ++items;
  };
  for_each_measure(page.report, list_measure);
  return items;
}

size_t write_stale_key_results(const HtmlReport& page) {
  size_t items = 0;
  for (const ObjectiveResult& o : page.report.objectives) {
    for (const MeasureResult& m : o.key_results) {
      if (!m.stale_days) continue;
      const std::string why = i18n::stale_reason(m, page.lang);
      page.out.format(
          "<li><span class=\"status s-stale\"><span aria-hidden=\"true\">⏰</span> {}</span> "
          "{} — {} · <code>{}</code></li>\n",
          page.l.stale_label, titled(m.title, m.id), why, html::text(o.id));
      ++items;
    }
  }
  return items;
}

// What a lead should look at first: the worst status first, then staleness.
void write_needs_attention(const HtmlReport& page) {
  page.out.format("<section class=\"attention\">\n<h2>{}</h2>\n<ul>\n", page.l.needs_attention);
  size_t items = 0;
  for (Status wanted : {Status::off_track, Status::at_risk}) {
    items += write_measures_with_status(page, wanted);
  }
  items += write_stale_key_results(page);
  page.out << "</ul>\n";
  if (items == 0) page.out.format("<p>{}</p>\n", page.l.nothing_needs_attention);
  page.out << "</section>\n";
}

// "`iooi check` finds ..." with the command as code.
void write_plan_quality(const HtmlReport& page) {
  const FindingCounts& findings = page.options.findings;
  std::string line =
      fmt::format(fmt::runtime(page.l.quality_line), i18n::count_errors(findings.errors, page.lang),
                  i18n::count_warnings(findings.warnings, page.lang),
                  i18n::count_notes(findings.infos, page.lang));
  for (bool opening = true; line.find('`') != std::string::npos; opening = !opening) {
    line.replace(line.find('`'), 1, opening ? "<code>" : "</code>");
  }
  page.out.format("<section class=\"quality\">\n<h2>{}</h2>\n<p>{}</p>\n</section>\n",
                  page.l.plan_quality, line);
}

}  // namespace

void render_report_html(const Report& report, const ReportOptions& options, std::ostream& stream) {
  ChunkedOutput out(stream);
  HtmlReport page{report,
                  options,
                  options.language,
                  i18n::labels(options.language),
                  html::labels(options.language),
                  out,
                  0,
                  {}};
  write_head(page);
  write_chain(page);
  for (Level level : {Level::impact, Level::outcome, Level::output, Level::input}) {
    write_level(page, level);
  }
  write_objectives(page);
  write_needs_attention(page);
  write_plan_quality(page);
  out << "</main>\n</body>\n</html>\n";
  out.flush();
}

}  // namespace iooi
