// POST /environments/E/cookbook_versions {"run_list": [...]} (erchef chef_wm_depsolver;
// chef-zero environment_cookbook_versions_endpoint): what chef-client asks before a converge.
// Solves the run list under E's cookbook_versions pins with the depsolver library and answers
// {NAME: cookbook version} for every cookbook of the solution, each rendered like
// GET /cookbooks/NAME/VERSION (manifest form by API version, file URLs). A failed solve is
// the depsolver's 412 body verbatim.
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/cookbook_render.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/role_environments.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/depsolver/org_universe.hpp"
#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::api {
namespace {

constexpr std::string_view kInvalidRunList = "Field 'run_list' is not a valid run list";

// The body's run list: an array of strings, each a valid cookbook@version pin when pinned.
std::vector<std::string> run_list_of(const Json& body) {
  if (!body.is_object() || !body.contains("run_list") || !body["run_list"].is_array()) {
    throw bad_request(std::string(kInvalidRunList));
  }
  std::vector<std::string> run_list;
  for (const Json& item : body["run_list"]) {
    if (!item.is_string()) throw bad_request(std::string(kInvalidRunList));
    run_list.push_back(item.get<std::string>());
  }
  if (!depsolver::run_list_cookbooks(run_list)) throw bad_request(std::string(kInvalidRunList));
  return run_list;
}

http::Response solve_cookbook_versions(Context& ctx) {
  const std::string& env_name = ctx.param(0);
  // The environment first (404), then the body (400), as erchef checks existence first.
  Json env = load_named(ctx.org->environments(), env_name, environment_not_found(env_name));
  depsolver::Request request;
  request.run_list = run_list_of(parse_body(ctx));
  if (env.contains("cookbook_versions")) {
    request.environment = depsolver::environment_pins(env["cookbook_versions"]);
  }

  const depsolver::Universe universe = depsolver::universe_from_org(*ctx.org);
  depsolver::Result result = depsolver::solve(universe, request);
  if (auto* failure = std::get_if<depsolver::Failure>(&result)) {
    return http::Response::json(failure->status, failure->body);
  }
  Json answer = Json::object();
  for (const auto& cookbook : std::get<depsolver::Solution>(result).cookbooks) {
    auto stored = load_cookbook_version(*ctx.org, cookbook.name, cookbook.version);
    // A version deleted between building the universe and now: answer as if it never was.
    if (!stored) throw ChefError(412, cookbook_not_found(cookbook.name));
    answer[cookbook.name] = render_cookbook_version(ctx, *stored);
  }
  return http::Response::json(200, answer);
}

}  // namespace

void register_environment_cookbook_versions_endpoints(Router& router) {
  router.add(Scope::kOrg, "environments/:name/cookbook_versions", "POST", solve_cookbook_versions);
}

}  // namespace proofbox::zero::api
