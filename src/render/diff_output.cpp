// `iooi diff` in text, Markdown and JSON (docs/history.md, docs/json.md).
#include "iooi/render/diff_output.h"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.h"
#include "iooi/util/escape.h"
#include "iooi/util/json_writer.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

std::string_view kind_text(ItemKind kind) {
  switch (kind) {
    case ItemKind::objective:
      return "objective";
    case ItemKind::key_result:
      return "key result";
    case ItemKind::indicator:
      return "indicator";
    case ItemKind::element:
      break;
  }
  return "element";
}

std::string side_name(const DiffSideInfo& side) {
  if (side.revision.empty()) return "the working tree";
  return fmt::format("{} ({}, {})", terminal_text(side.revision), side.commit,
                     side.date ? side.date->to_string() : std::string("?"));
}

std::string scope_text(const DiffDocument& document) {
  return fmt::format("as of {}, {}", document.as_of.to_string(),
                     document.period ? "period " + terminal_text(document.period->id)
                                     : std::string("every period"));
}

std::string standing_text(bool present, const std::optional<double>& progress, Status status) {
  if (!present) return "(absent)";
  return fmt::format("{} {}", i18n::percent(progress, "en"), status_id(status));
}

std::string optional_text(const std::optional<std::string>& text) {
  return text ? terminal_text(*text) : std::string("(none)");
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

void write_side_errors(const DiffSideInfo& side, std::ostream& out) {
  if (side.errors.empty()) return;
  out << fmt::format("{} has {} error {}; the diff uses what could be read:\n", side_name(side),
                     side.errors.size(), side.errors.size() == 1 ? "finding" : "findings");
  for (const Finding& finding : side.errors) {
    out << fmt::format("  {}:{}:{}: {} [{}]\n", terminal_text(finding.path), finding.line,
                       finding.column, terminal_text(finding.message), rule_info(finding.rule).id);
  }
}

void write_text_item(const ItemChange& item, std::ostream& out) {
  const std::string where = where_text(item);
  out << fmt::format("{:<8} {} {}{}{}\n", item_change_id(item.change), kind_text(item.kind),
                     terminal_text(item.id),
                     item.title.empty() ? "" : "  " + terminal_text(item.title),
                     where.empty() ? "" : "  (" + where + ")");
  if (item.change == ItemChangeKind::added || item.change == ItemChangeKind::removed) return;
  for (const FieldChange& field : item.fields) {
    out << fmt::format("    {}: {} -> {}\n", field.field, optional_text(field.before),
                       optional_text(field.after));
  }
  for (const CheckinChange& checkin : item.checkins) {
    const std::string nth = checkin.nth > 1 ? fmt::format(" (#{})", checkin.nth) : "";
    out << fmt::format("    check-in {}{} {}: {}\n", checkin.date.to_string(), nth,
                       item_change_id(checkin.change),
                       checkin.change == ItemChangeKind::changed
                           ? optional_text(checkin.before) + " -> " + optional_text(checkin.after)
                           : optional_text(checkin.before ? checkin.before : checkin.after));
  }
}

std::string md_text(std::string_view text) {
  return replace_chars(terminal_text(text), [](char c) -> const char* {
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
      default:
        return nullptr;
    }
  });
}

std::string md_code(std::string_view text) {
  if (text.find('`') != std::string_view::npos || text.empty()) return md_text(text);
  return fmt::format("`{}`", terminal_text(text));
}

std::string md_side(const DiffSideInfo& side) {
  if (side.revision.empty()) return "the working tree";
  return fmt::format("{} ({}, {})", md_code(side.revision), md_code(side.commit),
                     side.date ? side.date->to_string() : std::string("?"));
}

std::string md_optional(const std::optional<std::string>& text) {
  return text ? md_text(*text) : std::string("*(none)*");
}

