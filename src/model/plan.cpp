#include "iooi/model/plan.h"

namespace iooi {

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
