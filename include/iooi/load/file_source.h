#pragma once
// Where the loader reads plan files from (docs/history.md): the disk, or the tree of
// a git commit. Both feed the same reader, decoder and merge, so a committed plan
// means exactly what the same files on disk mean.
#include <cstddef>
#include <string>

namespace iooi {

// The bytes of one plan file, or why there are none.
struct SourceBytes {
  std::string bytes;
  std::string error;  // could not read: the run stops
  bool too_large = false;
  size_t size = 0;  // when too_large: the size found
};

class FileSource {
 public:
  FileSource() = default;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  virtual ~FileSource() = default;

  // Reads the file at `location` (as the source's discovery named it: an absolute
  // path on disk, a path from the top of a git tree), at most `max_bytes`. Called
  // from several threads at once.
  virtual SourceBytes read(const std::string& location, size_t max_bytes) const = 0;

 protected:
  FileSource(FileSource&&) = default;
  FileSource& operator=(FileSource&&) = default;
};

// Files on disk, opened without blocking (a FIFO swapped in after discovery must
// not hang the run).
class DiskSource final : public FileSource {
 public:
  SourceBytes read(const std::string& location, size_t max_bytes) const override;
};

}  // namespace iooi
