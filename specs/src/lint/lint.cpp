#include "proofbox/specs/lint.hpp"

#include <fstream>
#include <map>
#include <set>

#include "proofbox/zero/model/environment.hpp"
#include "proofbox/zero/model/run_list.hpp"
#include "proofbox/zero/model/version.hpp"

namespace proofbox::specs {
namespace {

namespace model = proofbox::zero::model;
namespace fs = std::filesystem;

// cookbook name -> versions and recipe names ("cb::default", "cb::x")
struct CookbookIndex {
  std::map<std::string, std::vector<model::Version>> versions;
  std::map<std::string, std::set<std::string>> recipes;

  explicit CookbookIndex(const backup::ChefData& data) {
    for (const auto& [key, doc] : data.cookbooks) {
      const std::string name = doc.value("cookbook_name", std::string());
      if (auto v = model::parse_version(doc.value("version", std::string()))) {
        versions[name].push_back(*v);
      }
      auto& names = recipes[name];
      for (const auto& file : doc.value("all_files", Json::array())) {
        const std::string path = file.value("path", std::string());
        if (path.starts_with("recipes/") && path.ends_with(".rb") &&
            path.find('/', 8) == std::string::npos) {
          names.insert(name + "::" + path.substr(8, path.size() - 11));
        }
      }
      const Json meta = doc.value("metadata", Json::object());
      const Json declared = meta.value("recipes", Json::object());
      for (const auto& [recipe, description] : declared.items()) {
        names.insert(recipe.find("::") == std::string::npos ? recipe + "::default" : recipe);
      }
    }
  }
};

// The first line of `file` holding `needle`, 0 when none does.
int line_of(const fs::path& file, const std::string& needle) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find(needle) != std::string::npos) return n;
  }
  return 0;
}

CaseResult make_case(const LoadedRepo& repo, std::string name, const fs::path& file) {
  CaseResult c;
  c.name = std::move(name);
  c.classname = "lint";
  c.file = repo.relative(file);
  return c;
}

void add_problem(CaseResult& c, const fs::path& file, const std::string& needle,
                 const std::string& message) {
  const int line = file.empty() ? 0 : line_of(file, needle);
  if (c.outcome == Outcome::kPassed) c.line = line;
  c.outcome = Outcome::kFailed;
  if (!c.message.empty()) c.message += "\n";
  c.message += (line > 0 ? "line " + std::to_string(line) + ": " : std::string()) + message;
}

void check_run_list(const Json& run_list, const std::string& where, const LoadedRepo& repo,
                    const CookbookIndex& cookbooks, const fs::path& file, CaseResult& c) {
  if (!run_list.is_array()) return;
  for (const auto& entry : run_list) {
    if (!entry.is_string()) continue;
    const std::string text = entry.get<std::string>();
    auto item = model::parse_run_list_item(text);
    if (!item) continue;  // the reader already refuses invalid items
    const std::string needle(item->name);
    if (item->is_role()) {
      if (!repo.role(item->name)) {
        add_problem(c, file, needle, where + ": " + text + " names a role the repo does not have");
      }
      continue;
    }
    const std::string cookbook(item->cookbook());
    auto versions = cookbooks.versions.find(cookbook);
    if (versions == cookbooks.versions.end()) {
      add_problem(c, file, needle,
                  where + ": " + text + " names cookbook '" + cookbook +
                      "', which is not in cookbooks/ or site-cookbooks/");
      continue;
    }
    const std::string recipe = cookbook + "::" + std::string(item->recipe());
    if (!cookbooks.recipes.at(cookbook).count(recipe)) {
      add_problem(c, file, needle,
                  where + ": " + text + " names recipe '" + recipe + "', but cookbook '" +
                      cookbook + "' has no recipes/" + std::string(item->recipe()) + ".rb");
    }
    if (item->version) {
      auto want = model::parse_version(*item->version);
      bool found = false;
      for (const auto& v : versions->second) found = found || (want && *want == v);
      if (!found) {
        add_problem(c, file, needle,
                    where + ": " + text + " pins version " + *item->version +
                        ", which the repo does not have");
      }
    }
  }
}

}  // namespace

std::vector<CaseResult> lint_repo(const LoadedRepo& repo) {
  std::vector<CaseResult> out;
  if (repo.problems.empty()) {
    out.push_back(
        make_case(repo, "every file loads (" + std::to_string(repo.files.size()) + " read)", {}));
  }
  for (const auto& p : repo.problems) {
    CaseResult c = make_case(repo, repo.relative(p.file) + " loads", p.file);
    c.line = p.line;
    c.outcome = Outcome::kFailed;
    c.message =
        repo.relative(p.file) + (p.line > 0 ? ":" + std::to_string(p.line) : "") + ": " + p.message;
    out.push_back(std::move(c));
  }

  const CookbookIndex cookbooks(repo.data);
  auto source = [&](const char* kind, const std::string& name) -> fs::path {
    auto k = repo.sources.find(kind);
    if (k == repo.sources.end()) return {};
    auto it = k->second.find(name);
    return it == k->second.end() ? fs::path() : it->second;
  };

  for (const auto& [name, role] : repo.data.roles) {
    const fs::path file = source("roles", name);
    CaseResult c =
        make_case(repo, "role[" + name + "] names existing cookbooks, recipes and roles", file);
    check_run_list(role.value("run_list", Json::array()), "run_list", repo, cookbooks, file, c);
    const Json env_run_lists = role.value("env_run_lists", Json::object());
    for (const auto& [env, list] : env_run_lists.items()) {
      check_run_list(list, "env_run_lists[" + env + "]", repo, cookbooks, file, c);
    }
    out.push_back(std::move(c));
  }
  for (const auto& [name, node] : repo.data.nodes) {
    const fs::path file = source("nodes", name);
    CaseResult c =
        make_case(repo, "node " + name + " names existing cookbooks, recipes and roles", file);
    check_run_list(node.value("run_list", Json::array()), "run_list", repo, cookbooks, file, c);
    out.push_back(std::move(c));
  }
  for (const auto& [name, env] : repo.data.environments) {
    const fs::path file = source("environments", name);
    CaseResult c = make_case(repo, "environment " + name + " pins are satisfiable", file);
    for (const auto& [cookbook, constraint] : model::environment_constraints(env)) {
      auto versions = cookbooks.versions.find(cookbook);
      const std::string pin = cookbook + " " + model::to_string(constraint);
      if (versions == cookbooks.versions.end()) {
        add_problem(c, file, cookbook,
                    "pin " + pin + ": no cookbook '" + cookbook + "' in the repo");
        continue;
      }
      bool ok = false;
      std::string have;
      for (const auto& v : versions->second) {
        ok = ok || constraint.satisfied_by(v);
        have += (have.empty() ? "" : ", ") + model::to_string(v);
      }
      if (!ok) {
        add_problem(c, file, cookbook,
                    "pin " + pin + " is not satisfiable\n    actual: the repo has " + cookbook +
                        " " + have);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace proofbox::specs
