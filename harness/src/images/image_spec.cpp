// IMAGE.yml parsing, the content hash and the image references derived from it.
#include <openssl/evp.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "proofbox/harness/images.hpp"

namespace proofbox::harness {
namespace {

[[noreturn]] void spec_error(const std::string& source, const YAML::Mark& mark,
                             const std::string& message) {
  auto line = mark.line >= 0 ? ":" + std::to_string(mark.line + 1) : std::string();
  throw ImageSpecError(source + line + ": " + message);
}

std::string scalar(const std::string& source, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) spec_error(source, node.Mark(), "'" + key + "' must be a string");
  return node.as<std::string>();
}

std::vector<std::string> scalar_list(const std::string& source, const YAML::Node& node,
                                     const std::string& key) {
  if (!node.IsSequence()) spec_error(source, node.Mark(), "'" + key + "' must be a list");
  std::vector<std::string> items;
  for (const auto& item : node) items.push_back(scalar(source, item, key + " entry"));
  return items;
}

}  // namespace

ImageSpec parse_image_spec(std::string_view yaml, const std::string& source_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    spec_error(source_name, e.mark, e.msg);
  }
  if (!root.IsMap()) spec_error(source_name, root.Mark(), "an image spec is a mapping (name: ...)");
  ImageSpec spec;
  static const std::regex kName("[a-z0-9][a-z0-9_.-]*");
  static const std::regex kPackage("[a-z0-9][a-z0-9+.-]*");
  static const std::regex kWord("[A-Za-z0-9][A-Za-z0-9._-]*");
  bool has_name = false;
  for (const auto& entry : root) {
    auto key = entry.first.as<std::string>();
    const auto& value = entry.second;
    if (key == "name") {
      spec.name = scalar(source_name, value, key);
      if (!std::regex_match(spec.name, kName)) {
        spec_error(source_name, value.Mark(),
                   "image name '" + spec.name + "' must match [a-z0-9][a-z0-9_.-]*");
      }
      has_name = true;
    } else if (key == "suite" || key == "variant") {
      auto text = scalar(source_name, value, key);
      if (!std::regex_match(text, kWord)) {
        spec_error(source_name, value.Mark(), key + " '" + text + "' is not a plain word");
      }
      (key == "suite" ? spec.suite : spec.variant) = text;
    } else if (key == "packages") {
      for (const auto& package : scalar_list(source_name, value, key)) {
        if (!std::regex_match(package, kPackage)) {
          spec_error(source_name, value.Mark(), "'" + package + "' is not a Debian package name");
        }
        spec.packages.push_back(package);
      }
    } else if (key == "mirror") {
      spec.mirror = scalar(source_name, value, key);
    } else if (key == "runtimes") {
      for (const auto& runtime : scalar_list(source_name, value, key)) {
        if (runtime != "docker" && runtime != "lxc") {
          spec_error(source_name, value.Mark(),
                     "runtime '" + runtime + "' is not one of docker, lxc");
        }
        spec.runtimes.push_back(runtime);
      }
    } else {
      spec_error(
          source_name, entry.first.Mark(),
          "unknown key '" + key + "' (expected name, suite, variant, packages, mirror, runtimes)");
    }
  }
  if (!has_name) spec_error(source_name, root.Mark(), "the image spec has no 'name'");
  std::sort(spec.packages.begin(), spec.packages.end());
  spec.packages.erase(std::unique(spec.packages.begin(), spec.packages.end()), spec.packages.end());
  return spec;
}

ImageSpec load_image_spec(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ImageSpecError(path + ": cannot read the image spec");
  std::stringstream text;
  text << in.rdbuf();
  return parse_image_spec(text.str(), path);
}

std::string image_hash(const ImageSpec& spec) {
  nlohmann::json normal = {{"format", kImageFormatVersion},
                           {"name", spec.name},
                           {"suite", spec.suite},
                           {"variant", spec.variant},
                           {"packages", spec.packages}};
  auto text = normal.dump();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string image_reference(const ImageSpec& spec) {
  return "proofbox/" + spec.name + ":" + image_hash(spec).substr(0, 12);
}

std::string image_alias(const ImageSpec& spec) {
  return "proofbox/" + spec.name + ":latest";
}

std::string debian_mirror(const std::string& sources_dir) {
  // deb822: the first URIs: line of the debian.sources stanza (skipping security archives).
  std::ifstream deb822(sources_dir + "/sources.list.d/debian.sources");
  std::string line;
  while (std::getline(deb822, line)) {
    if (line.rfind("URIs:", 0) != 0) continue;
    std::istringstream words(line.substr(5));
    std::string uri;
    while (words >> uri) {
      if (uri.find("security") == std::string::npos) return uri;
    }
  }
  std::ifstream classic(sources_dir + "/sources.list");
  while (std::getline(classic, line)) {
    std::istringstream words(line);
    std::string type, word;
    if (!(words >> type) || type != "deb") continue;
    while (words >> word) {
      if (word.front() == '[') {
        while (word.back() != ']' && words >> word) {
        }
        continue;
      }
      if (word.find("security") == std::string::npos) return word;
      break;
    }
  }
  throw RuntimeError("no Debian mirror found in " + sources_dir +
                     "/sources.list.d/debian.sources or " + sources_dir +
                     "/sources.list; set `mirror:` in the image spec");
}

}  // namespace proofbox::harness
