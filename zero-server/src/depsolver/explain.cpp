#include "explain.hpp"

#include <algorithm>
#include <optional>

namespace proofbox::zero::depsolver::detail {
namespace {

using Id = Universe::Id;

// Bounds on the error report's path search, which is exponential on wide diamonds.
constexpr std::size_t kMaxPaths = 64;
constexpr std::size_t kMaxPathVisits = 200000;

class Explainer {
 public:
  explicit Explainer(const Problem& p) : p_(p), u_(*p.universe) {}

  Failure run() {
    // 1. The first run-list prefix with no solution (dep_selector adds solution constraints
    //    one at a time).
    std::optional<std::size_t> failing;
    std::vector<Id> targets;
    for (std::size_t k = 0; k < p_.roots.size(); ++k) {
      auto r = solve_prefix(k + 1, {});
      if (r.status == SearchStatus::step_limit) return out_of_time();
      if (r.status == SearchStatus::unsatisfiable) {
        failing = k;
        targets = std::move(r.conflict_targets);
        break;
      }
    }
    const std::size_t idx = failing.value_or(p_.roots.size() - 1);
    compute_reach_order();

    // 2. The cookbooks whose incoming constraints must be dropped.
    std::vector<Id> culprits;
    if (auto found = find_culprits(idx + 1, targets)) {
      culprits = std::move(*found);
    } else if (timed_out_) {
      return out_of_time();
    } else {
      culprits.push_back(p_.roots[idx].cookbook);
    }

    NoSolution detail;
    std::optional<Id> report_on;
    for (Id c : culprits) {
      if (u_.cookbook(c).version_count == 0) {
        detail.non_existent_cookbooks.push_back(u_.cookbook(c).name);
        if (!report_on) report_on = c;
      }
    }
    for (Id c : culprits) {
      if (u_.cookbook(c).version_count != 0) {
        detail.most_constrained_cookbooks.push_back(most_constrained_text(c));
        if (!report_on) report_on = c;
      }
    }
    const Id pkg = *report_on;
    const std::string& name = u_.cookbook(pkg).name;
    const std::string item = root_text(idx);
    detail.unsatisfiable_run_list_item = item;
    detail.message = "Unable to satisfy constraints on package " + name;
    if (p_.allowed[pkg].empty()) detail.message += ", which does not exist,";
    detail.message += " due to solution constraint " + item + ". ";
    detail.message +=
        "Solution constraints that may result in a constraint on " + name + ": " + paths_to(pkg);
    return no_solution(detail);
  }

 private:
  // One step of a path: a chosen cookbook version, several versions merged, or the final
  // constraint on the target.
  struct Step {
    enum Kind { version, merged, final } kind;
    Id cookbook;
    std::vector<std::uint32_t> versions;
    Constraint constraint{};  // of a final step
  };
  using Path = std::vector<Step>;

  SearchResult solve_prefix(std::size_t count, std::vector<char> disabled) {
    SearchInput in;
    in.universe = &u_;
    in.allowed = p_.allowed;
    in.roots.assign(p_.roots.begin(), p_.roots.begin() + static_cast<std::ptrdiff_t>(count));
    in.disabled = std::move(disabled);
    in.step_limit = p_.step_limit;
    return search(in);
  }

  // dep_selector's packages_to_include_in_solve: depth-first from each run-list item through
  // every allowed version's dependencies, in first-visit order.
  void compute_reach_order() {
    position_.assign(u_.cookbook_count(), -1);
    for (const Root& r : p_.roots) reach(r.cookbook);
  }
  void reach(Id c) {
    if (position_[c] >= 0) return;
    position_[c] = static_cast<std::int64_t>(order_.size());
    order_.push_back(c);
    const VersionRange allowed = p_.allowed[c];
    for (std::uint32_t v = allowed.lo; v < allowed.hi; ++v) {
      auto [e, end] = u_.edges(c, v);
      for (; e != end; ++e) reach(e->target);
    }
  }

