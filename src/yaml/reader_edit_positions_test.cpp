#include <doctest/doctest.h>

#include <string>

#include "iooi/yaml/tree.h"

using iooi::Findings;
using iooi::yaml::Node;
using iooi::yaml::read_yaml;

// What src/edit needs from the reader: byte offsets, flow style, anchors, merges.
TEST_CASE("reader: nodes know their byte offset, flow style, anchor and merge") {
  const std::string text =
      "a: {x: ä, y: [1, 2]}\n"
      "b:\n"
      "  - &anchor\n"
      "    k: v\n"
      "  - <<: *anchor\n"
      "    m: \"n\"\n";
  Findings findings;
  const auto document = read_yaml(text, "t.yaml", {}, findings);
  REQUIRE(document.root != nullptr);
  const Node& a = *document.root->find("a");
  CHECK(a.flow);
  CHECK(a.offset == text.find('{'));
  CHECK(a.find("y")->flow);
  CHECK(a.find("y")->offset == text.find('['));
  // Offsets count bytes where columns count characters: 'y' follows a two-byte 'ä'.
  CHECK(a.key(1)->offset == text.find("y:"));
  CHECK(a.key(1)->column == 11);
  const Node& b = *document.root->find("b");
  CHECK_FALSE(b.flow);
  CHECK(b.offset == text.find("- &anchor"));
  CHECK(b.children[0]->anchored);
  CHECK_FALSE(b.children[0]->merged);
  CHECK(b.children[1]->merged);
  CHECK_FALSE(b.children[1]->anchored);
  CHECK(b.children[1]->find("m")->offset == text.find("\"n\""));
}
