#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "iooi/util/atomic_file.h"
#include "iooi/util/color.h"
#include "iooi/util/date.h"
#include "iooi/util/escape.h"
#include "iooi/util/fd.h"
#include "iooi/util/glob.h"
#include "iooi/util/run_error.h"
#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"

using namespace iooi;

TEST_CASE("an internal error has its own exit status, apart from usage and input errors") {
  CHECK(iooi::exit_status_of(iooi::usage_error("unknown period")) == 2);
  CHECK(iooi::exit_status_of(iooi::input_error("cannot read a.yaml")) == 2);
  CHECK(iooi::exit_status_of(iooi::internal_error("bad variant access")) == 3);
}

TEST_CASE("dates parse strictly and round-trip") {
  CHECK(Date::parse("2026-02-28").has_value());
  CHECK_FALSE(Date::parse("2026-02-29").has_value());
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("2026-1-01").has_value());
  CHECK_FALSE(Date::parse("2026-01-01T00:00").has_value());
  CHECK_FALSE(Date::parse("26-01-01").has_value());
  const Date d = *Date::parse("2026-03-31");
  CHECK(d.to_string() == "2026-03-31");
  CHECK(d.year() == 2026);
  CHECK(d.month() == 3);
  CHECK(d.day() == 31);
  CHECK(*Date::parse("2026-03-31") - *Date::parse("2026-01-01") == 89);
  CHECK(Date::parse("1970-01-01")->days == 0);
  CHECK(Date::from_ymd(1900, 3, 1).to_string() == "1900-03-01");
}

TEST_CASE("dates are written with their digits in both orders, for every day of 0 to 9999") {
  CHECK(Date::from_ymd(2026, 3, 5).to_dmy_string() == "05.03.2026");
  CHECK(Date::from_ymd(7, 12, 31).to_string() == "0007-12-31");
  CHECK(Date::from_ymd(9999, 12, 31).to_dmy_string() == "31.12.9999");
  for (Date day = Date::from_ymd(0, 1, 1); day <= Date::from_ymd(9999, 12, 31);
       day = day.plus_days(1)) {
    const std::string iso = fmt::format("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    if (day.to_string() != iso) FAIL_CHECK(iso);
    if (day.to_dmy_string() != fmt::format("{:02}.{:02}.{:04}", day.day(), day.month(), day.year()))
      FAIL_CHECK(iso);
  }
  // Outside those years the written form stays fmt's.
  CHECK(Date::from_ymd(10000, 1, 2).to_string() == "10000-01-02");
  CHECK(Date::from_ymd(10000, 1, 2).to_dmy_string() == "02.01.10000");
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(find_invalid_utf8("Grüße 世界") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xff") == 2);
  CHECK(find_invalid_utf8("\xc0\xaf") == 0);          // overlong '/'
  CHECK(find_invalid_utf8("x\xed\xa0\x80") == 1);     // surrogate
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("abc\xe2\x82") == 3);       // truncated
}

TEST_CASE("display width counts umlauts as one column and CJK as two") {
  CHECK(display_width("Größe") == 5);
  CHECK(display_width("世界") == 4);
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(pad_right("ä", 3) == "ä  ");
  CHECK(pad_left("世", 3) == " 世");
  CHECK(truncate_to_width("Wirkungstreppe", 6) == "Wirku…");
  CHECK(display_width(truncate_to_width("世界世界", 5)) <= 5);
  // ASCII takes a short path: one column a byte, NUL none, mixed with wider text.
  CHECK(display_width("abc") == 3);
  CHECK(display_width(std::string_view("a\0b", 3)) == 2);
  CHECK(display_width("Ab世ä") == 5);
}

TEST_CASE("user text in a message keeps one line and shows its control characters") {
  CHECK(visible_controls("a\nb\tc\x1b[2J\x7f") == "a\\nb\\tc\\x1b[2J\\x7f");
  CHECK(visible_controls("Größe") == "Größe");
  CHECK(message_excerpt("kurz") == "kurz");
  const std::string long_text = std::string(59, 'x') + "äbc";  // ä spans bytes 59 and 60
  CHECK(message_excerpt(long_text) == std::string(59, 'x') + "…");
  CHECK(message_excerpt(std::string(60, 'y')) == std::string(60, 'y'));
}

TEST_CASE("did-you-mean finds plausible typos only") {
  CHECK(closest_match("titel", {"id", "title", "stage"}) == "title");
  CHECK(closest_match("Title", {"id", "title"}) == "title");
  CHECK_FALSE(closest_match("zzzzzz", {"id", "title"}).has_value());
  CHECK(edit_distance("kitten", "sitting", 10) == 3);
  CHECK(edit_distance("a", "abcdef", 2) == 3);
  CHECK(edit_distance("titel", "title", 5) == 1);
  CHECK(edit_distance("ca", "abc", 5) == 3);
  CHECK(edit_distance("OC-elemnet-0042", "OC-element-0042", 5) == 1);
  CHECK(edit_distance("OC-elemnet-0042", "OC-element-1042", 5) == 2);
  CHECK(edit_distance("abcdefgh", "hgfedcba", 3) == 4);
  CHECK(edit_distance("abcdefgh", "hgfedcba", 10) == 7);
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("same", "same", 0) == 0);
}

