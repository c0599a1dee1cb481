// `proofbox destroy`: removes what crashed runs left behind (everything labelled proofbox.run).
#include <algorithm>
#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::cli {
namespace {

struct DestroyOptions {
  std::string run_id;   // empty: every run
  std::string runtime;  // empty: every runtime that is available
};

int run_destroy(const DestroyOptions& opts) {
  std::vector<std::string> targets = {"docker", "lxc"};
  bool explicit_choice = !opts.runtime.empty() && opts.runtime != "all";
  if (explicit_choice) targets = {opts.runtime};
  std::optional<std::string> run;
  if (!opts.run_id.empty()) run = opts.run_id;
  int failures = 0;
  size_t removed = 0;
  for (const auto& target : targets) {
    std::unique_ptr<harness::Runtime> runtime;
    try {
      runtime = harness::make_runtime(target);
    } catch (const harness::RuntimeError& e) {
      // Looking everywhere: a runtime that is not there holds nothing to remove.
      if (explicit_choice) {
        std::cerr << "proofbox destroy: " << e.what() << "\n";
        return 1;
      }
      continue;
    }
    try {
      auto leftovers = runtime->list_leftovers(run);
      // Containers first: a network cannot go while containers are attached to it.
      std::stable_partition(leftovers.begin(), leftovers.end(), [](const harness::Leftover& l) {
        return l.kind == harness::Leftover::Kind::kContainer;
      });
      for (const auto& leftover : leftovers) {
        bool container = leftover.kind == harness::Leftover::Kind::kContainer;
        try {
          if (container) {
            runtime->remove_container(leftover.id);
          } else {
            runtime->remove_network(leftover.id);
          }
          ++removed;
          std::cout << "removed " << runtime->name() << (container ? " container " : " network ")
                    << leftover.name << " (run " << leftover.run_id << ")\n";
        } catch (const harness::RuntimeError& e) {
          ++failures;
          std::cerr << "proofbox destroy: " << e.what() << "\n";
        }
      }
    } catch (const harness::RuntimeError& e) {
      ++failures;
      std::cerr << "proofbox destroy: " << e.what() << "\n";
    }
  }
  if (removed == 0 && failures == 0) {
    std::cout << "nothing to remove" << (run ? " for run " + *run : std::string()) << "\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

void add_destroy_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<DestroyOptions>();
  auto* destroy = app.add_subcommand(
      "destroy",
      "Remove every container and network that proofbox runs left behind (labelled "
      "proofbox.run), in Docker and LXC.");
  destroy->add_option("--run", opts->run_id, "Only what this run id created");
  destroy
      ->add_option("--runtime", opts->runtime,
                   "docker, lxc or all (default: all that are available)")
      ->check(CLI::IsMember({"docker", "lxc", "all"}));
  destroy->callback([opts, &exit_status] { exit_status = run_destroy(*opts); });
}

}  // namespace proofbox::cli
