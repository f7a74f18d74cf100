// `iooi diff` in text, Markdown and JSON (docs/history.md, docs/json.md).
#include "iooi/render/diff_output.h"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.h"
#include "iooi/render/check_output.h"
#include "iooi/util/json_writer.h"
#include "iooi/util/utf8.h"
#include "markdown_text.h"

namespace iooi {
namespace {

// The words of the text and Markdown diff in English and German (--lang, as in the
// report). Ids, field names and values stay as the plan writes them.
struct DiffWords {
  std::string_view language;
  std::string_view objective, key_result, indicator, element;
  std::string_view added, removed, changed, moved;
  size_t change_width;  // the text diff's column of change words
  std::string_view checkin;
  std::string_view heading;               // "Changes from {} to {}"
  std::string_view working_tree;          // the after side in the heading
  std::string_view working_tree_subject;  // the side that has error findings
  std::string_view side_errors;           // "{} has {}; ..."
  std::string_view error_finding, error_findings;
  std::string_view scope;  // "as of {}, {}"
  std::string_view period, every_period;
  std::string_view none, absent;
  std::string_view nothing_changed;
  std::string_view progress_heading;  // "Progress and status on {}"
  std::string_view unchanged;         // text: "{} unchanged"
  std::string_view unchanged_one, unchanged_many;
  std::string_view md_unchanged;  // "{} {} unchanged."
  std::string_view items_heading;
  std::string_view table_header;
};

constexpr DiffWords english_words{
    .language = "en",
    .objective = "objective",
    .key_result = "key result",
    .indicator = "indicator",
    .element = "element",
    .added = "added",
    .removed = "removed",
    .changed = "changed",
    .moved = "moved",
    .change_width = 8,
    .checkin = "check-in",
    .heading = "Changes from {} to {}",
    .working_tree = "the working tree",
    .working_tree_subject = "the working tree",
    .side_errors = "{} has {}; the diff uses what could be read:",
    .error_finding = "error finding",
    .error_findings = "error findings",
    .scope = "as of {}, {}",
    .period = "period {}",
    .every_period = "every period",
    .none = "(none)",
    .absent = "(absent)",
    .nothing_changed = "No element, objective, key result or indicator changed.",
    .progress_heading = "Progress and status on {}",
    .unchanged = "{} unchanged",
    .unchanged_one = "objective or element",
    .unchanged_many = "objectives and elements",
    .md_unchanged = "{} {} unchanged.",
    .items_heading = "Items",
    .table_header = "| | Id | Title | Before | After |",
};

constexpr DiffWords german_words{
    .language = "de",
    .objective = "Objective",
    .key_result = "Key Result",
    .indicator = "Indikator",
    .element = "Element",
    .added = "hinzugefügt",
    .removed = "entfernt",
    .changed = "geändert",
    .moved = "verschoben",
    .change_width = 11,
    .checkin = "Check-in",
    .heading = "Änderungen von {} bis {}",
    .working_tree = "zum Arbeitsverzeichnis",
    .working_tree_subject = "Das Arbeitsverzeichnis",
    .side_errors = "{} enthält {}; der Vergleich nutzt, was sich lesen ließ:",
    .error_finding = "Fehler",
    .error_findings = "Fehler",
    .scope = "Stand {}, {}",
    .period = "Zeitraum {}",
    .every_period = "alle Zeiträume",
    .none = "(ohne)",
    .absent = "(fehlt)",
    .nothing_changed = "Kein Element, Objective, Key Result oder Indikator hat sich geändert.",
    .progress_heading = "Fortschritt und Status am {}",
    .unchanged = "{} unverändert",
    .unchanged_one = "Objective oder Element",
    .unchanged_many = "Objectives und Elemente",
    .md_unchanged = "{} {} unverändert.",
    .items_heading = "Einträge",
    .table_header = "| | ID | Titel | Vorher | Nachher |",
};

const DiffWords& words_of(const DiffDocument& document) {
  return document.language == "de" ? german_words : english_words;
}

std::string_view kind_text(ItemKind kind, const DiffWords& w) {
  switch (kind) {
    case ItemKind::objective:
      return w.objective;
    case ItemKind::key_result:
      return w.key_result;
    case ItemKind::indicator:
      return w.indicator;
    case ItemKind::element:
      break;
  }
  return w.element;
}

std::string_view change_text(ItemChangeKind change, const DiffWords& w) {
  switch (change) {
    case ItemChangeKind::added:
      return w.added;
    case ItemChangeKind::removed:
      return w.removed;
    case ItemChangeKind::moved:
      return w.moved;
    case ItemChangeKind::changed:
      break;
  }
  return w.changed;
}

std::string date_text(Date day, const DiffWords& w) { return i18n::date(day, w.language); }

std::string side_name(const DiffSideInfo& side, const DiffWords& w) {
  if (side.revision.empty()) return std::string(w.working_tree);
  return fmt::format("{} ({}, {})", terminal_text(side.revision), side.commit,
                     side.date ? date_text(*side.date, w) : std::string("?"));
}

// "the working tree has 2 error findings; the diff uses what could be read:"
std::string side_errors_text(const std::string& side, size_t count, const DiffWords& w) {
  return fmt::format(fmt::runtime(w.side_errors), side,
                     fmt::format("{} {}", count, count == 1 ? w.error_finding : w.error_findings));
}

std::string scope_text(const DiffDocument& document, const DiffWords& w) {
  return fmt::format(fmt::runtime(w.scope), date_text(document.as_of, w),
                     document.period
                         ? fmt::format(fmt::runtime(w.period), terminal_text(document.period->id))
                         : std::string(w.every_period));
}

std::string standing_text(bool present, const std::optional<double>& progress, Status status,
                          const DiffWords& w) {
  if (!present) return std::string(w.absent);
  // English shows the status ids of docs/progress.md; German its labels.
  return fmt::format(
      "{} {}", i18n::percent(progress, w.language),
      w.language == "de" ? i18n::status_label(status, w.language) : status_id(status));
}

std::string before_after(const ProgressChange& change, const DiffWords& w, std::string_view arrow) {
  return fmt::format(
      "{} {} {}",
      standing_text(change.present_before, change.progress_before, change.status_before, w), arrow,
      standing_text(change.present_after, change.progress_after, change.status_after, w));
}

std::string optional_text(const std::optional<std::string>& text, const DiffWords& w) {
  return text ? terminal_text(*text) : std::string(w.none);
}

// Where an item sits, for added, removed and moved ones.
std::string where_text(const ItemChange& item) {
  auto place = [](const std::string& parent, const std::string& file) {
    const std::string shown = terminal_text(file);
    return parent.empty() ? shown : fmt::format("{} in {}", terminal_text(parent), shown);
  };
  switch (item.change) {
    case ItemChangeKind::added:
      return place(item.parent_after, item.file_after);
    case ItemChangeKind::removed:
      return place(item.parent_before, item.file_before);
    case ItemChangeKind::moved:
      return place(item.parent_before, item.file_before) + " -> " +
             place(item.parent_after, item.file_after);
    case ItemChangeKind::changed:
      break;
  }
  return "";
}

void write_side_errors(const DiffSideInfo& side, const DiffWords& w, std::ostream& out) {
  if (side.errors.empty()) return;
  const std::string name =
      side.revision.empty() ? std::string(w.working_tree_subject) : side_name(side, w);
  out << side_errors_text(name, side.errors.size(), w) << "\n";
  for (const Finding& finding : side.errors) {
    out << fmt::format("  {}:{}:{}: {} [{}]\n", terminal_text(finding.path), finding.line,
                       finding.column, terminal_text(finding.message), rule_info(finding.rule).id);
  }
}

// "check-in 2026-02-10 (#2) changed: 40 -> 45", with `value` the value part.
std::string checkin_text(const CheckinChange& checkin, const DiffWords& w,
                         const std::string& value) {
  return fmt::format("{} {}{} {}: {}", w.checkin, date_text(checkin.date, w),
                     checkin.nth > 1 ? fmt::format(" (#{})", checkin.nth) : "",
                     change_text(checkin.change, w), value);
}

void write_text_item(const ItemChange& item, const DiffWords& w, std::ostream& out) {
  const std::string where = where_text(item);
  out << fmt::format("{} {} {}{}{}\n", pad_right(change_text(item.change, w), w.change_width),
                     kind_text(item.kind, w), terminal_text(item.id),
                     item.title.empty() ? "" : "  " + terminal_text(item.title),
                     where.empty() ? "" : "  (" + where + ")");
  if (item.change == ItemChangeKind::added || item.change == ItemChangeKind::removed) return;
  for (const FieldChange& field : item.fields) {
    out << fmt::format("    {}: {} -> {}\n", field.field, optional_text(field.before, w),
                       optional_text(field.after, w));
  }
  for (const CheckinChange& checkin : item.checkins) {
    const std::string value =
        checkin.change == ItemChangeKind::changed
            ? optional_text(checkin.before, w) + " -> " + optional_text(checkin.after, w)
            : optional_text(checkin.before ? checkin.before : checkin.after, w);
    out << "    " << checkin_text(checkin, w, value) << "\n";
  }
}

std::string md_text(std::string_view text) { return markdown::text(text); }
std::string md_code(std::string_view text) { return markdown::code(text); }

std::string md_side(const DiffSideInfo& side, const DiffWords& w) {
  if (side.revision.empty()) return std::string(w.working_tree);
  return fmt::format("{} ({}, {})", md_code(side.revision), md_code(side.commit),
                     side.date ? date_text(*side.date, w) : std::string("?"));
}

std::string md_optional(const std::optional<std::string>& text, const DiffWords& w) {
  return text ? md_text(*text) : fmt::format("*{}*", w.none);
}

void write_md_side_errors(const DiffSideInfo& side, const DiffWords& w, std::ostream& out) {
  if (side.errors.empty()) return;
  const std::string name =
      side.revision.empty() ? std::string(w.working_tree_subject) : md_side(side, w);
  out << side_errors_text(name, side.errors.size(), w) << "\n\n";
  for (const Finding& finding : side.errors) {
    out << fmt::format("- {}:{}: {} ({})\n", md_text(finding.path), finding.line,
                       md_text(finding.message), md_code(rule_info(finding.rule).id));
  }
  out << "\n";
}

void write_md_item(const ItemChange& item, const DiffWords& w, std::ostream& out) {
  const std::string where = where_text(item);
  out << fmt::format("- **{}** {} {}{}{}\n", change_text(item.change, w), kind_text(item.kind, w),
                     md_code(item.id), item.title.empty() ? "" : " " + md_text(item.title),
                     where.empty() ? "" : " (" + md_text(where) + ")");
  if (item.change == ItemChangeKind::added || item.change == ItemChangeKind::removed) return;
  for (const FieldChange& field : item.fields) {
    out << fmt::format("  - {}: {} → {}\n", md_code(field.field), md_optional(field.before, w),
                       md_optional(field.after, w));
  }
  for (const CheckinChange& checkin : item.checkins) {
    const std::string value =
        checkin.change == ItemChangeKind::changed
            ? md_optional(checkin.before, w) + " → " + md_optional(checkin.after, w)
            : md_optional(checkin.before ? checkin.before : checkin.after, w);
    out << "  - " << checkin_text(checkin, w, value) << "\n";
  }
}

void write_md_items(const DiffDocument& document, const DiffWords& w, std::ostream& out) {
  if (document.diff.items.empty()) {
    out << w.nothing_changed << "\n\n";
    return;
  }
  out << "### " << w.items_heading << "\n\n";
  for (const ItemChange& item : document.diff.items) write_md_item(item, w, out);
  out << "\n";
}

void write_md_progress(const DiffDocument& document, const DiffWords& w, std::ostream& out) {
  const PlanDiff& diff = document.diff;
  out << "### " << fmt::format(fmt::runtime(w.progress_heading), date_text(document.as_of, w))
      << "\n\n";
  if (!diff.progress.empty()) {
    out << w.table_header << "\n|---|---|---|---|---|\n";
    for (const ProgressChange& change : diff.progress) {
      const std::string standing = before_after(change, w, "|");
      out << fmt::format("| {} | {} | {} | {} |\n", kind_text(change.kind, w), md_code(change.id),
                         md_text(change.title), standing);
    }
    out << "\n";
  }
  out << fmt::format(fmt::runtime(w.md_unchanged), diff.unchanged_progress,
                     diff.unchanged_progress == 1 ? w.unchanged_one : w.unchanged_many)
      << "\n";
}

void json_text(JsonWriter& json, const std::optional<std::string>& text) {
  if (text) {
    json.value(*text);
  } else {
    json.null();
  }
}

void write_json_side(JsonWriter& json, const DiffSideInfo& side) {
  json.begin_object();
  if (side.revision.empty()) {
    json.key("revision").null().key("commit").null().key("date").null();
  } else {
    json.field("revision", side.revision).field("commit", side.commit);
    json.key("date");
    json_text(json, side.date ? std::optional<std::string>(side.date->to_string()) : std::nullopt);
  }
  json.key("errors").begin_array();
  for (const Finding& finding : side.errors) write_finding_json(json, finding);
  json.end_array();
  json.end_object();
}

void write_json_item(JsonWriter& json, const ItemChange& item) {
  json.begin_object()
      .field("kind", item_kind_id(item.kind))
      .field("id", item.id)
      .field("title", item.title)
      .field("change", item_change_id(item.change));
  auto text_or_null = [&json](std::string_view name, const std::string& text) {
    json.key(name);
    json_text(json, text.empty() ? std::nullopt : std::optional<std::string>(text));
  };
  text_or_null("file_before", item.file_before);
  text_or_null("file_after", item.file_after);
  text_or_null("parent_before", item.parent_before);
  text_or_null("parent_after", item.parent_after);
  json.key("fields").begin_array();
  for (const FieldChange& field : item.fields) {
    json.begin_object().field("field", field.field).key("before");
    json_text(json, field.before);
    json.key("after");
    json_text(json, field.after);
    json.end_object();
  }
  json.end_array();
  json.key("checkins").begin_array();
  for (const CheckinChange& checkin : item.checkins) {
    json.begin_object()
        .field("change", item_change_id(checkin.change))
        .field("date", checkin.date.to_string())
        .field("nth", checkin.nth)
        .key("before");
    json_text(json, checkin.before);
    json.key("after");
    json_text(json, checkin.after);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_json_progress(JsonWriter& json, const ProgressChange& change) {
  json.begin_object()
      .field("kind", item_kind_id(change.kind))
      .field("id", change.id)
      .field("title", change.title);
  json.key("progress_before");
  if (change.present_before) {
    json.value(change.progress_before);
  } else {
    json.null();
  }
  json.key("progress_after");
  if (change.present_after) {
    json.value(change.progress_after);
  } else {
    json.null();
  }
  json.key("status_before");
  json_text(json, change.present_before
                      ? std::optional<std::string>(std::string(status_id(change.status_before)))
                      : std::nullopt);
  json.key("status_after");
  json_text(json, change.present_after
                      ? std::optional<std::string>(std::string(status_id(change.status_after)))
                      : std::nullopt);
  json.end_object();
}

}  // namespace

void render_diff_text(const DiffDocument& document, std::ostream& out) {
  const DiffWords& w = words_of(document);
  out << fmt::format(fmt::runtime(w.heading), side_name(document.before, w),
                     side_name(document.after, w))
      << fmt::format(" ({})\n", scope_text(document, w));
  write_side_errors(document.before, w, out);
  write_side_errors(document.after, w, out);
  out << "\n";
  if (document.diff.items.empty()) out << w.nothing_changed << "\n";
  for (const ItemChange& item : document.diff.items) write_text_item(item, w, out);
  out << "\n"
      << fmt::format(fmt::runtime(w.progress_heading), date_text(document.as_of, w)) << ":\n";
  for (const ProgressChange& change : document.diff.progress) {
    out << fmt::format("  {} {}  {}  {}\n", kind_text(change.kind, w), terminal_text(change.id),
                       terminal_text(change.title), before_after(change, w, "->"));
  }
  out << "  " << fmt::format(fmt::runtime(w.unchanged), document.diff.unchanged_progress) << "\n";
}

void render_diff_markdown(const DiffDocument& document, std::ostream& out) {
  const DiffWords& w = words_of(document);
  out << "## "
      << fmt::format(fmt::runtime(w.heading), md_side(document.before, w),
                     md_side(document.after, w))
      << "\n\n";
  out << fmt::format("{}.\n\n", md_text(scope_text(document, w)));
  write_md_side_errors(document.before, w, out);
  write_md_side_errors(document.after, w, out);
  write_md_items(document, w, out);
  write_md_progress(document, w, out);
}

void render_diff_json(const DiffDocument& document, std::ostream& out) {
  JsonWriter json;
  json.begin_object();
  json.field("schema", "iooi-diff/1");
  json.key("before");
  write_json_side(json, document.before);
  json.key("after");
  write_json_side(json, document.after);
  json.field("as_of", document.as_of.to_string());
  json.key("period");
  if (document.period) {
    json.begin_object()
        .field("id", document.period->id)
        .field("start", document.period->start.to_string())
        .field("end", document.period->end.to_string())
        .end_object();
  } else {
    json.null();
  }
  json.key("items").begin_array();
  for (const ItemChange& item : document.diff.items) write_json_item(json, item);
  json.end_array();
  json.key("progress").begin_array();
  for (const ProgressChange& change : document.diff.progress) write_json_progress(json, change);
  json.end_array();
  json.field("unchanged", document.diff.unchanged_progress);
  json.end_object();
  out << json.release();
}

}  // namespace iooi
