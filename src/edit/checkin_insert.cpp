// Computes the one insertion that appends a check-in (docs/checkins.md): the new
// text copies the form of its neighbours, so that `git diff` shows only the
// added check-in.
#include <fmt/format.h>

#include <algorithm>

#include "checkin_text.h"
#include "iooi/edit/checkin_edit.h"
#include "measure_locator.h"
#include "yaml_text.h"

namespace iooi::edit {
namespace {

using yaml::Node;
using yaml::NodeKind;

class Inserter {
 public:
  Inserter(std::string_view text, const Node* root, const CheckinEntry& entry)
      : view_{text}, root_(root), entry_(entry), eol_(line_break_of(text)) {}

  InsertionResult insert_into(const Node& measure) {
    const Node* key = nullptr;
    const Node* list = nullptr;
    for (size_t i = 0; i < measure.size(); ++i) {
      const Node* k = measure.key(i);
      if (k->kind == NodeKind::scalar && k->value == "checkins") {
        key = k;
        list = measure.value_at(i);
      }
    }
    if (key == nullptr) return measure.flow ? add_flow_key(measure) : add_block_key(measure);
    if (list->kind == NodeKind::sequence) {
      return list->flow ? append_to_flow_list(*list) : append_to_block_list(*list);
    }
    const bool empty_value = list->kind == NodeKind::null && list->offset <= key->offset;
    if (empty_value) return measure.flow ? fill_flow_value(*key) : start_block_list(*key);
    const std::string_view holds = list->kind == NodeKind::mapping ? "a mapping"
                                   : list->kind == NodeKind::null  ? "nothing ('~' or null)"
                                                                   : "a single value";
    return refuse(fmt::format(
        "its `checkins` holds {} (line {}), not a list; make it a list such as 'checkins: []' "
        "and run the command again",
        holds, list->line));
  }

 private:
  static InsertionResult refuse(std::string reason) {
    return InsertionResult{std::nullopt, EditProblem::not_editable, std::move(reason)};
  }
  InsertionResult insert(size_t offset, std::string text) const {
    if (offset == view_.text.size() && view_.ends_in_block_scalar(*root_)) {
      return refuse(
          "the file ends in a note written with '|' or '>' and no line break after its last "
          "line, so any text after it would change the note; end the file with a line break "
          "and run the command again");
    }
    return InsertionResult{Insertion{offset, std::move(text)}, EditProblem::none, {}};
  }

  // The leading whitespace of the line holding `offset` when nothing else
  // precedes it there, else as many spaces as its column.
  std::string indentation_of(size_t offset) const {
    if (view_.starts_line(offset)) {
      return std::string(view_.text.substr(view_.line_start(offset), view_.column(offset)));
    }
    return std::string(view_.column(offset), ' ');
  }

  // A new entry after the last one of a flow collection (`[...]` or `{...}`):
  // on a new line when the last entry starts a line, else after ", ".
  InsertionResult append_flow_entry(const Node& collection, const Node& last_start, size_t last_end,
                                    const std::string& entry) {
    if (collection.children.empty()) {
      const size_t open = view_.text.find_first_of("[{", collection.offset);
      return insert(open + 1, entry);
    }
    const std::string separator =
        view_.starts_line(last_start.offset) ? eol_ + indentation_of(last_start.offset) : " ";
    const size_t after = view_.skip_space_and_comments(last_end);
    if (after < view_.text.size() && view_.text[after] == ',') {
      return insert(after + 1, separator + entry);
    }
    return insert(last_end, "," + separator + entry);
  }

  InsertionResult append_to_flow_list(const Node& list) {
    const ItemStyle style = style_of(&list, root_, view_);
    const std::string item = checkin_item(entry_, style, /*block=*/false, "", eol_);
    if (list.children.empty()) return append_flow_entry(list, list, 0, item);
    const Node& last = *list.children.back();
    return append_flow_entry(list, last, view_.node_end(last, 0, true), item);
  }

  InsertionResult add_flow_key(const Node& measure) {
    const ItemStyle style = style_of(nullptr, root_, view_);
    const std::string entry =
        "checkins: [" + checkin_item(entry_, style, /*block=*/false, "", eol_) + "]";
    if (measure.children.empty()) return append_flow_entry(measure, measure, 0, entry);
    const Node& last_key = *measure.children[measure.children.size() - 2];
    const Node& last_value = *measure.children.back();
    const size_t end = last_value.kind == NodeKind::null && last_value.offset <= last_key.offset
                           ? view_.after_key_colon(last_key, true)
                           : view_.node_end(last_value, 0, true);
    return append_flow_entry(measure, last_key, end, entry);
  }