TEST_CASE("edit_distance: the banded computation agrees with the full one") {
  // Full optimal-string-alignment table, for comparison.
  const auto full = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      for (size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.size()][b.size()];
  };
  const std::vector<std::string> words = {"",           "a",          "ab",        "ba",
                                          "abc",        "acb",        "kitten",    "sitting",
                                          "OC-element", "OC-elemnet", "CO-lement", "xyzzy",
                                          "aaaaaaaab",  "baaaaaaaa",  "titel",     "title"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      for (size_t limit : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{20}}) {
        CAPTURE(a);
        CAPTURE(b);
        CAPTURE(limit);
        CHECK(edit_distance(a, b, limit) == std::min(full(a, b), limit + 1));
      }
    }
  }
}

TEST_CASE("closest_match: no suggestion for a word longer than an id can be") {
  const std::string long_word(max_suggestion_length + 1, 'a');
  const std::string near(max_suggestion_length, 'a');
  CHECK_FALSE(closest_match(long_word, {near}).has_value());
  CHECK_FALSE(closest_match(near.substr(1) + "b", {long_word}).has_value());
  CHECK(closest_match(near.substr(1) + "b", {near}) == near);
  // The closest wins over an earlier, farther one; ties go to the first.
  CHECK(closest_match("OC-elemnet-0042", {"OC-element-0002", "OC-element-0042"}) ==
        "OC-element-0042");
  CHECK(closest_match("abcd", {"abxd", "abyd"}) == "abxd");
}

TEST_CASE("closest_match: a spent budget gives no more suggestions") {
  SuggestBudget budget{100};
  CHECK(closest_match("titel", {"id", "title"}, budget) == "title");
  CHECK(budget.cells < 100);
  budget.cells = 3;
  CHECK_FALSE(closest_match("titel", {"id", "title"}, budget).has_value());
  CHECK(budget.cells == 0);
  CHECK_FALSE(closest_match("titel", {"title"}, budget).has_value());
}

TEST_CASE("globs") {
  CHECK(glob_match("drafts/**", "drafts/a/b.yaml"));
  CHECK(glob_match("drafts", "drafts/x.yaml"));
  CHECK(glob_match("*.yml", "a.yml"));
  CHECK_FALSE(glob_match("*.yml", "dir/a.yml"));
  CHECK(glob_match("**/*.yml", "dir/sub/a.yml"));
  CHECK(glob_match("**/*.yml", "a.yml"));
  CHECK(glob_match("okrs/2025-Q?/*", "okrs/2025-Q3/x.yaml"));
  CHECK(glob_match("file[0-9].yaml", "file7.yaml"));
  CHECK_FALSE(glob_match("file[!0-9].yaml", "file7.yaml"));
  CHECK_FALSE(glob_match("drafts/**", "draftsx/a.yaml"));
}

TEST_CASE("colour precedence") {
  ColorEnvironment env;
  env.is_terminal = true;
  env.term = "xterm";
  CHECK(use_color(ColorMode::automatic, env));
  env.no_color = "1";
  CHECK_FALSE(use_color(ColorMode::automatic, env));
  env.force_color = "1";
  CHECK(use_color(ColorMode::automatic, env));
  CHECK_FALSE(use_color(ColorMode::never, env));
  ColorEnvironment dumb{nullptr, nullptr, nullptr, "dumb", true};
  CHECK_FALSE(use_color(ColorMode::automatic, dumb));
  CHECK(use_color(ColorMode::always, dumb));
  ColorEnvironment pipe{nullptr, nullptr, "1", "xterm", false};
  CHECK(use_color(ColorMode::automatic, pipe));
}

TEST_CASE("terminal_text: no escape sequences, no hidden or reordered text") {
  CHECK(terminal_text("Größe 漢字 ✓") == "Größe 漢字 ✓");
  CHECK(terminal_text("a\x1b[31mred\x07") == "a\uFFFD[31mred\uFFFD");
  CHECK(terminal_text("line\nbreak\ttab\r") == "line break tab ");
  CHECK(terminal_text("del\x7f c1\u009b") == "del\uFFFD c1\uFFFD");
  CHECK(terminal_text("x\u202Eevil\u2066y\u2069") == "x\uFFFDevil\uFFFDy\uFFFD");
  CHECK(terminal_text("bad \xff\xc3") == "bad \uFFFD\uFFFD");
  CHECK(terminal_text(std::string_view("nul\0z", 5)) == "nul\uFFFDz");
}

TEST_CASE("workflow_log_text: no line starts a workflow command") {
  CHECK(workflow_log_text("iooi: note: 50% done\n") == "iooi: note: 50% done\n");
  CHECK(workflow_log_text("::add-mask::x\n") == "%3A:add-mask::x\n");
  CHECK(workflow_log_text("a\n  ::stop-commands::t\rb::c") == "a\n  %3A:stop-commands::t\rb::c");
  CHECK(workflow_log_text("\u00a0\u3000::error::x") == "\u00a0\u3000%3A:error::x");
  CHECK(workflow_log_text("title ##[add-mask]x ##vso[task.complete]") ==
        "title ##%5Badd-mask]x ##vso%5Btask.complete]");
  CHECK(workflow_log_text("x: ::y [a] #[b]") == "x: ::y [a] #[b]");
  CHECK(workflow_log_text("") == "");
  CHECK(workflow_log_text("\n\n::") == "\n\n%3A:");
}

