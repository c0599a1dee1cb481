#pragma once
// `proofbox diff A B`: what differs between two sources (snapshots now; repos and servers once
// their readers are wired into load_source).
#include <ostream>
#include <string>

#include "proofbox/backup/source.hpp"

namespace proofbox::cli {

struct DiffOptions {
  std::string a;
  std::string b;
  std::string format = "human";  // human | json
};

// Exit statuses, as scripts rely on them.
inline constexpr int kDiffSame = 0;
inline constexpr int kDiffDiffer = 1;
inline constexpr int kDiffError = 2;

// The readers load_source gets for repo and server sources in the real binary.
backup::SourceReaders default_source_readers();

// Loads both sides, prints the difference to `out` (errors as one line to `err`) and returns
// kDiffSame, kDiffDiffer or kDiffError.
int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err,
             const backup::SourceReaders& readers);

}  // namespace proofbox::cli
