#pragma once
// Numbers with one decimal for drawings: a chart of a big plan writes millions of
// coordinates, and fmt's "{:.1f}" takes an exact but slow path for a fixed precision.
#include <string>

namespace iooi {

// Appends `value` with one decimal, byte for byte as fmt's "{:.1f}" writes it
// ("72.0", "-0.4", "nan"): ties and numbers beyond 1e14 are left to fmt itself.
void append_one_decimal(std::string& out, double value);

}  // namespace iooi
