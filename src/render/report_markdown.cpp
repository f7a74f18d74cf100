// `report --format markdown`: a summary a programme lead can commit or paste
// into an issue or wiki. GitHub and GitLab render the ```mermaid block.
// User text is escaped so that titles cannot break tables or inject markup.
#include <fmt/format.h>

#include <algorithm>

#include "i18n.h"
#include "iooi/render/graph_output.h"
#include "iooi/render/report_output.h"
#include "iooi/util/escape.h"

namespace iooi {
namespace {

// CommonMark allows a backslash before any ASCII punctuation; these are the ones
// that could start markup, a table cell, an HTML tag or an entity.
std::string md_text(std::string_view text) {
  return replace_chars(text, [](char c) -> const char* {
    switch (c) {
      case '\\':
        return "\\\\";
      case '`':
        return "\\`";
      case '*':
        return "\\*";
      case '_':
        return "\\_";
      case '[':
        return "\\[";
      case ']':
        return "\\]";
      case '<':
        return "\\<";
      case '>':
        return "\\>";
      case '|':
        return "\\|";
      case '#':
        return "\\#";
      case '&':
        return "\\&";
      case '~':
        return "\\~";
      case '!':
        return "\\!";
      case '\n':
      case '\r':
      case '\t':
        return " ";
      default:
        return nullptr;
    }
  });
}

// An id in code spans; ids cannot hold a backtick (id syntax), but be safe.
std::string md_code(std::string_view text) {
  if (text.find('`') != std::string_view::npos) return md_text(text);
  return fmt::format("`{}`", text);
}

std::string status_text(Status status, std::string_view language) {
  return fmt::format("{} {}", i18n::status_emoji(status), i18n::status_label(status, language));
}

std::string titled(const std::string& title, const std::string& id) {
  if (title.empty()) return md_code(id);
  return fmt::format("{} ({})", md_text(title), md_code(id));
}

}  // namespace

std::string render_report_markdown(const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  std::string out;

  const std::string scope = report.period ? report.period->id : std::string(l.all_periods);
  if (report.plan_name.empty()) {
    out += fmt::format("# {} {}\n\n", l.report_title, md_text(scope));
  } else {
    out +=
        fmt::format("# {} — {} {}\n\n", md_text(report.plan_name), l.report_title, md_text(scope));
  }
  if (report.period) {
    out += fmt::format("{}: {} ({} – {}) · {}: {}\n", l.period, md_text(report.period->id),
                       i18n::date(report.period->start, lang), i18n::date(report.period->end, lang),
                       l.as_of, i18n::date(report.as_of, lang));
  } else {
    out += fmt::format("{}: {} · {}: {}\n", l.period, l.all_periods, l.as_of,
                       i18n::date(report.as_of, lang));
  }

  out += fmt::format("\n## {}\n\n", l.impact_goals);
  bool any_impact = false;
  for (const ElementResult& e : report.elements) {
    if (e.level != Level::impact) continue;
    if (!any_impact) {
      out += fmt::format("| {} | {} | {} |\n|---|---:|---|\n", l.impact_goal, l.progress, l.status);
      any_impact = true;
    }
    out += fmt::format("| {} | {} | {} |\n", titled(e.title, e.id), i18n::percent(e.progress, lang),
                       status_text(e.status, lang));
  }
  if (!any_impact) out += fmt::format("{}\n", l.no_elements);

  if (!report.elements.empty()) {
    out += fmt::format("\n## {}\n\n```mermaid\n{}```\n\n{}\n", l.chain,
                       render_graph_mermaid(report, lang), i18n::legend(lang));
  }

  out += fmt::format("\n## {}\n", l.objectives_by_owner);
  if (report.objectives.empty()) out += fmt::format("\n{}\n", l.no_objectives);
  std::vector<std::string> owners;
  for (const ObjectiveResult& o : report.objectives) {
    if (std::find(owners.begin(), owners.end(), o.owner) == owners.end()) owners.push_back(o.owner);
  }
  for (const std::string& owner : owners) {
    bool first = true;
    for (const ObjectiveResult& o : report.objectives) {
      if (o.owner != owner) continue;
      if (first) {
        const std::string name =
            o.owner.empty() ? std::string(l.none_value)
            : o.owner_name == o.owner
                ? md_code(o.owner)
                : fmt::format("{} ({})", md_text(o.owner_name), md_code(o.owner));
        out += fmt::format("\n### {}\n", name);
        first = false;
      }
      out += fmt::format("\n#### {}\n\n", md_text(o.title.empty() ? o.id : o.title));
      std::string facts = fmt::format("{} · {} {}", md_code(o.id), l.period, md_text(o.period));
      if (o.type == ObjectiveType::aspirational) facts += fmt::format(" · {}", l.aspirational);
      if (!o.aligns_to.empty()) {
        std::string targets;
        for (const Link& link : o.aligns_to) {
          if (!targets.empty()) targets += ", ";
          targets += md_code(link.id);
        }
        facts += fmt::format(" · {} {}", l.aligns_to, targets);
      }
      out += facts + "\n\n";
      out +=
          fmt::format("{}: **{}** · {}: {} · {}\n\n", l.progress, i18n::percent(o.progress, lang),
                      l.expected, i18n::percent(o.expected, lang), status_text(o.status, lang));
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", l.key_result, l.value,
                         l.target, l.progress, l.expected, l.status, l.confidence, l.last_checkin);
      out += "|---|---:|---:|---:|---:|---|---:|---|\n";
      for (const MeasureResult& m : o.key_results) {
        out += fmt::format(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n", titled(m.title, m.id),
            md_text(i18n::measure_value(m.value, m.unit, lang)),
            m.target ? md_text(i18n::with_unit(*m.target, m.unit, lang)) : std::string(),
            i18n::percent(m.progress, lang), i18n::percent(m.expected, lang),
            status_text(m.status, lang),
            m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(l.none_value),
            m.last_checkin ? i18n::date(*m.last_checkin, lang) : std::string(l.none_value));
      }
    }
  }

