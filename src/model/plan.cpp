#include "iooi/model/plan.h"

#include <cstring>

namespace iooi {

std::string_view CompactText::view() const {
  if (block_ == nullptr) return {};
  size_t size = 0;
  std::memcpy(&size, block_.get(), sizeof size);
  return {block_.get() + sizeof size, size};
}

void CompactText::assign(std::string_view text) {
  if (text.empty()) {
    block_.reset();
    return;
  }
  const size_t size = text.size();
  auto block = std::make_unique_for_overwrite<char[]>(sizeof size + size);
  std::memcpy(block.get(), &size, sizeof size);
  std::memcpy(block.get() + sizeof size, text.data(), size);
  block_ = std::move(block);
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::input:
      return "input";
    case Level::output:
      return "output";
    case Level::outcome:
      return "outcome";
    case Level::impact:
      return "impact";
  }
  return "input";
}

std::string_view level_section(Level level) {
  switch (level) {
    case Level::input:
      return "inputs";
    case Level::output:
      return "outputs";
    case Level::outcome:
      return "outcomes";
    case Level::impact:
      return "impacts";
  }
  return "inputs";
}

}  // namespace iooi
