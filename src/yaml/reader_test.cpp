#include <doctest/doctest.h>

#include <string>

#include "iooi/yaml/tree.h"

using namespace std::string_view_literals;
using iooi::Findings;
using iooi::Rule;
using iooi::Severity;
using iooi::yaml::Document;
using iooi::yaml::Node;
using iooi::yaml::NodeKind;
using iooi::yaml::read_yaml;
using iooi::yaml::ReadLimits;

namespace {

struct Read {
  Document document;
  Findings findings;
};

Read read(std::string_view text, const ReadLimits& limits = {}) {
  Read r;
  r.document = read_yaml(text, "plan.yaml", limits, r.findings);
  return r;
}

const Node& at(const Node* node, std::string_view key) {
  REQUIRE(node != nullptr);
  const Node* value = node->find(key);
  REQUIRE_MESSAGE(value != nullptr, "missing key ", key);
  return *value;
}

}  // namespace

TEST_CASE("reader: positions of keys and values are 1-based, in characters") {
  const Read r = read("title: Hello\nlist:\n  - a\n  - 'b'\nÄü: Größe\nx: 1\n");
  CHECK(r.findings.empty());
  const Node* root = r.document.root;
  REQUIRE(root != nullptr);
  CHECK(root->kind == NodeKind::mapping);
  CHECK(root->line == 1);
  CHECK(root->column == 1);
  REQUIRE(root->size() == 4);
  CHECK(root->key(0)->value == "title");
  CHECK(root->key(0)->line == 1);
  CHECK(root->key(0)->column == 1);
  CHECK(root->value_at(0)->value == "Hello");
  CHECK(root->value_at(0)->column == 8);
  const Node& list = at(root, "list");
  CHECK(list.kind == NodeKind::sequence);
  REQUIRE(list.size() == 2);
  CHECK(list.children[0]->line == 3);
  CHECK(list.children[0]->column == 5);
  CHECK(list.children[1]->line == 4);
  CHECK(list.children[1]->quoted);
  CHECK_FALSE(list.children[0]->quoted);
  // Columns count characters, not bytes: 'Äü' is 4 bytes but 2 columns.
  CHECK(root->key(2)->value == "Äü");
  CHECK(root->value_at(2)->column == 5);
  CHECK(root->value_at(3)->line == 6);
  CHECK(root->value_at(3)->column == 4);
}

TEST_CASE("reader: the quoted flag follows yaml-cpp's tags (plain '?', quoted and block '!')") {
  const Read r = read(
      "plain: 1\nsingle: '1'\ndouble: \"1\"\nliteral: |\n  1\nfolded: >\n  1\ntagged: !!str 1\n"
      "nul: null\n");
  REQUIRE(r.document.root != nullptr);
  const Node* root = r.document.root;
  CHECK_FALSE(at(root, "plain").quoted);
  CHECK(at(root, "single").quoted);
  CHECK(at(root, "double").quoted);
  CHECK(at(root, "literal").quoted);
  CHECK(at(root, "literal").value == "1\n");
  CHECK(at(root, "folded").quoted);
  CHECK(at(root, "tagged").quoted);
  CHECK(at(root, "nul").kind == NodeKind::null);
  CHECK(at(root, "nul").is_plain_null());
  CHECK_FALSE(at(root, "single").is_plain_null());
}

TEST_CASE("reader: empty values sit at their key, empty list items at their dash") {
  const Read r = read("a:\nb: ~\nc:\n  -\n  - x\n  -   # note\nd: {e: , f}\n");
  REQUIRE(r.document.root != nullptr);
  const Node& a = at(r.document.root, "a");
  CHECK(a.kind == NodeKind::null);
  CHECK(a.line == 1);
  CHECK(a.column == 1);
  const Node& b = at(r.document.root, "b");
  CHECK(b.line == 2);
  CHECK(b.column == 4);
  const Node& c = at(r.document.root, "c");
  REQUIRE(c.size() == 3);
  CHECK(c.children[0]->kind == NodeKind::null);
  CHECK(c.children[0]->line == 4);
  CHECK(c.children[0]->column == 3);
  CHECK(c.children[2]->kind == NodeKind::null);
  const Node& d = at(r.document.root, "d");
  REQUIRE(d.size() == 2);
  CHECK(d.value_at(0)->line == 7);
  CHECK(d.value_at(0)->column == 5);
  CHECK(d.value_at(1)->column == 10);
}

