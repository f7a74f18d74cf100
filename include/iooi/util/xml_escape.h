#pragma once
// Escaping for XML 1.0 text and attribute values (used by the JUnit renderer).
#include <string>
#include <string_view>

namespace iooi {

// Escapes & < > " ' and, so that attribute values keep their line breaks, \n \r \t
// as character references. Characters XML 1.0 cannot carry at all (other C0
// controls, U+FFFE/U+FFFF) and invalid UTF-8 bytes become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace iooi