  // The cheapest set of cookbooks to disable (dep_selector minimises disabled run-list
  // cookbooks, then disabled dependencies, then disabled cookbooks with no versions).
  std::optional<std::vector<Id>> find_culprits(std::size_t prefix, std::vector<Id> targets) {
    std::vector<char> is_root(u_.cookbook_count(), 0);
    for (std::size_t k = 0; k < prefix; ++k) is_root[p_.roots[k].cookbook] = 1;
    std::vector<char> base(u_.cookbook_count(), 0);
    for (Id c : order_) {
      if (p_.allowed[c].empty()) base[c] = 1;
    }
    auto attempt = [&](const std::vector<char>& disabled) -> std::optional<SearchResult> {
      auto r = solve_prefix(prefix, disabled);
      if (r.status == SearchStatus::step_limit) timed_out_ = true;
      if (r.status != SearchStatus::solved) {
        if (r.status == SearchStatus::unsatisfiable) targets = std::move(r.conflict_targets);
        return std::nullopt;
      }
      return r;
    };
    auto with_versionless = [&](std::vector<Id> culprits, const SearchResult& r) {
      // The version-less cookbooks the solution actually reaches must stay disabled.
      for (Id c : order_) {
        if (base[c] && reached_by(r, c)) culprits.push_back(c);
      }
      std::sort(culprits.begin(), culprits.end(),
                [&](Id a, Id b) { return position_[a] < position_[b]; });
      return culprits;
    };

    if (auto r = attempt(base)) return with_versionless({}, *r);
    if (timed_out_) return std::nullopt;
    // Only a cookbook some failed constraint targeted can fix the conflict; try dependencies
    // before run-list cookbooks. Within each, the last in reachability order goes first: Gecode
    // branches on the disabled flags in that order trying "enabled" first, so the first
    // solution it finds disables the latest cookbook that works.
    std::vector<Id> candidates;
    for (Id t : targets) {
      if (!base[t] && position_[t] >= 0) candidates.push_back(t);
    }
    std::sort(candidates.begin(), candidates.end(), [&](Id a, Id b) {
      if (is_root[a] != is_root[b]) return is_root[a] < is_root[b];
      return position_[a] > position_[b];
    });
    for (Id c : candidates) {
      std::vector<char> disabled = base;
      disabled[c] = 1;
      if (auto r = attempt(disabled)) return with_versionless({c}, *r);
      if (timed_out_) return std::nullopt;
    }
    return std::nullopt;
  }

  bool reached_by(const SearchResult& r, Id target) const {
    for (auto [c, v] : r.chosen) {
      auto [e, end] = u_.edges(c, v);
      for (; e != end; ++e) {
        if (e->target == target) return true;
      }
    }
    return false;
  }

  std::string version_string(Id c, std::uint32_t v) const {
    return model::to_string(u_.version(c, v).version);
  }

  // dep_selector prints "NAME = " followed by the package's first (oldest allowed) version
  // with its dependencies: "bar = 2.0.0 -> [(foo > 3.0.0)]"; nothing after "= " when the
  // environment allows no version.
  std::string most_constrained_text(Id c) const {
    std::string s = u_.cookbook(c).name + " = ";
    const VersionRange allowed = p_.allowed[c];
    if (allowed.empty()) return s;
    s += version_string(c, allowed.lo) + " -> [";
    auto [e, end] = u_.edges(c, allowed.lo);
    for (bool first = true; e != end; ++e, first = false) {
      if (!first) s += ", ";
      s += dependency_text(u_.cookbook(e->target).name, e->constraint);
    }
    s += "]";
    return s;
  }

  std::string root_text(std::size_t k) const {
    return dependency_text(u_.cookbook(p_.roots[k].cookbook).name, p_.root_constraints[k]);
  }