TEST_CASE("reader: CRLF line ends and a UTF-8 BOM read like LF without BOM") {
  const Read r = read("\xEF\xBB\xBFtitle: A\r\nnext: \"B\"\r\n");
  CHECK(r.findings.empty());
  REQUIRE(r.document.root != nullptr);
  const Node& title = at(r.document.root, "title");
  CHECK(title.value == "A");
  CHECK(title.line == 1);
  CHECK(title.column == 8);
  const Node& next = at(r.document.root, "next");
  CHECK(next.value == "B");
  CHECK(next.line == 2);
  CHECK(next.column == 7);
  CHECK(r.document.root->key(1)->column == 1);
}

TEST_CASE("reader: a tab in indentation is a yaml-syntax error; tabs inside values are fine") {
  const Read ok = read("a: x\tb\n");
  CHECK(ok.findings.empty());
  REQUIRE(ok.document.root != nullptr);
  CHECK(at(ok.document.root, "a").value == "x\tb");

  const Read bad = read("a:\n\t- b\n");
  REQUIRE(bad.findings.size() == 1);
  CHECK(bad.findings[0].rule == Rule::yaml_syntax);
  CHECK(bad.findings[0].severity == Severity::error);
  CHECK(bad.findings[0].path == "plan.yaml");
  CHECK(bad.findings[0].line == 2);
  CHECK(bad.findings[0].message.find("tab") != std::string::npos);
  CHECK(bad.document.root == nullptr);
}

TEST_CASE("reader: syntax errors become yaml-syntax findings with yaml-cpp's position") {
  const Read r = read("a: [1, 2\nb: 3\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_syntax);
  CHECK(r.findings[0].line >= 1);
  CHECK(r.findings[0].column >= 1);
  CHECK(r.findings[0].message.find("check indentation and quoting near here") != std::string::npos);
  CHECK(r.document.root == nullptr);

  const Read misplaced = read("title: a: b\n");
  REQUIRE(misplaced.findings.size() == 1);
  CHECK(misplaced.findings[0].rule == Rule::yaml_syntax);
  CHECK(misplaced.findings[0].line == 1);
  CHECK(misplaced.findings[0].column == 9);
  CHECK(misplaced.findings[0].message.find("unexpected ':'") != std::string::npos);

  const Read indentation = read("a:\n  b: 1\n c: 2\n");
  REQUIRE(indentation.findings.size() == 1);
  CHECK(indentation.findings[0].rule == Rule::yaml_syntax);
  CHECK(indentation.findings[0].line == 3);
}

TEST_CASE("reader: an alias to an unknown anchor is yaml-syntax") {
  const Read r = read("a: *nowhere\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_syntax);
  CHECK(r.findings[0].line == 1);
  CHECK(r.findings[0].column == 4);
  CHECK(r.findings[0].message.find("anchor") != std::string::npos);
  CHECK(r.document.root == nullptr);
}

TEST_CASE("reader: encoding problems give an encoding finding and no tree") {
  SUBCASE("invalid UTF-8 (Latin-1) with the position of the first bad byte") {
    const Read r = read(
        "title: ok\nname: Gr\xF6\xDF"
        "e\n");
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::encoding);
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].line == 2);
    CHECK(r.findings[0].column == 9);
    CHECK(r.findings[0].message.find("0xF6") != std::string::npos);
    CHECK(r.document.root == nullptr);
  }
  SUBCASE("UTF-16 little and big endian byte order marks") {
    for (std::string_view bytes : {std::string_view("\xFF\xFE"
                                                    "a\0:\0 \0"
                                                    "1\0",
                                                    10),
                                   std::string_view("\xFE\xFF\0a\0:\0 \0"
                                                    "1",
                                                    10)}) {
      const Read r = read(bytes);
      REQUIRE(r.findings.size() == 1);
      CHECK(r.findings[0].rule == Rule::encoding);
      CHECK(r.findings[0].message.find("UTF-16") != std::string::npos);
      CHECK(r.document.root == nullptr);
    }
  }
  SUBCASE("UTF-32 byte order mark") {
    const Read r = read(std::string_view("\xFF\xFE\0\0a\0\0\0", 8));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::encoding);
    CHECK(r.findings[0].message.find("UTF-32") != std::string::npos);
  }
  SUBCASE("a NUL byte (binary file)") {
    const Read r = read(std::string_view("a: 1\nb: \0\x01\x02", 11));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::encoding);
    CHECK(r.findings[0].line == 2);
    CHECK(r.findings[0].column == 4);
    CHECK(r.document.root == nullptr);
  }
  SUBCASE("a BOM followed by invalid UTF-8 counts columns without the BOM") {
    const Read r = read(
        "\xEF\xBB\xBF"
        "ab\xFF");
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::encoding);
    CHECK(r.findings[0].line == 1);
    CHECK(r.findings[0].column == 3);
  }
}