TEST_CASE("shorten_middle keeps start and end, cut between characters") {
  CHECK(shorten_middle("short", 10) == "short");
  CHECK(shorten_middle("abcdefghijkl", 6) == "abc … jkl");
  CHECK(shorten_middle("ääääää", 6) == "ä … ä");  // 2-byte characters: no half one
}

TEST_CASE("table width: COLUMNS first, then the terminal, else none") {
  CHECK(output_columns(nullptr, 0) == 0);
  CHECK(output_columns(nullptr, 132) == 132);
  CHECK(output_columns("", 132) == 132);
  CHECK(output_columns("100", 132) == 100);
  CHECK(output_columns("100", 0) == 100);
  CHECK(output_columns("1", 0) == 1);
  CHECK(output_columns("10000", 0) == 10000);
  for (const char* bad : {"0", "10001", "-5", "80x", " 80", "abc", "99999999999999999999999"}) {
    CAPTURE(bad);
    CHECK(output_columns(bad, 132) == 132);
    CHECK(output_columns(bad, 0) == 0);
  }
}

TEST_CASE("atomic writes replace the file or leave it untouched") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / ("iooi-atomic-" + std::to_string(getpid()));
  fs::create_directories(folder);
  const std::string target = (folder / "out.md").string();
  REQUIRE(write_file_atomically(target, "first"));
  REQUIRE(write_file_atomically(target, "second"));
  std::ifstream in(target);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str() == "second");
  const Result<Done> missing = write_file_atomically((folder / "missing" / "x").string(), "y");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("cannot create") != std::string::npos);
  CHECK(missing.error().kind == ErrorKind::input);
  CHECK_FALSE(write_file_atomically(folder.string(), "y"));
  size_t entries = 0;
  for ([[maybe_unused]] auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 1);  // no temporary file left behind
  fs::remove_all(folder);
}

TEST_CASE("Fd closes its descriptor once, and a move hands it over") {
  int raw = -1;
  {
    Fd first(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    REQUIRE(first.valid());
    raw = first.get();
    Fd second(std::move(first));
    CHECK_FALSE(first.valid());
    CHECK(second.get() == raw);
    CHECK(::fcntl(raw, F_GETFD) != -1);
  }
  CHECK(::fcntl(raw, F_GETFD) == -1);  // closed when `second` went away
  Fd empty;
  CHECK(empty.close());  // nothing to close is no failure
}

TEST_CASE("write_all writes every byte through a pipe") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  Fd read_end(ends[0]), write_end(ends[1]);
  const std::string text(10000, 'x');
  REQUIRE(write_all(write_end.get(), text));
  REQUIRE(write_end.close());
  std::string got(20000, '\0');
  size_t filled = 0;
  for (ssize_t n; (n = ::read(read_end.get(), got.data() + filled, got.size() - filled)) > 0;)
    filled += static_cast<size_t>(n);
  CHECK(got.substr(0, filled) == text);
}

TEST_CASE("atomic writes of streamed content: all pieces, or nothing when the writer fails") {
  namespace fs = std::filesystem;
  const fs::path folder =
      fs::temp_directory_path() / ("iooi-atomic-stream-" + std::to_string(getpid()));
  fs::create_directories(folder);
  const std::string target = (folder / "out.csv").string();
  REQUIRE(write_file_atomically(target, "old"));
  const StreamWriter pieces = [](std::ostream& out) {
    for (int i = 0; i < 1000; ++i) out << "piece " << i << '\n';
  };
  REQUIRE(write_file_atomically(target, pieces));
  std::ifstream in(target);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str().rfind("piece 0\npiece 1\n", 0) == 0);
  CHECK(content.str().size() == 10 * 8 + 90 * 9 + 900 * 10);
  const StreamWriter failing = [](std::ostream& out) {
    out << "half a report";
    throw std::runtime_error("out of memory");
  };
  CHECK_THROWS_AS(write_file_atomically(target, failing), std::runtime_error);
  std::ifstream again(target);
  std::stringstream unchanged;
  unchanged << again.rdbuf();
  CHECK(unchanged.str() == content.str());
  size_t entries = 0;
  for ([[maybe_unused]] auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 1);  // no temporary file left behind
  fs::remove_all(folder);
}

TEST_CASE("replace_chars replaces only the characters it is told about") {
  const auto quote_and_newline = [](char c) -> const char* {
    if (c == '"') return "\\\"";
    if (c == '\n') return " ";
    return nullptr;
  };
  CHECK(replace_chars("a \"b\"\nc ä", quote_and_newline) == "a \\\"b\\\" c ä");
  CHECK(replace_chars("", quote_and_newline).empty());
}
