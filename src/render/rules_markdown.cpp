// Placeholder until the markdown rules format lands; its owner replaces this file.
#include "iooi/render/rules_output.h"

namespace iooi {

std::string render_rules_markdown() { return render_rules_text(); }

}  // namespace iooi
