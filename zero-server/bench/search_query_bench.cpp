// In-process cost of search: a query over 1k and 10k indexed nodes, building the index, and the
// index's memory per node. Nodes are ~2 KB with ohai-like automatic attributes (some shared
// across the fleet, some unique per node: addresses, fqdn, uptime), a quarter with role[app],
// half on ubuntu, so `role:app AND platform:ubuntu` matches one node in eight.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include "proofbox/zero/search/catalog.hpp"

namespace {

using proofbox::Json;
namespace search = proofbox::zero::search;

Json bench_node(int i) {
  const std::string name = "node" + std::to_string(i);
  Json normal = Json::object();
  for (int a = 1; a <= 48; ++a) {
    normal["attribute_" + std::to_string(a)] = "value-" + std::to_string(a * 7919);
  }
  Json automatic{
      {"platform", i % 2 == 0 ? "ubuntu" : "debian"},
      {"platform_family", "debian"},
      {"platform_version", i % 2 == 0 ? "22.04" : "12"},
      {"fqdn", name + ".example.com"},
      {"hostname", name},
      {"domain", "example.com"},
      {"ipaddress", "10." + std::to_string(i / 65536 % 256) + "." + std::to_string(i / 256 % 256) +
                        "." + std::to_string(i % 256)},
      {"macaddress", "02:00:00:" + std::to_string(i)},
      {"uptime_seconds", 1000 + i * 37},
      {"kernel", {{"name", "Linux"}, {"release", "6.1.0-13-amd64"}, {"machine", "x86_64"}}},
      {"languages",
       {{"ruby", {{"version", "3.1.2"}, {"platform", "x86_64-linux"}}},
        {"python", {{"version", "3.11.2"}}}}},
      {"memory", {{"total", "4030464kB"}, {"free", std::to_string(1000000 + i) + "kB"}}},
      {"cpu", {{"total", 2}, {"real", 1}}},
      {"recipes", {"base", "nginx", "nginx::default"}},
      {"roles", i % 4 == 0 ? Json{"base", "app"} : Json{"base"}},
  };
  return Json{{"name", name},
              {"chef_environment", i % 3 == 0 ? "prod" : "staging"},
              {"json_class", "Chef::Node"},
              {"chef_type", "node"},
              {"run_list", i % 4 == 0 ? Json{"role[base]", "role[app]", "recipe[nginx]"}
                                      : Json{"role[base]", "recipe[nginx]"}},
              {"normal", std::move(normal)},
              {"default", Json::object()},
              {"override", Json::object()},
              {"automatic", std::move(automatic)}};
}

std::unique_ptr<search::Catalog> fleet(int n) {
  auto c = std::make_unique<search::Catalog>();
  for (int i = 0; i < n; ++i) c->put("node", "node" + std::to_string(i), bench_node(i));
  return c;
}

void BM_Query_RoleAppAndPlatformUbuntu(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  auto c = fleet(n);
  std::size_t total = 0;
  for (auto _ : state) {
    auto r = c->query("node", "role:app AND platform:ubuntu", "", 0, search::kAllRows);
    total = r.total;
    benchmark::DoNotOptimize(r);
  }
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_Query_RoleAppAndPlatformUbuntu)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_Query_Wildcard(benchmark::State& state) {
  auto c = fleet(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(c->query("node", "fqdn:node1* AND NOT chef_environment:prod"));
  }
}
BENCHMARK(BM_Query_Wildcard)->Arg(10000)->Unit(benchmark::kMicrosecond);

// Building the index from nothing: flatten + intern + postings, per node.
void BM_IndexBuild(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<Json> nodes;
  for (int i = 0; i < n; ++i) nodes.push_back(bench_node(i));
  for (auto _ : state) {
    search::Catalog c;
    for (int i = 0; i < n; ++i) c.put("node", "node" + std::to_string(i), nodes[i]);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_IndexBuild)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Heap held by the index (the stored JSON documents are not counted: they live in the store).
void BM_IndexMemoryPerNode(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  double per_node = 0;
  std::size_t terms = 0;
  for (auto _ : state) {
    std::vector<Json> nodes;
    for (int i = 0; i < n; ++i) nodes.push_back(bench_node(i));
    malloc_trim(0);
    const std::size_t before = mallinfo2().uordblks;
    auto c = std::make_unique<search::Catalog>();
    for (int i = 0; i < n; ++i) c->put("node", "node" + std::to_string(i), nodes[i]);
    const std::size_t after = mallinfo2().uordblks;
    per_node = static_cast<double>(after - before) / n;
    terms = c->find("node")->term_count();
  }
  state.counters["index_bytes_per_node"] = per_node;
  state.counters["terms"] = static_cast<double>(terms);
}
BENCHMARK(BM_IndexMemoryPerNode)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
