#include "iooi/util/xml_escape.h"

#include <doctest/doctest.h>

using namespace iooi;

TEST_CASE("xml_escape escapes markup characters and keeps line breaks as references") {
  CHECK(xml_escape("a < b & c > d") == "a &lt; b &amp; c &gt; d");
  CHECK(xml_escape("say \"hi\" 'there'") == "say &quot;hi&quot; &apos;there&apos;");
  CHECK(xml_escape("one\ntwo\r\tthree") == "one&#10;two&#13;&#9;three");
  CHECK(xml_escape("100%: a, b") == "100%: a, b");
  CHECK(xml_escape("Größe – 日本 🙂") == "Größe – 日本 🙂");
}

TEST_CASE("xml_escape replaces what XML 1.0 cannot carry") {
  CHECK(xml_escape(std::string_view("nul\0x", 5)) == "nul\xEF\xBF\xBDx");
  CHECK(xml_escape("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(xml_escape("bad \xFF") == "bad \xEF\xBF\xBD");
  CHECK(xml_escape("\xEF\xBF\xBF") == "\xEF\xBF\xBD");  // U+FFFF
}
