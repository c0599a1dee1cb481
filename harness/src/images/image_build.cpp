// build_image: runtime cache check, then the rootfs tarball cache, then debootstrap.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>

#include "proofbox/harness/images.hpp"
#include "runtime/process.hpp"

namespace proofbox::harness {
namespace {

namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string fixed(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", seconds);
  return text;
}

// An exclusive flock held for a scope: two builds of one spec wait for each other instead of
// debootstrapping twice into the same place.
class FileLock {
 public:
  explicit FileLock(const std::string& path)
      : fd_(open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0) throw RuntimeError("cannot open lock file '" + path + "'");
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~FileLock() { close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// debootstrap prints one "I: Verb object" line per package and step; progress shows
// each verb the first time it appears.
std::function<void(const std::string&)> debootstrap_progress(
    const std::function<void(const std::string&)>& progress) {
  auto seen = std::make_shared<std::set<std::string>>();
  return [progress, seen](const std::string& line) {
    if (!progress || line.rfind("I: ", 0) != 0) return;
    auto verb = line.substr(3, line.find(' ', 3) - 3);
    if (!seen->insert(verb).second) return;
    progress("  debootstrap: " + line.substr(3));
  };
}

void make_rootfs_tar(const ImageSpec& spec, const std::string& tar_path,
                     const ImageBuildOptions& options) {
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  if (!runtime::on_path("debootstrap")) {
    throw RuntimeError("image " + spec.name +
                       ": debootstrap is not installed (apt-get install debootstrap)");
  }
  auto mirror = spec.mirror.empty() ? debian_mirror() : spec.mirror;
  auto work = fs::path(tar_path).replace_extension(".build");
  fs::remove_all(work);
  fs::create_directories(work);
  auto rootfs = work / "rootfs";
  std::vector<std::string> argv{"debootstrap", "--variant=" + spec.variant};
  if (!spec.packages.empty()) {
    std::string include = "--include=";
    for (const auto& p : spec.packages) include += (include.back() == '=' ? "" : ",") + p;
    argv.push_back(include);
  }
  argv.insert(argv.end(), {spec.suite, rootfs.string(), mirror});
  say("image " + spec.name + ": debootstrap " + spec.suite + " (" + spec.variant + ") from " +
      mirror);
  auto started = std::chrono::steady_clock::now();
  auto result = runtime::run_process(argv, debootstrap_progress(options.progress));
  if (result.exit_code != 0) {
    std::string tail = result.output.size() > 2000
                           ? result.output.substr(result.output.size() - 2000)
                           : result.output;
    fs::remove_all(work);
    throw RuntimeError("image " + spec.name + ": debootstrap failed (exit status " +
                       std::to_string(result.exit_code) + "):\n" + tail);
  }
  say("image " + spec.name + ": root filesystem ready in " + fixed(seconds_since(started)) + " s");
  // Downloaded packages and indexes are of no use in a hermetic image.
  for (const auto* dir : {"var/cache/apt/archives", "var/lib/apt/lists"}) {
    for (const auto& entry : fs::directory_iterator(rootfs / dir)) {
      if (entry.is_regular_file()) fs::remove(entry.path());
    }
  }
  auto partial = work / "rootfs.tar";
  runtime::run_checked(
      {"tar", "--numeric-owner", "--xattrs", "-C", rootfs.string(), "-cf", partial.string(), "."});
  fs::rename(partial, tar_path);
  fs::remove_all(work);
  say("image " + spec.name + ": cached " + tar_path + " (" +
      std::to_string(fs::file_size(tar_path) >> 20) + " MiB)");
}

}  // namespace

ImageBuildResult build_image(const ImageSpec& spec, Runtime& runtime,
                             const ImageBuildOptions& options) {
  auto started = std::chrono::steady_clock::now();
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  ImageBuildResult result;
  result.reference = image_reference(spec);
  auto alias = image_alias(spec);
  if (runtime.has_image(result.reference)) {
    runtime.tag_image(result.reference, alias);
    result.already_present = true;
    result.seconds = seconds_since(started);
    say("image " + result.reference + " already in " + runtime.name() + " (nothing to do)");
    return result;
  }
  std::error_code ec;
  fs::create_directories(options.cache_dir, ec);
  if (ec) {
    throw RuntimeError("image " + spec.name + ": cannot create the cache directory '" +
                       options.cache_dir + "': " + ec.message());
  }
  auto hash = image_hash(spec);
  auto tar_path = (fs::path(options.cache_dir) / (hash + ".tar")).string();
  {
    FileLock lock(tar_path + ".lock");
    if (fs::exists(tar_path)) {
      say("image " + spec.name + ": using cached root filesystem " + tar_path);
    } else {
      make_rootfs_tar(spec, tar_path, options);
      result.debootstrapped = true;
    }
  }
  say("image " + result.reference + ": importing into " + runtime.name());
  runtime.import_image(result.reference, tar_path);
  runtime.tag_image(result.reference, alias);
  result.seconds = seconds_since(started);
  say("image " + result.reference + " (alias " + alias + ") ready in " + runtime.name() +
      " after " + fixed(result.seconds) + " s");
  return result;
}

}  // namespace proofbox::harness
