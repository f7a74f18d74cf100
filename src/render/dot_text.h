#pragma once
// User text inside a DOT double-quoted string (graph --format dot, and the HTML
// report's chain that Graphviz lays out): the one escaping both use.
#include <string>
#include <string_view>

namespace iooi::dot {

// Quotes and backslashes are escaped (a lone backslash would start one of
// Graphviz's label escapes such as \N or \G). Control characters go first
// (terminal_text): the source is read in terminals and logs too.
std::string text(std::string_view text);

}  // namespace iooi::dot