TEST_CASE("reader: a file over max_file_bytes is yaml-structure at line 0 and not parsed") {
  ReadLimits limits;
  limits.max_file_bytes = 10;
  const Read r = read("title: more than ten bytes\n", limits);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].line == 0);
  CHECK(r.findings[0].message.find("10 bytes") != std::string::npos);
  CHECK(r.document.root == nullptr);
  CHECK(r.document.nodes.empty());
}

TEST_CASE("reader: empty files, comments only and a null document are empty-file warnings") {
  for (std::string_view text : {""sv, "\n\n"sv, "# just a comment\n"sv, "---\n"sv, "~\n"sv,
                                "\xEF\xBB\xBF"sv, "--- null\n...\n"sv}) {
    CAPTURE(text);
    const Read r = read(text);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::empty_file);
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].path == "plan.yaml");
    CHECK(r.findings[0].line == 1);
    CHECK(r.findings[0].column == 1);
    CHECK(r.document.root == nullptr);
  }
  // A root that is not a mapping is the decoder's business, not the reader's.
  const Read scalar_root = read("just text\n");
  CHECK(scalar_root.findings.empty());
  REQUIRE(scalar_root.document.root != nullptr);
  CHECK(scalar_root.document.root->kind == NodeKind::scalar);
}

TEST_CASE("reader: directives without a document are yaml-syntax, with a document they are fine") {
  // The YAML test suite's 9MMA and B63P: a directive must be followed by '---'.
  for (std::string_view text : {"%YAML 1.2\n"sv, "%YAML 1.2\n...\n"sv, "# plan\n%YAML 1.2\n"sv,
                                "%TAG ! tag:example.com,2000:\n"sv}) {
    CAPTURE(text);
    const Read r = read(text);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::yaml_syntax);
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[0].line == (text.front() == '#' ? 2 : 1));
    CHECK(r.findings[0].column == 1);
    CHECK(r.findings[0].message.find("directive") != std::string::npos);
    CHECK(r.document.root == nullptr);
  }
  const Read empty_document = read("%YAML 1.2\n---\n");
  REQUIRE(empty_document.findings.size() == 1);
  CHECK(empty_document.findings[0].rule == Rule::empty_file);
  const Read with_document = read("%YAML 1.2\n---\ntitle: x\n");
  CHECK(with_document.findings.empty());
  REQUIRE(with_document.document.root != nullptr);
  CHECK(at(with_document.document.root, "title").value == "x");
}

TEST_CASE("reader: duplicate keys keep the first and name its line") {
  const Read r = read("title: A\nowner: x\ntitle: B\n");
  REQUIRE(r.findings.size() == 1);
  const auto& f = r.findings[0];
  CHECK(f.rule == Rule::yaml_duplicate_key);
  CHECK(f.severity == Severity::error);
  CHECK(f.line == 3);
  CHECK(f.column == 1);
  CHECK(f.message == "key 'title' appears twice (first at line 1); remove one of them");
  REQUIRE(r.document.root != nullptr);
  CHECK(r.document.root->size() == 2);
  CHECK(at(r.document.root, "title").value == "A");
  CHECK(r.document.root->key(1)->value == "owner");
}

TEST_CASE("reader: duplicate keys in a big mapping are all found, in linear time") {
  constexpr int keys = 100'000;
  std::string text;
  text.reserve(keys * 16);
  for (int i = 0; i < keys; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k7: again\nk99999: again\n{flow: 1, flow: 2}: nested\n";
  // A quadratic scan of 200k keys takes minutes: ctest's TIMEOUT on the unit
  // tests stops it (tests/tests.cmake).
  const Read r = read(text);
  REQUIRE(r.findings.size() == 3);
  CHECK(r.findings[0].rule == Rule::yaml_duplicate_key);
  CHECK(r.findings[0].message ==
        "key 'flow' appears twice (first at line 100003); remove one of them");
  CHECK(r.findings[1].message == "key 'k7' appears twice (first at line 8); remove one of them");
  CHECK(r.findings[1].line == keys + 1);
  CHECK(r.findings[2].message.find("first at line 100000") != std::string::npos);
  REQUIRE(r.document.root != nullptr);
  CHECK(r.document.root->size() == keys + 1);
  CHECK(at(r.document.root, "k7").value == "7");
}

TEST_CASE("reader: duplicate null keys and quoted versus plain keys") {
  const Read r = read("~: 1\nnull: 2\n'a': 3\na: 4\n");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].line == 2);
  CHECK(r.findings[0].message.find("null") != std::string::npos);
  CHECK(r.findings[1].line == 4);
  CHECK(r.findings[1].message.find("'a'") != std::string::npos);
}