void write_md_items(const DiffDocument& document, std::ostream& out) {
  if (document.diff.items.empty()) {
    out << "No element, objective, key result or indicator changed.\n\n";
    return;
  }
  out << "### Items\n\n";
  for (const ItemChange& item : document.diff.items) {
    const std::string where = where_text(item);
    out << fmt::format("- **{}** {} {}{}{}\n", item_change_id(item.change), kind_text(item.kind),
                       md_code(item.id), item.title.empty() ? "" : " " + md_text(item.title),
                       where.empty() ? "" : " (" + md_text(where) + ")");
    if (item.change == ItemChangeKind::added || item.change == ItemChangeKind::removed) continue;
    for (const FieldChange& field : item.fields) {
      out << fmt::format("  - {}: {} → {}\n", md_code(field.field), md_optional(field.before),
                         md_optional(field.after));
    }
    for (const CheckinChange& checkin : item.checkins) {
      out << fmt::format("  - check-in {}{} {}: {}\n", checkin.date.to_string(),
                         checkin.nth > 1 ? fmt::format(" (#{})", checkin.nth) : "",
                         item_change_id(checkin.change),
                         checkin.change == ItemChangeKind::changed
                             ? md_optional(checkin.before) + " → " + md_optional(checkin.after)
                             : md_optional(checkin.before ? checkin.before : checkin.after));
    }
  }
  out << "\n";
}

void write_md_progress(const DiffDocument& document, std::ostream& out) {
  const PlanDiff& diff = document.diff;
  out << fmt::format("### Progress and status on {}\n\n", document.as_of.to_string());
  if (!diff.progress.empty()) {
    out << "| | Id | Title | Before | After |\n|---|---|---|---|---|\n";
    for (const ProgressChange& change : diff.progress) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} |\n", kind_text(change.kind), md_code(change.id),
          md_text(change.title),
          standing_text(change.present_before, change.progress_before, change.status_before),
          standing_text(change.present_after, change.progress_after, change.status_after));
    }
    out << "\n";
  }
  out << fmt::format(
      "{} {} unchanged.\n", diff.unchanged_progress,
      diff.unchanged_progress == 1 ? "objective or element" : "objectives and elements");
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
  for (const Finding& finding : side.errors) {
    json.begin_object()
        .field("rule", rule_info(finding.rule).id)
        .field("severity", severity_name(finding.severity))
        .field("path", finding.path)
        .field("line", finding.line)
        .field("column", finding.column)
        .field("message", finding.message)
        .end_object();
  }
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
  out << fmt::format("Changes from {} to {} ({})\n", side_name(document.before),
                     side_name(document.after), scope_text(document));
  write_side_errors(document.before, out);
  write_side_errors(document.after, out);
  out << "\n";
  if (document.diff.items.empty()) {
    out << "No element, objective, key result or indicator changed.\n";
  }
  for (const ItemChange& item : document.diff.items) write_text_item(item, out);
  out << fmt::format("\nProgress and status on {}:\n", document.as_of.to_string());
  for (const ProgressChange& change : document.diff.progress) {
    out << fmt::format(
        "  {} {}  {}  {} -> {}\n", kind_text(change.kind), terminal_text(change.id),
        terminal_text(change.title),
        standing_text(change.present_before, change.progress_before, change.status_before),
        standing_text(change.present_after, change.progress_after, change.status_after));
  }
  out << fmt::format("  {} unchanged\n", document.diff.unchanged_progress);
}

void render_diff_markdown(const DiffDocument& document, std::ostream& out) {
  out << fmt::format("## Changes from {} to {}\n\n", md_side(document.before),
                     md_side(document.after));
  out << fmt::format("{}.\n\n", md_text(scope_text(document)));
  for (const DiffSideInfo* side : {&document.before, &document.after}) {
    if (side->errors.empty()) continue;
    out << fmt::format("{} has {} error {}; the diff uses what could be read:\n\n", md_side(*side),
                       side->errors.size(), side->errors.size() == 1 ? "finding" : "findings");
    for (const Finding& finding : side->errors) {
      out << fmt::format("- {}:{}: {} ({})\n", md_text(finding.path), finding.line,
                         md_text(finding.message), md_code(rule_info(finding.rule).id));
    }
    out << "\n";
  }
  write_md_items(document, out);
  write_md_progress(document, out);
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