  // SimpleTreeTraverser: every path from a run-list item to `target` through allowed versions,
  // adjacent paths differing in one version collapsed, printed "[(a = 1.0.0) -> (t > 2.0.0)]".
  std::string paths_to(Id target) {
    std::vector<Path> paths;
    Path current;
    visits_ = 0;
    for (std::size_t k = 0; k < p_.roots.size(); ++k) {
      walk(p_.roots[k].cookbook, p_.roots[k].range, p_.root_constraints[k], target, current, paths);
    }
    std::vector<Path> collapsed;
    for (auto& path : paths) merge_into(collapsed, std::move(path));
    std::string out;
    for (std::size_t i = 0; i < collapsed.size(); ++i) {
      if (i > 0) out += ", ";
      out += "[";
      for (std::size_t j = 0; j < collapsed[i].size(); ++j) {
        if (j > 0) out += " -> ";
        out += step_text(collapsed[i][j]);
      }
      out += "]";
    }
    return out;
  }

  void walk(Id c, VersionRange matching, const Constraint& constraint, Id target, Path& current,
            std::vector<Path>& paths) {
    if (paths.size() >= kMaxPaths || ++visits_ > kMaxPathVisits) return;
    if (c == target) {
      paths.push_back(current);
      paths.back().push_back(Step{Step::final, c, {}, constraint});
      return;
    }
    const VersionRange allowed = p_.allowed[c];
    if (allowed.empty()) return;
    for (const Step& s : current) {
      if (s.cookbook == c) return;  // a dependency cycle
    }
    const VersionRange versions = allowed.intersect(matching);
    for (std::uint32_t v = versions.lo; v < versions.hi; ++v) {
      current.push_back(Step{Step::version, c, {v}, {}});
      auto [e, end] = u_.edges(c, v);
      for (; e != end; ++e) walk(e->target, e->matching, e->constraint, target, current, paths);
      current.pop_back();
    }
  }

  static bool same(const Step& a, const Step& b) {
    if (a.kind != b.kind || a.cookbook != b.cookbook) return false;
    if (a.kind == Step::final) return a.constraint == b.constraint;
    return a.versions == b.versions;
  }

  // Collapses `path` onto the last collected path when they have the same length and differ
  // in exactly one step of the same cookbook.
  static void merge_into(std::vector<Path>& collapsed, Path path) {
    if (collapsed.empty() || collapsed.back().size() != path.size()) {
      collapsed.push_back(std::move(path));
      return;
    }
    Path& last = collapsed.back();
    std::optional<std::size_t> differs;
    bool mergeable = true;
    for (std::size_t i = 0; i < path.size(); ++i) {
      // A merged step never equals a fresh one.
      if (last[i].kind != Step::merged && same(path[i], last[i])) continue;
      if (differs || last[i].cookbook != path[i].cookbook || path[i].kind != Step::version) {
        mergeable = false;
        break;
      }
      differs = i;
    }
    if (differs && mergeable) {
      Step& step = last[*differs];
      step.kind = Step::merged;
      step.versions.push_back(path[*differs].versions.front());
    } else {
      collapsed.push_back(std::move(path));
    }
  }

  std::string step_text(const Step& s) const {
    const std::string& name = u_.cookbook(s.cookbook).name;
    switch (s.kind) {
      case Step::version:
        return "(" + name + " = " + version_string(s.cookbook, s.versions.front()) + ")";
      case Step::merged: {
        std::string out = "(" + name + " = {";
        for (std::size_t i = 0; i < s.versions.size(); ++i) {
          if (i > 0) out += ",";
          out += version_string(s.cookbook, s.versions[i]);
        }
        return out + "})";
      }
      case Step::final:
        return dependency_text(name, s.constraint);
    }
    return {};
  }

  const Problem& p_;
  const Universe& u_;
  std::vector<std::int64_t> position_;
  std::vector<Id> order_;
  std::size_t visits_ = 0;
  bool timed_out_ = false;
};

}  // namespace

Failure explain_unsatisfiable(const Problem& problem) {
  return Explainer(problem).run();
}

}  // namespace proofbox::zero::depsolver::detail
