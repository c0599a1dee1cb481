#pragma once
// Hermetic base images: `proofbox image build IMAGE.yml` debootstraps a Debian root filesystem
// with the listed packages baked in, keeps it as a tarball in a cache keyed by the content hash
// of the spec, and imports it into a runtime as proofbox/NAME:<hash> plus the alias
// proofbox/NAME:latest. A spec the runtime already holds builds in well under a second.
//
//   name: memcached          # [a-z0-9][a-z0-9_.-]*
//   suite: bookworm          # default bookworm
//   variant: minbase         # default minbase
//   packages: [memcached, curl]
//   mirror: http://...       # default: the machine's apt source
//   runtimes: [docker, lxc]  # where `image build` imports it when --runtime is not given
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {

// Bumped when the way a spec becomes a root filesystem changes, so caches rebuild.
inline constexpr int kImageFormatVersion = 1;

// A malformed IMAGE.yml: the message starts with FILE:LINE.
struct ImageSpecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImageSpec {
  std::string name;
  std::string suite = "bookworm";
  std::string variant = "minbase";
  std::vector<std::string> packages;  // sorted, without duplicates
  std::string mirror;                 // empty: debian_mirror()
  std::vector<std::string> runtimes;  // empty: auto
};

ImageSpec parse_image_spec(std::string_view yaml, const std::string& source_name);
ImageSpec load_image_spec(const std::string& path);

// sha256 (hex) of the normalised spec and kImageFormatVersion. The mirror and runtimes do
// not take part: they do not change what ends up in the image.
std::string image_hash(const ImageSpec& spec);
std::string image_reference(const ImageSpec& spec);  // proofbox/NAME:<first 12 hex of the hash>
std::string image_alias(const ImageSpec& spec);      // proofbox/NAME:latest

// The first Debian archive URI of this machine's apt sources (deb822
// /etc/apt/sources.list.d/debian.sources, else /etc/apt/sources.list). Throws when none.
std::string debian_mirror(const std::string& sources_dir = "/etc/apt");

struct ImageBuildOptions {
  std::string cache_dir = "/var/cache/proofbox/images";  // <hash>.tar root filesystems
  std::function<void(const std::string&)> progress;      // one line at a time
};

struct ImageBuildResult {
  std::string reference;
  bool already_present = false;  // the runtime had it: nothing was done
  bool debootstrapped = false;   // false when the tarball came from the cache
  double seconds = 0;
};

// Makes `runtime` hold image_reference(spec) and image_alias(spec). Throws RuntimeError.
ImageBuildResult build_image(const ImageSpec& spec, Runtime& runtime,
                             const ImageBuildOptions& options = {});

}  // namespace proofbox::harness