TEST_CASE("reader: aliases point at the anchored node itself") {
  const Read r =
      read("base: &b {unit: '%', target: 60}\none: *b\ntwo: *b\nname: &n text\nthree: *n\n");
  CHECK(r.findings.empty());
  REQUIRE(r.document.root != nullptr);
  const Node* root = r.document.root;
  CHECK(&at(root, "one") == &at(root, "base"));
  CHECK(&at(root, "two") == &at(root, "base"));
  CHECK(&at(root, "three") == &at(root, "name"));
  CHECK(at(root, "one").line == 1);
  CHECK(at(root, "one").column == 7);
  // root + 5 keys + base (3 nodes... mapping + 4) + each alias counts its target again.
  CHECK(r.document.expanded_nodes == 1 + 5 + 5 + 5 + 5 + 1 + 1);
}

TEST_CASE("reader: merge keys append entries; explicit keys and earlier sources win") {
  const Read r = read(
      "defaults: &d {unit: '%', baseline: 0, target: 100}\n"
      "more: &m {target: 50, weight: 2, unit: people}\n"
      "kr:\n"
      "  id: KR-1\n"
      "  <<: [*d, *m]\n"
      "  target: 80\n");
  CHECK(r.findings.empty());
  REQUIRE(r.document.root != nullptr);
  const Node& kr = at(r.document.root, "kr");
  REQUIRE(kr.size() == 5);
  // Explicit keys first, in document order, without the '<<' entry.
  CHECK(kr.key(0)->value == "id");
  CHECK(kr.key(1)->value == "target");
  CHECK(kr.value_at(1)->value == "80");
  // Then merged keys: unit from the first source wins over the second.
  CHECK(kr.key(2)->value == "unit");
  CHECK(kr.value_at(2)->value == "%");
  CHECK(kr.key(3)->value == "baseline");
  CHECK(kr.key(4)->value == "weight");
  CHECK(kr.value_at(4)->value == "2");
  // Merged entries keep the position where they are written.
  CHECK(kr.key(2)->line == 1);
  CHECK(kr.find("<<") == nullptr);

  const Read single = read("d: &d {a: 1, b: 2}\nx:\n  <<: *d\n  b: 3\n");
  CHECK(single.findings.empty());
  const Node& x = at(single.document.root, "x");
  REQUIRE(x.size() == 2);
  CHECK(at(&x, "b").value == "3");
  CHECK(at(&x, "a").value == "1");

  // A quoted '<<' is an ordinary key.
  const Read quoted = read("'<<': {a: 1}\n");
  CHECK(quoted.findings.empty());
  CHECK(quoted.document.root->find("<<") != nullptr);
  CHECK(quoted.document.root->find("a") == nullptr);
}

TEST_CASE("reader: merge keys in big mappings and nested merges") {
  std::string text = "base: &b\n";
  for (int i = 0; i < 50; ++i) text += "  k" + std::to_string(i) + ": base\n";
  text += "derived: &d\n  <<: *b\n  k3: own\nthird:\n  <<: *d\n  k49: third\n";
  const Read r = read(text);
  CHECK(r.findings.empty());
  const Node& derived = at(r.document.root, "derived");
  CHECK(derived.size() == 50);
  CHECK(at(&derived, "k3").value == "own");
  CHECK(at(&derived, "k4").value == "base");
  const Node& third = at(r.document.root, "third");
  CHECK(third.size() == 50);
  CHECK(at(&third, "k3").value == "own");
  CHECK(at(&third, "k49").value == "third");
}

