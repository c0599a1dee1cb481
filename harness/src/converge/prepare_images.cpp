#include <map>
#include <ostream>

#include "proofbox/harness/converge.hpp"
#include "proofbox/harness/images.hpp"

namespace proofbox::harness {

namespace {

bool names_image_spec(const std::string& image) {
  return image.ends_with(".yml") || image.ends_with(".yaml");
}

}  // namespace

void prepare_images(ConvergeConfig& config, const std::filesystem::path& repo, Runtime& runtime,
                    std::ostream* progress) {
  std::map<std::string, std::string> built;  // spec path -> reference
  auto resolve = [&](std::string& image) {
    if (!names_image_spec(image)) return;
    std::filesystem::path path = image;
    if (path.is_relative()) path = repo / path;
    auto it = built.find(path.string());
    if (it == built.end()) {
      const ImageSpec spec = load_image_spec(path.string());
      ImageBuildOptions options;
      if (progress)
        options.progress = [progress](const std::string& line) { *progress << line << "\n"; };
      const ImageBuildResult result = build_image(spec, runtime, options);
      if (progress && !result.already_present)
        *progress << "image " << result.reference << " built from " << path.string() << "\n";
      it = built.emplace(path.string(), result.reference).first;
    }
    image = it->second;
  };
  resolve(config.image);
  for (auto& [_, role] : config.roles) resolve(role.image);
}

}  // namespace proofbox::harness
