#pragma once
#include <string>

namespace iooi {

// Why `-o FILE` should not be written (docs/security.md, "Writing --output"), or ""
// when it may: FILE is a symlink (a checked-out pull request may hold one pointing
// at ~/.ssh/authorized_keys), or the folder it lands in, symlinks followed, lies
// outside `working_dir`. Devices, FIFOs and sockets (`/dev/null`, `/dev/stdout`)
// are written in place and stay allowed; so is a folder that does not exist (the
// write then fails with its own message).
std::string output_target_refusal(const std::string& path, const std::string& working_dir);

}  // namespace iooi
