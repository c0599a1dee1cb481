// Writing and reading a production-sized snapshot: 10,000 nodes (~2 KB each) and 500 cookbook
// versions (50 cookbooks x 10 versions, 12 files each), as a directory and as a .tar.gz.
// Each write includes the fsyncs; each read includes every sha256 and md5 check.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/sample_chef_data.hpp"

namespace {

using proofbox::Json;
using proofbox::backup::ChefData;
namespace fs = std::filesystem;

Json node(int i) {
  Json normal = Json::object();
  for (int a = 1; a <= 40; ++a) {
    normal["attribute_" + std::to_string(a)] = "value-" + std::to_string(i * 7919 + a);
  }
  return Json{{"name", "node" + std::to_string(i)},
              {"chef_type", "node"},
              {"json_class", "Chef::Node"},
              {"chef_environment", i % 2 ? "production" : "staging"},
              {"run_list", {"role[base]", "recipe[app::default]"}},
              {"normal", normal},
              {"default", Json::object()},
              {"override", Json::object()},
              {"automatic", {{"platform", "debian"}, {"ipaddress", "10.0.0.1"}}}};
}

const ChefData& big_data() {
  static const ChefData data = [] {
    ChefData d;
    d.describe_all();
    for (int i = 0; i < 10000; ++i) d.nodes["node" + std::to_string(i)] = node(i);
    proofbox::backup::testing::add_cookbook_history(d);
    return d;
  }();
  return data;
}

fs::path bench_path(const std::string& name) {
  return fs::temp_directory_path() / ("proofbox-bench-" + std::to_string(getpid()) + "-" + name);
}

const proofbox::backup::SnapshotInfo kInfo{"bench", "acme", "2026-11-23T10:00:00Z"};

void BM_Write(benchmark::State& state, const std::string& name) {
  const ChefData& data = big_data();
  const fs::path path = bench_path(name);
  for (auto _ : state) proofbox::backup::write_snapshot(data, path, kInfo);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(data.nodes.size() + data.cookbooks.size()));
  fs::remove_all(path);
}

void BM_Read(benchmark::State& state, const std::string& name) {
  const ChefData& data = big_data();
  const fs::path path = bench_path(name);
  proofbox::backup::write_snapshot(data, path, kInfo);
  for (auto _ : state) {
    ChefData back = proofbox::backup::read_snapshot(path);
    benchmark::DoNotOptimize(back);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(data.nodes.size() + data.cookbooks.size()));
  fs::remove_all(path);
}

// Disk-bound (a minute of writeback on a shared VM disk): one iteration is enough.
BENCHMARK_CAPTURE(BM_Write, dir, std::string("dir"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_Read, dir, std::string("dir"))->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_Write, targz, std::string("snap.tar.gz"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_Read, targz, std::string("snap.tar.gz"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
