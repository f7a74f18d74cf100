#pragma once
// Renderers write a report in pieces: text collects in a buffer that goes to the
// output stream whenever it passes a chunk size, so that a big report (tens of
// MiB of JSON) never exists as one string and the stream sees few, large writes.
#include <fmt/format.h>

#include <ostream>
#include <string_view>

namespace iooi {

class ChunkedOutput {
 public:
  // What is collected before one write (also the JSON renderer's chunk).
  static constexpr size_t chunk_size = size_t{64} * 1024;

  explicit ChunkedOutput(std::ostream& out) : out_(out) {}
  ChunkedOutput(const ChunkedOutput&) = delete;
  ChunkedOutput& operator=(const ChunkedOutput&) = delete;
  ~ChunkedOutput() = default;  // without flush(): an exception must not leave half a report

  ChunkedOutput& operator<<(std::string_view text) {
    buffer_.append(text.data(), text.data() + text.size());
    flush_if_full();
    return *this;
  }
  ChunkedOutput& operator<<(char c) {
    buffer_.push_back(c);
    flush_if_full();
    return *this;
  }
  template <typename... Args>
  void format(fmt::format_string<Args...> format_text, Args&&... args) {
    fmt::format_to(fmt::appender(buffer_), format_text, std::forward<Args>(args)...);
    flush_if_full();
  }
  // A format string chosen at run time (a translated label).
  template <typename... Args>
  void format_runtime(std::string_view format_text, Args&&... args) {
    fmt::format_to(fmt::appender(buffer_), fmt::runtime(format_text), std::forward<Args>(args)...);
    flush_if_full();
  }
  // Writes what is left; the renderer calls it once at the end.
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  void flush_if_full() {
    if (buffer_.size() >= chunk_size) flush();
  }

  std::ostream& out_;
  fmt::memory_buffer buffer_;
};

}  // namespace iooi
