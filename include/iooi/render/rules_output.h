#pragma once
// `iooi rules`: the rule catalogue as an aligned table or as docs/rules.md.
#include <string>

namespace iooi {

std::string render_rules_text();      // rules_text.cpp
std::string render_rules_markdown();  // rules_markdown.cpp

}  // namespace iooi
