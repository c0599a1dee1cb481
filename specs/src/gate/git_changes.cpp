#include "proofbox/specs/gate/git_changes.hpp"

#include <algorithm>

#include "gate/child_process.hpp"
#include "proofbox/specs/gate/gate_error.hpp"

namespace proofbox::specs::gate {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

// First line of git's complaint, for error messages.
std::string first_line(const std::string& text) {
  const std::string trimmed = trim(text);
  const auto end = trimmed.find('\n');
  return end == std::string::npos ? trimmed : trimmed.substr(0, end);
}

ChildResult git(const fs::path& repo, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", repo.string()});
  return run_child(args);
}

// Splits NUL-separated fields; a trailing NUL ends the last field.
std::vector<std::string_view> split_nul(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\0', start);
    if (end == std::string_view::npos) {
      fields.push_back(text.substr(start));
      break;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return fields;
}

}  // namespace

std::vector<GitChange> parse_name_status_z(std::string_view output) {
  std::vector<GitChange> changes;
  const auto fields = split_nul(output);
  for (std::size_t i = 0; i < fields.size();) {
    const std::string_view status = fields[i++];
    if (status.empty() || std::string_view("AMDRCTUX").find(status[0]) == std::string_view::npos) {
      throw GateError("unexpected git diff output: status '" + std::string(status) + "'");
    }
    GitChange change;
    change.status = status[0];
    const bool two_paths = change.status == 'R' || change.status == 'C';
    if (i + (two_paths ? 2 : 1) > fields.size()) {
      throw GateError("unexpected git diff output: '" + std::string(status) + "' without a path");
    }
    if (two_paths) change.old_path = std::string(fields[i++]);
    change.path = std::string(fields[i++]);
    changes.push_back(std::move(change));
  }
  return changes;
}

GitBase resolve_base(const fs::path& repo, const std::string& ref) {
  std::error_code ec;
  if (!fs::is_directory(repo, ec)) throw GateError(repo.string() + " is not a directory");
  auto inside =
      git(repo, {"rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix"});
  if (inside.exit_status != 0 || trim(inside.out).rfind("true", 0) != 0) {
    throw GateError(repo.string() + " is not inside a git work tree (" + first_line(inside.err) +
                    ")");
  }
  GitBase base;
  base.ref = ref;
  // "true", the top, and the prefix (an empty line at the top of the work tree).
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < inside.out.size()) {
    auto end = inside.out.find('\n', start);
    if (end == std::string::npos) end = inside.out.size();
    lines.push_back(inside.out.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() < 2) throw GateError("unexpected git rev-parse output: " + inside.out);
  base.top = lines[1];
  base.prefix = lines.size() > 2 ? lines[2] : "";
  // A ref that looks like an option would be read as one by git.
  if (ref.empty() || ref[0] == '-') {
    throw GateError("unknown base ref '" + ref + "': not a ref name");
  }
  auto commit = git(repo, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (commit.exit_status != 0) {
    throw GateError("unknown base ref '" + ref + "': no such commit in " + repo.string() +
                    " (in CI fetch it first, e.g. `git fetch origin " + ref +
                    "`, and check out with full history)");
  }
  base.commit = trim(commit.out);
  auto merge_base = git(repo, {"merge-base", base.commit, "HEAD"});
  if (merge_base.exit_status != 0) {
    throw GateError("'" + ref + "' and HEAD have no common history in " + repo.string() +
                    " (a shallow clone? fetch with full history)");
  }
  base.merge_base = trim(merge_base.out);
  return base;
}

std::vector<GitChange> changed_paths(const fs::path& repo, const GitBase& base) {
  auto diff = git(repo, {"diff", "--name-status", "-z", "-M", "--relative", "--no-ext-diff",
                         "--no-color", base.merge_base, "--"});
  if (diff.exit_status != 0) throw GateError("git diff failed: " + first_line(diff.err));
  std::vector<GitChange> changes = parse_name_status_z(diff.out);

  auto untracked = git(repo, {"ls-files", "--others", "--exclude-standard", "-z"});
  if (untracked.exit_status != 0) {
    throw GateError("git ls-files failed: " + first_line(untracked.err));
  }
  for (auto path : split_nul(untracked.out)) {
    if (!path.empty()) changes.push_back(GitChange{'?', std::string(path), ""});
  }
  std::sort(changes.begin(), changes.end(),
            [](const GitChange& a, const GitChange& b) { return a.path < b.path; });
  return changes;
}

bool export_base_tree(const fs::path& repo, const GitBase& base, const fs::path& dest) {
  const std::string tree = base.merge_base + ":" + base.prefix;
  if (git(repo, {"cat-file", "-e", tree}).exit_status != 0) return false;
  const fs::path tar = dest / ".proofbox-base.tar";
  // From the top: archive resolves paths against the directory it runs in.
  auto archive = git(base.top, {"archive", "--format=tar", "-o", tar.string(), tree});
  if (archive.exit_status != 0) {
    throw GateError("git archive of the base failed: " + first_line(archive.err));
  }
  auto extract = run_child({"tar", "-x", "-f", tar.string(), "-C", dest.string()});
  std::error_code ec;
  fs::remove(tar, ec);
  if (extract.exit_status != 0) {
    throw GateError("cannot unpack the base tree: " + first_line(extract.err));
  }
  return true;
}

}  // namespace proofbox::specs::gate
