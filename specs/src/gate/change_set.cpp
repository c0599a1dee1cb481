#include "proofbox/specs/gate/change_set.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace proofbox::specs::gate {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string stem_of(const std::string& file, std::initializer_list<const char*> extensions) {
  for (const char* ext : extensions) {
    const std::string suffix(ext);
    if (file.size() > suffix.size() &&
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return file.substr(0, file.size() - suffix.size());
    }
  }
  return "";
}

std::string status_word(const GitChange& change, bool old_side) {
  switch (change.status) {
    case 'A':
      return "added";
    case 'D':
      return "deleted";
    case 'R':
      return old_side ? "renamed to " + change.path : "renamed from " + change.old_path;
    case 'C':
      return "copied from " + change.old_path;
    case 'T':
      return "type changed";
    case 'U':
      return "unmerged";
    case '?':
      return "untracked";
    default:
      return "modified";
  }
}

void classify_path(std::vector<Change>& out, const std::string& path, const std::string& note,
                   const CookbookDirs& head_dirs, const CookbookDirs& base_dirs) {
  const auto parts = split_path(path);
  const std::string& top = parts[0];
  if (top == "cookbooks" || top == "site-cookbooks") {
    if (parts.size() == 2) {
      // chefignore and the like decide which files of every cookbook in the root count.
      std::set<std::string> names;
      for (const auto* dirs : {&head_dirs, &base_dirs}) {
        for (const auto& [dir, name] : *dirs) {
          if (dir.rfind(top + "/", 0) == 0) names.insert(name);
        }
      }
      for (const auto& name : names) add_change(out, ChangeKind::kCookbook, name, note);
      if (names.empty()) add_change(out, ChangeKind::kNoted, "other", note);
      return;
    }
    const std::string dir = top + "/" + parts[1];
    auto head = head_dirs.find(dir);
    auto base = base_dirs.find(dir);
    const std::string name = head != head_dirs.end()   ? head->second
                             : base != base_dirs.end() ? base->second
                                                       : parts[1];
    add_change(out, ChangeKind::kCookbook, name, note);
    // A cookbook renamed in its metadata: the old name is affected as well.
    if (head != head_dirs.end() && base != base_dirs.end() && head->second != base->second) {
      add_change(out, ChangeKind::kCookbook, base->second, note);
    }
    return;
  }
  if ((top == "roles" || top == "environments") && parts.size() == 2) {
    const std::string stem = stem_of(parts[1], {".json", ".rb"});
    if (!stem.empty()) {
      add_change(out, top == "roles" ? ChangeKind::kRole : ChangeKind::kEnvironment, stem, note);
      return;
    }
  }
  if (top == "data_bags" && parts.size() >= 3) {
    add_change(out, ChangeKind::kDataBag, parts[1], note);
    return;
  }
  if (top == "spec" && parts.size() >= 3 && parts[1] == "functional") {
    const std::string stem = parts.size() == 3 ? stem_of(parts[2], {".yml", ".yaml"}) : "";
    if (!stem.empty()) {
      add_change(out, ChangeKind::kFunctionalSpec, stem, note);
    } else {
      add_change(out, ChangeKind::kEveryRole, "shared functional spec file", note);
    }
    return;
  }
  if (parts.size() == 1 && (top == "proofbox.yml" || top == "proofbox.yaml" ||
                            top == ".proofbox.yml" || top == ".proofbox.yaml")) {
    add_change(out, ChangeKind::kEveryRole, "harness configuration", note);
    return;
  }
  if (top == "nodes") {
    add_change(out, ChangeKind::kNoted, "nodes", note);
  } else if (top == "spec" && parts.size() >= 2 && parts[1] == "unit") {
    add_change(out, ChangeKind::kNoted, "unit specs", note);
  } else {
    add_change(out, ChangeKind::kNoted, "other", note);
  }
}

}  // namespace

std::string to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kCookbook:
      return "cookbook";
    case ChangeKind::kRole:
      return "role";
    case ChangeKind::kEnvironment:
      return "environment";
    case ChangeKind::kDataBag:
      return "data bag";
    case ChangeKind::kFunctionalSpec:
      return "functional spec";
    case ChangeKind::kEveryRole:
      return "every role";
    case ChangeKind::kNoted:
      return "noted";
  }
  return "noted";
}

std::string Change::describe() const {
  std::string text;
  switch (kind) {
    case ChangeKind::kFunctionalSpec:
      text = "functional spec of role " + name + " changed";
      break;
    case ChangeKind::kEveryRole:
    case ChangeKind::kNoted:
      text = name + " changed";
      break;
    default:
      text = to_string(kind) + " " + name + " changed";
  }
  if (!paths.empty()) {
    text += " (" + paths.front();
    if (paths.size() > 1) text += " and " + std::to_string(paths.size() - 1) + " more";
    text += ")";
  }
  return text;
}

void add_change(std::vector<Change>& changes, ChangeKind kind, const std::string& name,
                const std::string& path_note) {
  auto at = std::find_if(changes.begin(), changes.end(), [&](const Change& change) {
    return change.kind == kind && change.name == name;
  });
  if (at == changes.end()) {
    changes.push_back(Change{kind, name, {}});
    at = changes.end() - 1;
  }
  if (std::find(at->paths.begin(), at->paths.end(), path_note) == at->paths.end()) {
    at->paths.push_back(path_note);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
  });
}

std::vector<Change> classify_changes(const std::vector<GitChange>& changes,
                                     const CookbookDirs& head_dirs, const CookbookDirs& base_dirs) {
  std::vector<Change> out;
  for (const auto& change : changes) {
    if (!change.old_path.empty() && change.status == 'R') {
      classify_path(out, change.old_path, change.old_path + " " + status_word(change, true),
                    head_dirs, base_dirs);
    }
    classify_path(out, change.path, change.path + " " + status_word(change, false), head_dirs,
                  base_dirs);
  }
  return out;
}

}  // namespace proofbox::specs::gate
