#include <doctest/doctest.h>

#include "html_parts.h"

namespace iooi {
namespace {

TEST_CASE("html::text keeps plain text and escapes everything else once") {
  CHECK(html::text("Wirkung 2026 (Q1): 40 % mehr") == "Wirkung 2026 (Q1): 40 % mehr");
  CHECK(html::text("a & b") == "a &amp; b");
  CHECK(html::text("<script>") == "&lt;script&gt;");
  CHECK(html::text("\"quoted\" 'too'") == "&quot;quoted&quot; &apos;too&apos;");
  CHECK(html::text("Förderung") == "Förderung");
  CHECK(html::text("tab\there") == "tab here");
  CHECK(html::text("bell\x07") == "bell\uFFFD");
  CHECK(html::text("del\x7f") == "del\uFFFD");
  CHECK(html::text("bad \xff byte") == "bad \uFFFD byte");
  CHECK(html::text("\u202Eevil") == "\uFFFDevil");
  CHECK(html::text("") == "");
}

}  // namespace
}  // namespace iooi
