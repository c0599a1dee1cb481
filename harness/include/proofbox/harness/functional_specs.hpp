#pragma once
// Functional specs in YAML: the matchers of matchers.hpp written per role in a chef-repo
// (spec/functional/ROLE.yml, goss-like), and smolder test files (a top-level `tests:` list) run
// unmodified against the node. Both load into the same FunctionalCheck list; the runner turns
// each check into one CaseResult of the shared report model.
//
//   within: 30s                      # deadline of this file's container checks (default 10 s)
//   port:
//     11211: {listening: true}       # "udp:11211" for UDP; listening: false waits for closed
//   replies:
//     11211: {send: "stats\r\n", expect: {contains: "STAT pid"}, within: 5s}
//   http:
//     http://localhost:8080/status: {status: 200, body: {contains: ok}}  # host = the node
//   command:
//     memcached -h: {exit-status: 0, output: {contains: "--port"}}
//   file:
//     /etc/memcached.conf: {exists: true, contains: ["-p 11211", "-m 64"]}
//   service:
//     memcached: {running: true}
//   process:
//     memcached: {running: true}
//   node:                            # what the Chef server holds about the node
//     saved: true
//     run_list: ["role[memcached]"]
//     automatic: {platform: debian, memcached.port: 11211, platform_version: {matches: "^12"}}
//   search:
//     node:
//       "role:memcached": {}         # finds this node; or {includes: [..]}, {names: [..]},
//                                    # {count: N}
//
// Text expectations (reply, body, output, file content, attributes): a scalar (contains; for
// attributes: equals), a list (all of them), or a map of equals / contains / not-contains /
// matches (a POSIX extended regular expression), each a scalar or a list.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofbox/harness/matchers.hpp"
#include "proofbox/specs/report.hpp"

namespace proofbox::harness {

// A spec file that cannot be read; what() starts with "FILE:LINE: ".
class FunctionalSpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FunctionalCheck {
  std::string name;  // short and readable: "port 11211 listening", smolder's test name
  std::string file;
  int line = 0;  // 1-based
  std::optional<NodeMatcher> matcher;
  std::string skipped;  // why it is not run (smolder `protocol: noop`), when set
  std::string error;    // why it cannot run (an unsupported smolder input), when set
};

// Loads one file, a functional spec or a smolder file (detected by its top-level `tests:`).
// Throws FunctionalSpecError naming file:line.
std::vector<FunctionalCheck> load_functional_spec(const std::filesystem::path& file);
std::vector<FunctionalCheck> load_role_spec(const std::filesystem::path& file);
std::vector<FunctionalCheck> load_smolder_file(const std::filesystem::path& file);

// A role's spec files in a chef-repo: spec/functional/ROLE.yml (or .yaml) and every
// .yml/.yaml/.json under spec/functional/ROLE/ (smolder files, more specs), sorted.
std::vector<std::filesystem::path> find_functional_spec_files(const std::filesystem::path& repo,
                                                              const std::string& role);

// Runs every check of `spec_files` on `node`, in file order. A file that does not load becomes
// one errored case naming file:line; the run goes on with the other files.
specs::SuiteResult run_functional_specs(const ConvergedNode& node,
                                        const std::vector<std::filesystem::path>& spec_files);

// The node's role specs from `repo` (find_functional_spec_files(repo, node.role)), run. Fits
// ConvergeOptions::verify: [repo](const ConvergedNode& n) { return verify_role(n, repo); }.
specs::SuiteResult verify_role(const ConvergedNode& node, const std::filesystem::path& repo);

}  // namespace proofbox::harness
