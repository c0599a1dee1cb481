// `proofbox image build IMAGE.yml`: debootstrap a base image once, import it into runtimes.
#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/harness/images.hpp"

namespace proofbox::cli {
namespace {

struct ImageBuildCliOptions {
  std::string spec_file;
  std::string runtime;  // empty: the spec's runtimes, else auto
  std::string cache_dir = harness::ImageBuildOptions{}.cache_dir;
};

int run_image_build(const ImageBuildCliOptions& opts) {
  try {
    auto spec = harness::load_image_spec(opts.spec_file);
    std::vector<std::string> targets;
    if (opts.runtime == "all") {
      targets = {"docker", "lxc"};
    } else if (!opts.runtime.empty()) {
      targets = {opts.runtime};
    } else if (!spec.runtimes.empty()) {
      targets = spec.runtimes;
    } else {
      targets = {"auto"};
    }
    harness::ImageBuildOptions build_options;
    build_options.cache_dir = opts.cache_dir;
    build_options.progress = [](const std::string& line) { std::cerr << line << std::endl; };
    for (const auto& target : targets) {
      auto runtime = harness::make_runtime(target);
      auto result = harness::build_image(spec, *runtime, build_options);
      std::cout << result.reference << " " << runtime->name() << " "
                << (result.already_present ? "present" : "imported") << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "proofbox image build: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_image_command(CLI::App& app, int& exit_status) {
  auto* image = app.add_subcommand("image", "Hermetic base images for the container runtimes");
  image->require_subcommand(1);
  auto opts = std::make_shared<ImageBuildCliOptions>();
  auto* build = image->add_subcommand(
      "build",
      "Debootstrap the image an IMAGE.yml describes (suite, variant, packages baked in) and "
      "import it as proofbox/NAME:<hash> and proofbox/NAME:latest. Cached by content hash: "
      "when the runtime already has it, nothing is done.");
  build->add_option("IMAGE.yml", opts->spec_file, "The image spec")->required();
  build
      ->add_option("--runtime", opts->runtime,
                   "Where to import it: docker, lxc, all (both), auto; default: the spec's "
                   "`runtimes:` or auto")
      ->check(CLI::IsMember({"docker", "lxc", "all", "auto"}));
  build->add_option("--cache", opts->cache_dir, "Root filesystem tarball cache")
      ->capture_default_str();
  build->footer(
      "Prints one line per runtime on stdout: REFERENCE RUNTIME present|imported; progress on "
      "stderr.\nExample:\n  proofbox image build fixtures/images/memcached.yml --runtime all");
  build->callback([opts, &exit_status] { exit_status = run_image_build(*opts); });
}

}  // namespace proofbox::cli