TEST_CASE("reader: a merge value that is not a mapping is yaml-structure") {
  for (std::string_view text :
       {"a:\n  <<: 5\n  b: 1\n"sv, "a:\n  <<: [{x: 1}, 2]\n  b: 1\n"sv, "a:\n  <<:\n  b: 1\n"sv}) {
    CAPTURE(text);
    const Read r = read(text);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::yaml_structure);
    CHECK(r.findings[0].line == 2);
    CHECK(r.findings[0].column == 3);
    CHECK(r.findings[0].message.find("'<<'") != std::string::npos);
  }
}

TEST_CASE("reader: a billion-laughs alias bomb stops quickly with yaml-structure") {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string previous = "a";
  for (char level = 'b'; level <= 'j'; ++level) {
    const std::string name(1, level);
    text += name + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", *" : "*") + previous;
    text += "]\n";
    previous = name;
  }
  const Read r = read(text);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].message.find("alias expansion exceeds 1000000 nodes") != std::string::npos);
  CHECK(r.findings[0].line == 7);  // g: 9 * 9^5 * ... passes a million here
  CHECK(r.findings[0].column > 1);
  CHECK(r.document.root == nullptr);

  // The same shape within the limit reads fine and reports its expanded size.
  ReadLimits small;
  small.max_expanded_nodes = 100;
  const Read ok = read("a: &a [x, y]\nb: [*a, *a]\n", small);
  CHECK(ok.findings.empty());
  CHECK(ok.document.expanded_nodes == 1 + 2 + 3 + 1 + 3 + 3);
  small.max_expanded_nodes = 12;
  const Read over = read("a: &a [x, y]\nb: [*a, *a]\n", small);
  REQUIRE(over.findings.size() == 1);
  CHECK(over.findings[0].rule == Rule::yaml_structure);
  CHECK(over.findings[0].line == 2);
  CHECK(over.findings[0].column == 9);
}

TEST_CASE("reader: aliases count the bytes of the text they repeat") {
  // "a: &a xxxxxxxxxx" then a list repeating it: keys and values count, every alias
  // counts its target's text again (the decoded plan copies it once per use).
  const std::string text = "a: &a xxxxxxxxxx\nb: [*a, *a, *a]\n";
  const Read ok = read(text);
  CHECK(ok.findings.empty());
  CHECK(ok.document.expanded_bytes == 1 + 10 + 1 + 3 * 10);

  ReadLimits small;
  small.max_expanded_bytes = 1 + 10 + 1 + 2 * 10;  // room for two of the three aliases
  const Read over = read(text, small);
  REQUIRE(over.findings.size() == 1);
  CHECK(over.findings[0].rule == Rule::yaml_structure);
  CHECK(over.findings[0].line == 2);
  CHECK(over.findings[0].column == 13);  // the third alias
  CHECK(over.findings[0].message.find("exceeds 32 bytes of text: '*a' repeats 10 bytes") !=
        std::string::npos);
  CHECK(over.document.root == nullptr);

  // Through a collection and a merge key, and without aliases at all.
  small.max_expanded_bytes = 39;
  const Read merged = read("a: &a {k: xxxxxxxxxx}\nb: {<<: *a}\nc: {<<: *a}\n", small);
  REQUIRE(merged.findings.size() == 1);
  CHECK(merged.findings[0].line == 3);
  small.max_expanded_bytes = 5;
  const Read plain = read("key: value\n", small);
  REQUIRE(plain.findings.size() == 1);
  CHECK(plain.findings[0].message.find("more than 5 bytes of text") != std::string::npos);
}

TEST_CASE("reader: merge keys count toward the expansion limit") {
  std::string text = "a: &a {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8}\n";
  std::string previous = "a";
  for (char level = 'b'; level <= 'j'; ++level) {
    const std::string name(1, level);
    text += name + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", " : "") + "{<<: *" + previous + "}";
    text += "]\n";
    previous = name;
  }
  const Read r = read(text);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.document.root == nullptr);
}

