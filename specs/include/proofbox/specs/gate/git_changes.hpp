#pragma once
// What changed in a chef-repo kept in git, relative to a base ref — the input of `proofbox
// gate`. The repo may be the top of the git work tree or a folder inside it (paths are then
// relative to that folder and changes outside it are left out).
//
// The comparison is the merge base of REF and HEAD against the work tree: what `git diff
// REF...HEAD` shows plus uncommitted edits and untracked, not ignored files, so a local run
// before committing never misses an edit (in CI the work tree is HEAD and both are the same).
// Renames are detected (-M) and reported with both paths: the old side still matters (a
// deleted or renamed cookbook is still named by the roles that ran it).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace proofbox::specs::gate {

struct GitChange {
  // 'A' added, 'M' modified, 'D' deleted, 'R' renamed, 'C' copied, 'T' type changed,
  // 'U' unmerged, '?' untracked.
  char status = 'M';
  std::string path;      // repo-relative, '/'-separated (the new path of a rename or copy)
  std::string old_path;  // the source of a rename or copy, else empty
};

// Parses `git diff --name-status -z` output ("M\0path\0", "R087\0old\0new\0").
// Throws GateError on output that does not have that shape.
std::vector<GitChange> parse_name_status_z(std::string_view output);

struct GitBase {
  std::string ref;         // as the user gave it
  std::string commit;      // the ref resolved to a commit
  std::string merge_base;  // merge-base(ref, HEAD), the commit the change is compared with
  std::string prefix;      // the repo folder inside the git work tree, "" or "sub/dir/"
  std::string top;         // the top of the git work tree
};

// Checks that `repo` is inside a git work tree and that `ref` names a commit sharing history
// with HEAD. GateError: "REPO is not inside a git work tree", "unknown base ref 'R' ...",
// "'R' and HEAD have no common history".
GitBase resolve_base(const std::filesystem::path& repo, const std::string& ref);

// Every path under `repo` that differs between base.merge_base and the work tree, sorted by
// path.
std::vector<GitChange> changed_paths(const std::filesystem::path& repo, const GitBase& base);

// Writes the repo folder as it was at base.merge_base into `dest` (an existing empty
// directory). Returns false when the folder did not exist at that commit.
bool export_base_tree(const std::filesystem::path& repo, const GitBase& base,
                      const std::filesystem::path& dest);

}  // namespace proofbox::specs::gate