  // What a lead should look at first: the worst status first, then staleness.
  out += fmt::format("\n## {}\n\n", l.needs_attention);
  std::string attention;
  for (Status wanted : {Status::off_track, Status::at_risk}) {
    const auto list_measure = [&](const MeasureResult& m, const std::string& owner_id) {
      if (m.status != wanted) return;
      attention +=
          fmt::format("- {} **{}**: {} — {} · {}\n", i18n::status_emoji(wanted),
                      i18n::status_label(wanted, lang), titled(m.title, m.id),
                      fmt::format(fmt::runtime(l.of_expected), i18n::percent(m.progress, lang),
                                  i18n::percent(m.expected, lang)),
                      md_code(owner_id));
    };
    for (const ObjectiveResult& o : report.objectives)
      for (const MeasureResult& m : o.key_results) list_measure(m, o.id);
    for (const ElementResult& e : report.elements)
      for (const MeasureResult& m : e.indicators) list_measure(m, e.id);
  }
  for (const ObjectiveResult& o : report.objectives) {
    for (const MeasureResult& m : o.key_results) {
      if (!m.stale_days) continue;
      const std::string why = m.last_checkin
                                  ? fmt::format(fmt::runtime(l.stale), *m.stale_days)
                                  : fmt::format(fmt::runtime(l.never_checked_in), *m.stale_days);
      attention += fmt::format("- ⏰ **{}**: {} — {} · {}\n", l.stale_label, titled(m.title, m.id),
                               why, md_code(o.id));
    }
  }
  out += attention.empty() ? fmt::format("{}\n", l.nothing_needs_attention) : attention;

  out += fmt::format("\n## {}\n\n", l.plan_quality);
  out +=
      fmt::format(fmt::runtime(l.quality_line), i18n::count_errors(options.findings.errors, lang),
                  i18n::count_warnings(options.findings.warnings, lang),
                  i18n::count_notes(options.findings.infos, lang));
  out += '\n';
  return out;
}

}  // namespace iooi
