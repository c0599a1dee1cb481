// End-to-end unit spec run over a generated repo: 200 cookbooks, 100 nested roles, 20
// environments, 50 data bag items and one spec file of 1,000 assertions (300 expansions with
// attribute checks, 200 solves with pinned versions, 300 searches over 200 stub nodes, 200 data
// bag items). Each iteration reads the repo, lints it, parses the specs and evaluates them.
//   ninja -C build -j2 spec_bench && build/specs/bench/spec_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "proofbox/specs/run_specs.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kCookbooks = 200;
constexpr int kRoles = 100;
constexpr int kEnvironments = 20;
constexpr int kNodes = 200;
constexpr int kItems = 50;

std::string cb(int i) {
  return "cb" + std::to_string(i);
}
std::string role(int i) {
  return "role" + std::to_string(i);
}
std::string env(int i) {
  return "env" + std::to_string(i);
}
std::string node(int i) {
  return "node" + std::to_string(i);
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

void generate_repo(const fs::path& dir) {
  for (int i = 0; i < kCookbooks; ++i) {
    std::string deps;
    if (i + 1 < kCookbooks && i % 10 != 9) deps = "\"" + cb(i + 1) + "\": \"~> 1.0\"";
    write(
        dir / "cookbooks" / cb(i) / "metadata.json",
        "{\"name\": \"" + cb(i) + "\", \"version\": \"1.0.0\", \"dependencies\": {" + deps + "}}");
    write(dir / "cookbooks" / cb(i) / "recipes/default.rb", "# default\n");
    write(dir / "cookbooks" / cb(i) / "recipes/extra.rb", "# extra\n");
  }
  for (int i = 0; i < kRoles; ++i) {
    std::string run_list;
    if (i > 0) run_list = "\"role[" + role((i - 1) / 2) + "]\", ";
    run_list += "\"recipe[" + cb(2 * i % kCookbooks) + "]\", \"recipe[" +
                cb((2 * i + 1) % kCookbooks) + "::extra]\"";
    write(dir / "roles" / (role(i) + ".json"),
          "{\"name\": \"" + role(i) + "\", \"run_list\": [" + run_list +
              "], \"env_run_lists\": {\"env0\": [" + run_list +
              ", \"recipe[cb199]\"]},"
              " \"default_attributes\": {\"level\": " +
              std::to_string(i) + ", \"roles\": {\"" + role(i) + "\": true}, \"list\": [\"" +
              role(i) + "\"]}, \"override_attributes\": {\"depth\": {\"role\": \"" + role(i) +
              "\"}}}");
  }
  for (int j = 0; j < kEnvironments; ++j) {
    write(dir / "environments" / (env(j) + ".json"),
          "{\"name\": \"" + env(j) + "\", \"cookbook_versions\": {\"" + cb(j * 10) +
              "\": \">= 1.0.0\", \"" + cb(j * 10 + 1) +
              "\": \"~> 1.0\"}, \"default_attributes\": "
              "{\"env\": {\"name\": \"" +
              env(j) +
              "\"}, \"level\": -1}, \"override_attributes\": "
              "{\"depth\": {\"env\": \"" +
              env(j) + "\"}}}");
  }
  for (int k = 0; k < kItems; ++k) {
    write(dir / "data_bags/users" / ("user" + std::to_string(k) + ".json"),
          "{\"id\": \"user" + std::to_string(k) + "\", \"uid\": " + std::to_string(2000 + k) +
              ", \"shell\": \"/bin/bash\", \"groups\": [\"g" + std::to_string(k % 5) + "\"]}");
  }

  std::ostringstream spec;
  spec << "description: generated\nnodes:\n";
  for (int n = 0; n < kNodes; ++n) {
    spec << "  - {name: " << node(n) << ", environment: " << env(n % kEnvironments)
         << ", run_list: ['role[" << role(n % kRoles) << "]'], automatic: {ipaddress: 10.0."
         << n / 100 << "." << n % 100 << "}}\n";
  }
  spec << "expect:\n";
  for (int a = 0; a < 300; ++a) {
    const int r = a % kRoles, e = a % kEnvironments;
    spec << "  - role: " << role(r) << "\n    environment: " << env(e) << "\n    includes: ["
         << cb(2 * r % kCookbooks) << ", '" << cb((2 * r + 1) % kCookbooks) << "::extra', " << cb(0)
         << "]\n    attributes:\n      - {path: level, level: role_default, equals: " << r
         << "}\n      - {path: env.name, equals: " << env(e) << "}\n      - {path: depth.env, "
         << "equals: " << env(e) << "}\n      - {path: roles." << role(0) << ", equals: true}\n";
  }
  for (int a = 0; a < 200; ++a) {
    const int r = a % kRoles, e = (a * 7) % kEnvironments;
    spec << "  - solve: role[" << role(r) << "]\n    environment: " << env(e) << "\n    versions: {"
         << cb(2 * r % kCookbooks) << ": 1.0.0}\n";
  }
  for (int a = 0; a < 300; ++a) {
    const int r = a % kRoles;
    if (a % 3 == 0) {  // direct run list: nodes r and r + 100
      spec << "  - {search: node, query: 'role:" << role(r) << "', returns: [" << node(r) << ", "
           << node(r + kRoles) << "]}\n";
    } else if (a % 3 == 1) {
      const int n = a % kNodes;
      spec << "  - {search: node, query: 'ipaddress:10.0." << n / 100 << "." << n % 100
           << " AND chef_environment:" << env(n % kEnvironments) << "', returns: [" << node(n)
           << "]}\n";
    } else {  // expanded roles: role0 is in every node's expansion
      spec << "  - {search: node, query: 'roles:" << role(0) << " AND name:" << node(a % kNodes)
           << "', returns: [" << node(a % kNodes) << "]}\n";
    }
  }
  for (int a = 0; a < 200; ++a) {
    spec << "  - {data_bag_item: users/user" << a % kItems << ", has_keys: [uid, shell, groups]}\n";
  }
  write(dir / "spec/unit/generated.yml", spec.str());
}

void BM_SpecRunEndToEnd(benchmark::State& state) {
  const fs::path dir =
      fs::temp_directory_path() / ("proofbox-spec-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  generate_repo(dir);
  std::size_t cases = 0, passed = 0;
  for (auto _ : state) {
    auto report = proofbox::specs::run_unit_specs(dir, {});
    cases = 0;
    for (const auto& suite : report.suites) cases += suite.cases.size();
    passed = report.count(proofbox::specs::Outcome::kPassed);
    if (!report.passed()) {
      std::ostringstream out;
      proofbox::specs::write_report(out, report, proofbox::specs::ReportFormat::kHuman);
      state.SkipWithError(out.str().substr(0, 2000).c_str());
      break;
    }
  }
  state.counters["cases"] = static_cast<double>(cases);
  state.counters["passed"] = static_cast<double>(passed);
  fs::remove_all(dir);
}
BENCHMARK(BM_SpecRunEndToEnd)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
