// Reading a large chef-repo: N cookbooks (Ruby metadata.rb with dependencies, recipes,
// attributes, a library, default and platform-specific templates, a file) plus roles and
// environments in both .json and .rb. Reports cookbooks/s and file bytes/s.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "proofbox/backup/repo/read_chef_repo.hpp"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

fs::path make_repo(int cookbooks) {
  std::string pattern = (fs::temp_directory_path() / "proofbox-bench-repo-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  const fs::path root = pattern;
  write(root / "cookbooks/chefignore", "spec/*\n*~\n");
  const std::string body(2048, 'x');
  for (int i = 0; i < cookbooks; ++i) {
    const std::string name = "cb" + std::to_string(i);
    const fs::path dir = root / "cookbooks" / name;
    std::string metadata = "name '" + name + "'\nversion '1.0." + std::to_string(i) +
                           "'\nmaintainer 'Bench'\nlicense 'Apache-2.0'\n"
                           "supports 'ubuntu', '>= 20.04'\nchef_version '>= 16'\n";
    if (i > 0) metadata += "depends 'cb" + std::to_string(i - 1) + "', '~> 1.0'\n";
    write(dir / "metadata.rb", metadata);
    for (const char* recipe : {"default", "install", "config"}) {
      write(dir / "recipes" / (std::string(recipe) + ".rb"), "# " + name + "\n" + body);
    }
    write(dir / "attributes/default.rb", "default['" + name + "']['port'] = " + std::to_string(i));
    write(dir / "libraries/helpers.rb", "module H" + std::to_string(i) + "; end\n" + body);
    write(dir / "templates/default/app.conf.erb", name + "\n" + body);
    write(dir / "templates/ubuntu-22.04/app.conf.erb", name + " ubuntu\n" + body);
    write(dir / "files/default/tool.sh", "#!/bin/sh\necho " + name + "\n");
    write(dir / "spec/default_spec.rb", "ignored\n");
  }
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(i);
    write(root / "roles" / ("json" + n + ".json"),
          R"({"name": "json)" + n + R"(", "run_list": ["recipe[cb)" + n + "]\"]}");
    write(root / "roles" / ("rb" + n + ".rb"),
          "name 'rb" + n + "'\nrun_list 'recipe[cb" + n + "]'\ndefault_attributes 'a' => " + n);
    write(root / "environments" / ("env" + n + ".rb"),
          "name 'env" + n + "'\ncookbook 'cb" + n + "', '~> 1.0'\n");
  }
  return root;
}

void BM_ReadChefRepo(benchmark::State& state) {
  const int cookbooks = static_cast<int>(state.range(0));
  const fs::path repo = make_repo(cookbooks);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto data = proofbox::backup::read_chef_repo(repo);
    bytes = 0;
    for (const auto& [checksum, content] : data.files) bytes += content.size();
    if (data.cookbooks.size() != static_cast<std::size_t>(cookbooks)) {
      state.SkipWithError("wrong cookbook count");
    }
    benchmark::DoNotOptimize(data);
  }
  state.counters["cookbooks/s"] = benchmark::Counter(static_cast<double>(cookbooks),
                                                     benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
  fs::remove_all(repo);
}

BENCHMARK(BM_ReadChefRepo)->Arg(500)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
