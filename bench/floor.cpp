// The floor of the performance targets (docs/performance.md): the least work any tool must do
// to read a plan repository with yaml-cpp, namely walk the folder, read each file
// and run yaml-cpp's event parser over it with a handler that does nothing.
// Single-threaded on purpose: the targets compare iooi against this.
//
//   iooi_floor DIR|FILE...    prints "files=N bytes=N documents=N errors=N" to stdout
//
// Files are found and read the way iooi does it: *.yaml and *.yml below each
// folder, skipping names that start with '.', sorted by path; each file is read
// whole into one string (open, fstat, read: src/load/load_plan.cpp) and parsed in
// place through a streambuf over those bytes (src/yaml/read_yaml.cpp), so no
// stringstream copy is counted. The string is reused from file to file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace fs = std::filesystem;

class ViewStreambuf final : public std::streambuf {
 public:
  explicit ViewStreambuf(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

// Receives every event and keeps nothing: the parser's cost alone.
class NoOpHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool is_plan_file(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void collect(const fs::path& folder, std::vector<fs::path>& files) {
  std::error_code error;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(folder, options, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    if (is_hidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && is_plan_file(it->path())) files.push_back(it->path());
  }
}

// open + fstat + read into one string, as src/load/load_plan.cpp reads a plan file.
bool read_whole_file(const fs::path& path, std::string& bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    return false;
  }
  bytes.resize(static_cast<size_t>(info.st_size));
  size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    filled += static_cast<size_t>(got);
  }
  ::close(fd);
  bytes.resize(filled);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: iooi_floor DIR|FILE...\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path path = argv[i];
    if (fs::is_directory(path)) {
      collect(path, files);
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());

  size_t bytes_total = 0;
  size_t documents = 0;
  size_t errors = 0;
  std::string bytes;
  NoOpHandler handler;
  for (const fs::path& path : files) {
    if (!read_whole_file(path, bytes)) {
      std::cerr << "iooi_floor: cannot read " << path << '\n';
      return 2;
    }
    bytes_total += bytes.size();
    ViewStreambuf buffer(bytes);
    std::istream stream(&buffer);
    try {
      YAML::Parser parser(stream);
      while (parser.HandleNextDocument(handler)) ++documents;
    } catch (const YAML::Exception& e) {
      ++errors;
      std::cerr << path.string() << ": " << e.what() << '\n';
    }
  }
  std::printf("files=%zu bytes=%zu documents=%zu errors=%zu\n", files.size(), bytes_total,
              documents, errors);
  return errors == 0 ? 0 : 1;
}
