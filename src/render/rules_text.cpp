#include <fmt/format.h>

#include <algorithm>

#include "iooi/diag/rule.h"
#include "iooi/render/rules_output.h"
#include "iooi/util/utf8.h"

namespace iooi {

std::string render_rules_text() {
  size_t id_width = 0;
  for (const RuleInfo& info : all_rules()) id_width = std::max(id_width, info.id.size());
  std::string out;
  for (const RuleInfo& info : all_rules()) {
    out += fmt::format("{}  {}  {}\n", pad_right(info.id, id_width),
                       pad_right(severity_name(info.default_severity), 7), info.summary);
  }
  return out;
}

}  // namespace iooi
