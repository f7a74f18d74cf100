#include "iooi/edit/unified_diff.h"

#include <doctest/doctest.h>

#include <string>

using iooi::edit::unified_diff;

TEST_CASE("unified diff: hunks with three lines of context, far changes apart") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += "l" + std::to_string(i) + "\n";
    after += "l" + std::to_string(i) + "\n";
    if (i == 2) after += "new a\n";
    if (i == 15) after += "new b\n";
  }
  CHECK(unified_diff(before, after, "p.yaml") ==
        "--- a/p.yaml\n+++ b/p.yaml\n"
        "@@ -1,5 +1,6 @@\n l1\n l2\n+new a\n l3\n l4\n l5\n"
        "@@ -13,6 +14,7 @@\n l13\n l14\n l15\n+new b\n l16\n l17\n l18\n");
  CHECK(unified_diff(before, before, "p.yaml") == "");
}

TEST_CASE("unified diff: a changed last line without a line break, control characters shown") {
  CHECK(unified_diff("a\nb: [1]", "a\nb: [1, 2]", "p\x1b.yaml") ==
        "--- a/p\\x1b.yaml\n+++ b/p\\x1b.yaml\n@@ -1,2 +1,2 @@\n a\n-b: [1]\n"
        "\\ No newline at end of file\n+b: [1, 2]\n\\ No newline at end of file\n");
  CHECK(unified_diff("x\r\n", "x\r\ny\x07\r\n", "p") ==
        "--- a/p\n+++ b/p\n@@ -1 +1,2 @@\n x\r\n+y\\x07\r\n");
}
