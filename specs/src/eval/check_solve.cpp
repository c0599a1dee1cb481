// solve expectations: run lists solved by the server's depsolver with each environment's pins.
#include <variant>

#include "eval.hpp"
#include "proofbox/zero/depsolver/solve.hpp"
#include "proofbox/zero/model/version.hpp"

namespace proofbox::specs::detail {
namespace {

namespace depsolver = proofbox::zero::depsolver;
namespace model = proofbox::zero::model;

std::string failure_text(const depsolver::Failure& failure) {
  const Json& body = failure.body;
  if (body.contains("error") && body["error"].is_array() && !body["error"].empty()) {
    const Json& first = body["error"][0];
    if (first.is_string()) return first.get<std::string>();
    if (first.is_object() && first.contains("message")) return first["message"].get<std::string>();
  }
  return body.dump();
}

// One run list in one environment; adds failures to `v`, returns whether it solved.
bool solve_one(const RepoContext& ctx, const std::string& label, const Json& run_list,
               const std::string& env, const SolveSpec& spec, Verdict& v) {
  const Json* environment = ctx.environment(env);
  if (!environment) {
    v.fail("no environment '" + env + "' in the repo");
    return false;
  }
  const Expansion expansion = expand_run_list(run_list, env, ctx.roles());
  for (const auto& missing : expansion.missing_roles) {
    v.fail(label + " in " + env + ": role[" + missing + "] does not exist");
  }
  for (const auto& conflict : expansion.version_conflicts) {
    v.fail(label + " in " + env + ": one recipe pinned to two versions: " + conflict);
  }
  depsolver::Request request;
  request.environment =
      depsolver::environment_pins(environment->value("cookbook_versions", Json::object()));
  for (const auto& r : expansion.recipes) request.run_list.push_back(r.with_version());
  const auto result = depsolver::solve(ctx.universe(), request);
  if (const auto* failure = std::get_if<depsolver::Failure>(&result)) {
    if (!spec.fails) v.fail(label + " does not solve in " + env + ": " + failure_text(*failure));
    return false;
  }
  const auto& solution = std::get<depsolver::Solution>(result);
  if (spec.fails) {
    std::string chosen;
    for (const auto& cb : solution.cookbooks) {
      chosen += (chosen.empty() ? "" : ", ") + cb.name + " " + model::to_string(cb.version);
    }
    v.fail(label + " in " + env + "\n  expected: no solution\n    actual: " + chosen);
  }
  for (const auto& [cookbook, wanted] : spec.versions) {
    const auto got = solution.version_of(cookbook);
    const auto want = model::parse_version(wanted);
    if (!want) {
      v.fail("`" + wanted + "` is not a cookbook version");
    } else if (!got || *got != *want) {
      v.fail(label + " in " + env + ": cookbook " + cookbook + "\n  expected: " + wanted +
             "\n    actual: " + (got ? model::to_string(*got) : "(not in the solution)"));
    }
  }
  return true;
}

}  // namespace

Verdict check_solve(const FileWorld& world, const SolveSpec& spec) {
  Verdict v;
  const auto& ctx = world.context();
  const auto envs = spec.environments.empty() ? ctx.environment_names() : spec.environments;
  std::vector<std::pair<std::string, Json>> targets;  // label, run list
  switch (spec.target) {
    case SolveSpec::Target::kRole:
      if (!ctx.repo().role(spec.role)) {
        v.fail("no role '" + spec.role + "' in the repo");
        return v;
      }
      targets.emplace_back("role[" + spec.role + "]", Json::array({"role[" + spec.role + "]"}));
      break;
    case SolveSpec::Target::kRunList:
      targets.emplace_back("run list " + spec.run_list.dump(), spec.run_list);
      break;
    case SolveSpec::Target::kAllRoles:
      for (const auto& [name, role] : ctx.repo().data.roles) {
        targets.emplace_back("role[" + name + "]", Json::array({"role[" + name + "]"}));
      }
      break;
  }
  for (const auto& [label, run_list] : targets) {
    for (const auto& env : envs) solve_one(ctx, label, run_list, env, spec, v);
  }
  return v;
}

}  // namespace proofbox::specs::detail
