// `proofbox spec`: argument handling only; the specs library does the work.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/spec.hpp"
#include "proofbox/specs/github_annotations.hpp"
#include "proofbox/specs/run_specs.hpp"

namespace proofbox::cli {
namespace {

namespace fs = std::filesystem;

// A directory given as a FILE means every .yml/.yaml in it.
void add_spec_path(const fs::path& path, std::vector<fs::path>& files) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    files.push_back(path);
    return;
  }
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml")) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

// The repo's folder relative to the GitHub workspace ("" or "infra/chef-repo/").
std::string workspace_prefix(const fs::path& repo) {
  const char* workspace = std::getenv("GITHUB_WORKSPACE");
  std::error_code ec;
  const fs::path base =
      fs::weakly_canonical(workspace ? fs::path(workspace) : fs::current_path(), ec);
  const fs::path rel = fs::weakly_canonical(repo, ec).lexically_relative(base);
  if (rel.empty() || rel == "." || rel.native().starts_with("..")) return "";
  return rel.generic_string() + "/";
}

bool holds_spec_files(const fs::path& dir) {
  std::vector<fs::path> found;
  add_spec_path(dir, found);
  return !found.empty();
}

// A chef-repo keeps YAML at its root too (proofbox.yml, .kitchen.yml): a directory with the
// repo's own folders is the repo, whatever else it holds.
bool looks_like_chef_repo(const fs::path& dir) {
  std::error_code ec;
  for (const char* sub : {"roles", "environments", "cookbooks", "site-cookbooks", "data_bags"})
    if (fs::is_directory(dir / sub, ec)) return true;
  return fs::is_directory(dir / "spec" / "unit", ec);
}

}  // namespace

int run_spec(const SpecOptions& options, std::ostream& out, std::ostream& err) {
  specs::ReportFormat format;
  try {
    format = specs::parse_report_format(options.format);
  } catch (const std::invalid_argument& e) {
    err << "proofbox spec: " << e.what() << "\n";
    return kSpecError;
  }
  fs::path repo = ".";
  auto first = options.positional.begin();
  std::error_code ec;
  if (first != options.positional.end() && fs::is_directory(*first, ec) &&
      (looks_like_chef_repo(*first) || !holds_spec_files(*first))) {
    repo = *first++;
  }
  specs::RunOptions run;
  run.filter = options.filter;
  run.lint = options.lint;
  for (auto it = first; it != options.positional.end(); ++it) {
    if (!fs::exists(*it, ec)) {
      err << "proofbox spec: " << *it << ": no such file\n";
      return kSpecError;
    }
    add_spec_path(*it, run.files);
  }

  specs::Report report;
  try {
    report = specs::run_unit_specs(repo, run);
  } catch (const backup::repo::RepoError& e) {
    err << "proofbox spec: " << e.what() << "\n";
    return kSpecError;
  }
  if (options.output.empty()) {
    specs::write_report(out, report, format);
  } else {
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "proofbox spec: cannot write " << options.output << "\n";
      return kSpecError;
    }
    specs::write_report(file, report, format);
    // The terminal still gets the summary when the report goes to a file.
    if (format != specs::ReportFormat::kHuman)
      specs::write_report(out, report, specs::ReportFormat::kHuman);
  }
  if (options.annotations) specs::write_github_annotations(out, report, workspace_prefix(repo));
  const auto failed = report.count(specs::Outcome::kFailed);
  const auto errors = report.count(specs::Outcome::kError);
  if (failed + errors > 0) {
    err << "proofbox spec: " << failed << " failed, " << errors << " errors\n";
    return kSpecFailed;
  }
  if (report.count(specs::Outcome::kPassed) == 0) {
    err << "proofbox spec: nothing ran" << (options.filter.empty() ? "" : " (-k matched no case)")
        << "\n";
    return kSpecFailed;
  }
  return kSpecPassed;
}

void add_spec_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<SpecOptions>();
  auto* spec = app.add_subcommand(
      "spec",
      "Run the unit specs of a chef-repo (spec/unit/*.yml) after the built-in lint: run-list "
      "expansion, attributes, cookbook solving, stubbed search, data bags. Exit 0 when all "
      "passed, 1 when some failed, 2 on error.");
  spec->add_option("REPO FILES", opts->positional,
                   "The chef-repo (default: the current directory), then spec files or "
                   "directories (default: REPO/spec/unit)");
  spec->add_option("--format", opts->format, "human, json or junit")
      ->check(CLI::IsMember({"human", "json", "junit"}))
      ->capture_default_str();
  spec->add_option("--output,-o", opts->output, "Write the report to this file");
  spec->add_option("-k", opts->filter, "Only cases whose name or file contains PATTERN");
  spec->add_flag("--no-lint{false}", opts->lint, "Skip the built-in repo lint");
  spec->add_flag("--annotations", opts->annotations,
                 "Also print GitHub Actions error annotations (file and line) for failures");
  spec->footer(
      "Examples:\n"
      "  proofbox spec                         # ./spec/unit/*.yml in the current repo\n"
      "  proofbox spec chef-repo -k search     # only cases mentioning 'search'\n"
      "  proofbox spec chef-repo spec/unit/web.yml --format junit -o unit.xml");
  spec->callback([opts, &exit_status] { exit_status = run_spec(*opts, std::cout, std::cerr); });
}

}  // namespace proofbox::cli
