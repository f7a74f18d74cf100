// Placeholder until the sarif format lands; its owner replaces this file.
#include "iooi/render/check_output.h"

namespace iooi {

std::string render_check_sarif(const Findings& findings, const CheckRun& run) {
  return render_check_text(findings, run);
}

}  // namespace iooi
