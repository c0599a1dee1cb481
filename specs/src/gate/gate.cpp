#include "proofbox/specs/gate/gate.hpp"

#include <stdlib.h>

#include <optional>

#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/specs/gate/gate_error.hpp"
#include "proofbox/specs/gate/object_changes.hpp"

namespace proofbox::specs::gate {
namespace {

namespace fs = std::filesystem;

// A private temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "proofbox-gate-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw GateError("cannot create a temporary directory under " +
                      fs::temp_directory_path().string());
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

GateAnalysis analyze_change(const fs::path& repo, const std::string& base_ref) {
  GateAnalysis analysis;
  analysis.base = resolve_base(repo, base_ref);
  analysis.paths = changed_paths(repo, analysis.base);

  RepoGraph head;
  try {
    head = load_repo_graph(repo);
  } catch (const backup::repo::RepoError& e) {
    throw GateError(std::string("the repo at HEAD does not load: ") + e.what());
  }

  std::optional<RepoGraph> base;
  std::string base_note;
  CookbookDirs base_dirs;
  {
    TempDir tree;
    if (!export_base_tree(repo, analysis.base, tree.path())) {
      base_note = "the repo did not exist at the base commit: everything in it is new";
      base = RepoGraph{};
    } else {
      base_dirs = read_cookbook_dirs(tree.path());
      try {
        base = load_repo_graph(tree.path());
      } catch (const std::exception& e) {
        base_note = std::string("the repo does not load at the base commit (") + e.what() +
                    "): environments count as wholly changed";
      }
    }
  }

  std::vector<Change> changes = classify_changes(analysis.paths, head.cookbook_dirs, base_dirs);
  if (base) add_object_changes(changes, head, *base);
  analysis.selection = select_roles(std::move(changes), head, base ? &*base : nullptr);
  if (!base_note.empty()) analysis.selection.notes.push_back(base_note);
  return analysis;
}

}  // namespace proofbox::specs::gate