  InsertionResult fill_flow_value(const Node& key) {
    const ItemStyle style = style_of(nullptr, root_, view_);
    return insert(view_.after_key_colon(key, true),
                  " [" + checkin_item(entry_, style, /*block=*/false, "", eol_) + "]");
  }

  // A new `- item` line block after the last item, at the column of its '-'.
  InsertionResult append_to_block_list(const Node& list) {
    const Node& last = *list.children.back();
    size_t dash = last.offset;
    while (dash > 0 && view_.text[dash] != '-' &&
           (view_.text[dash - 1] == ' ' || view_.text[dash - 1] == '\t')) {
      --dash;
    }
    if (view_.text[dash] != '-') dash = list.offset;
    std::string after_dash = " ";
    const size_t content = last.kind == NodeKind::null ? dash : last.offset;
    if (content > dash + 1 && view_.line_start(content) == view_.line_start(dash)) {
      after_dash = std::string(view_.text.substr(dash + 1, content - dash - 1));
    }
    const ItemStyle style = style_of(&list, root_, view_);
    const std::string prefix = indentation_of(dash);
    const std::string key_indent(prefix.size() + 1 + after_dash.size(), ' ');
    const std::string item = checkin_item(entry_, style, style.block_items, key_indent, eol_);
    const size_t at = view_.line_end(view_.node_end(list, view_.column(dash), false));
    return insert(at, eol_ + prefix + "-" + after_dash + item);
  }

  std::string new_block_list(const std::string& key_prefix, const ItemStyle& style) const {
    const std::string dash_prefix = key_prefix + std::string(style.list_indent, ' ');
    const std::string key_indent(dash_prefix.size() + 2, ' ');
    return "checkins:" + eol_ + dash_prefix + "- " +
           checkin_item(entry_, style, style.block_items, key_indent, eol_);
  }

  InsertionResult start_block_list(const Node& key) {
    const ItemStyle style = style_of(nullptr, root_, view_);
    const std::string prefix = indentation_of(key.offset);
    std::string list = new_block_list(prefix, style);
    list.erase(0, std::string_view("checkins:").size());
    return insert(view_.line_end(view_.after_key_colon(key, false)), list);
  }

  InsertionResult add_block_key(const Node& measure) {
    const ItemStyle style = style_of(nullptr, root_, view_);
    const Node& last_key = *measure.children[measure.children.size() - 2];
    const std::string prefix = indentation_of(last_key.offset);
    const size_t at = view_.line_end(view_.node_end(measure, view_.column(measure.offset), false));
    return insert(at, eol_ + prefix + new_block_list(prefix, style));
  }

  TextView view_;
  const Node* root_;
  const CheckinEntry& entry_;
  std::string eol_;
};

}  // namespace

InsertionResult plan_checkin_insertion(std::string_view bytes, std::string_view measure_id,
                                       const CheckinEntry& entry) {
  const size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view text = bytes.substr(bom);
  Findings findings;
  const yaml::Document document = yaml::read_yaml(text, "", yaml::ReadLimits{}, findings);
  if (document.root == nullptr) {
    return {std::nullopt, EditProblem::not_editable,
            "the file cannot be read as a plan file; `iooi check` says why"};
  }
  const MeasureLocation location = locate_measure(document.root, measure_id);
  if (location.measure == nullptr) {
    return {std::nullopt, EditProblem::unknown_measure, "no measure with this id in the file"};
  }
  if (location.matches > 1) {
    return {std::nullopt, EditProblem::not_editable,
            fmt::format("{} measures have this id in the file; give each its own id",
                        location.matches)};
  }
  if (!location.shared_through.empty()) {
    return {std::nullopt, EditProblem::shared_text,
            fmt::format("it is defined or changed through {} (line {}), so its text is not where "
                        "its data comes from; add the check-in by hand",
                        location.shared_through, location.measure->line)};
  }
  InsertionResult result = Inserter(text, document.root, entry).insert_into(*location.measure);
  if (result.insertion) result.insertion->offset += bom;
  return result;
}

std::string apply_insertion(std::string_view bytes, const Insertion& insertion) {
  std::string out;
  out.reserve(bytes.size() + insertion.text.size());
  out.append(bytes.substr(0, insertion.offset));
  out.append(insertion.text);
  out.append(bytes.substr(insertion.offset));
  return out;
}

}  // namespace iooi::edit