TEST_CASE("reader: an alias cycle is yaml-structure") {
  const Read r = read("a: &x\n  b: *x\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].line == 2);
  CHECK(r.findings[0].column == 6);
  CHECK(r.findings[0].message.find("'*x'") != std::string::npos);
  CHECK(r.findings[0].message.find("cycle") != std::string::npos);
  CHECK(r.document.root == nullptr);

  const Read flow = read("&s [1, [2, *s]]\n");
  REQUIRE(flow.findings.size() == 1);
  CHECK(flow.findings[0].rule == Rule::yaml_structure);
}

TEST_CASE("reader: nesting past max_depth stops with yaml-structure at the deep node") {
  SUBCASE("100000 '[' never reach yaml-cpp's own recursion limit") {
    const Read r = read(std::string(100'000, '['));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::yaml_structure);
    CHECK(r.findings[0].line == 1);
    // yaml-cpp reads each '[' of this unclosed input as a sequence holding a
    // single-pair mapping, so the 64 levels end half way: at column 33.
    CHECK(r.findings[0].column == 33);
    CHECK(r.findings[0].message.find("deeper than 64") != std::string::npos);
    CHECK(r.document.root == nullptr);
  }
  SUBCASE("block mappings") {
    ReadLimits limits;
    limits.max_depth = 3;
    const Read ok = read("a:\n  b:\n    c: 1\n", limits);
    CHECK(ok.findings.empty());
    const Read deep = read("a:\n  b:\n    c:\n      d: 1\n", limits);
    REQUIRE(deep.findings.size() == 1);
    CHECK(deep.findings[0].rule == Rule::yaml_structure);
    CHECK(deep.findings[0].line == 4);
    CHECK(deep.findings[0].column == 7);
  }
  SUBCASE("aliases that nest deeper once expanded") {
    ReadLimits limits;
    limits.max_depth = 4;
    const Read r = read("a: &a [[[1]]]\nb: [[*a]]\n", limits);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::yaml_structure);
    CHECK(r.findings[0].line == 2);
    CHECK(r.findings[0].message.find("'*a'") != std::string::npos);
  }
  SUBCASE("yaml-cpp's DeepRecursion is yaml-structure, not yaml-syntax") {
    ReadLimits limits;
    limits.max_depth = 1'000'000;
    const Read r = read(std::string(100'000, '['), limits);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == Rule::yaml_structure);
    CHECK(r.findings[0].message.find("nesting deeper") != std::string::npos);
    CHECK(r.document.root == nullptr);
  }
}

TEST_CASE("reader: a second document is yaml-structure at its start; the first is kept") {
  const Read r = read("title: one\n---\ntitle: two\n");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].line == 2);
  CHECK(r.findings[0].column == 1);
  CHECK(r.findings[0].message ==
        "more than one YAML document; a plan file holds exactly one — remove the '---' at line 2 "
        "or split the file");
  REQUIRE(r.document.root != nullptr);
  CHECK(at(r.document.root, "title").value == "one");

  // The rest is not parsed at all, so errors or bombs in it cost nothing.
  const Read rest = read("---\na: 1\n---\nb: *unknown\n---\n[\n");
  REQUIRE(rest.findings.size() == 1);
  CHECK(rest.findings[0].line == 3);

  const Read many = read(std::string("a: 1\n") + [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "--- x\n";
    return s;
  }());
  CHECK(many.findings.size() == 1);

  const Read after_end = read("a: 1\n...\nb: 2\n");
  REQUIRE(after_end.findings.size() == 1);
  CHECK(after_end.findings[0].rule == Rule::yaml_structure);
  CHECK(after_end.findings[0].line == 3);
}

TEST_CASE("reader: a scalar over max_scalar_bytes is yaml-structure") {
  ReadLimits limits;
  limits.max_scalar_bytes = 8;
  const Read ok = read("a: 12345678\n", limits);
  CHECK(ok.findings.empty());
  const Read r = read("a: 1\nb: \"123456789\"\n", limits);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].line == 2);
  CHECK(r.findings[0].column == 4);
  CHECK(r.document.root == nullptr);
}

TEST_CASE("reader: too many nodes without aliases is yaml-structure too") {
  ReadLimits limits;
  limits.max_expanded_nodes = 5;
  const Read r = read("[1, 2, 3, 4, 5]\n", limits);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == Rule::yaml_structure);
  CHECK(r.findings[0].line == 1);
  CHECK(r.findings[0].column == 14);
}

TEST_CASE("reader: Node::find and is_plain_null") {
  const Read r = read("a: 1\n'b': ''\nc: NULL\nd: \"null\"\n");
  const Node* root = r.document.root;
  REQUIRE(root != nullptr);
  CHECK(root->find("zz") == nullptr);
  CHECK(at(root, "b").is_plain_null() == false);
  CHECK(at(root, "c").is_plain_null());
  CHECK_FALSE(at(root, "d").is_plain_null());
  CHECK(at(root, "a").find("x") == nullptr);
}
