// Restore and backup of an organization with 10k nodes, 100 roles, 20 environments and 500
// cookbook versions (50 cookbooks x 10, files through sandboxes) into and out of proofbox:
// in-process through the ChefApi handler, and over HTTP on loopback with 10 requests in flight
// against one at a time (what knife does).
//
//   build/backup-restore/bench/restore_bench --benchmark_filter=. --benchmark_min_time=1x
#include <benchmark/benchmark.h>

#include <memory>

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/store/store.hpp"
#include "support/sample_chef_data.hpp"

namespace {

using namespace proofbox;
using backup::ChefData;
using backup::client::ChefClient;
using backup::client::ClientConfig;

constexpr int kNodes = 10000;

const ChefData& organization() {
  static const ChefData data = [] {
    ChefData d;
    for (int i = 0; i < 20; ++i) {
      std::string name = "env" + std::to_string(i);
      d.environments[name] = Json{{"name", name}, {"cookbook_versions", {{"app", ">= 1.0.0"}}}};
    }
    for (int i = 0; i < 100; ++i) {
      std::string name = "role" + std::to_string(i);
      d.roles[name] = Json{{"name", name},
                           {"run_list", {"recipe[base]", "recipe[app::" + name + "]"}},
                           {"default_attributes", {{"app", {{"port", 8000 + i}}}}}};
    }
    for (int i = 0; i < kNodes; ++i) {
      std::string name = "node" + std::to_string(i) + ".example.com";
      d.nodes[name] = Json{
          {"name", name},
          {"chef_environment", "env" + std::to_string(i % 20)},
          {"run_list", {"role[role" + std::to_string(i % 100) + "]"}},
          {"normal", {{"tags", {"web"}}, {"app", {{"shard", i % 16}}}}},
          {"automatic",
           {{"ipaddress", "10.0." + std::to_string(i / 256 % 256) + "." + std::to_string(i % 256)},
            {"platform", "debian"},
            {"platform_version", "12"},
            {"fqdn", name}}}};
    }
    backup::testing::add_cookbook_history(d);
    d.described = {"nodes", "roles", "environments", "cookbooks"};
    return d;
  }();
  return data;
}

// A fresh proofbox (auth off), optionally behind HTTP on a free loopback port.
struct Target {
  explicit Target(bool http) : api(store, {}) {
    if (http) {
      zero::http::ServerOptions o;
      o.port = 0;
      o.threads = 2;
      server = std::make_unique<zero::http::Server>(api, o);
      server->start();
    }
  }
  ChefClient client(unsigned concurrency) {
    ClientConfig c;
    c.concurrency = concurrency;
    if (server) {
      c.server_url = server->url() + "/organizations/chef";
      return ChefClient::over_http(c);
    }
    c.server_url = "http://proofbox/organizations/chef";
    return ChefClient::in_process(api, c);
  }
  zero::store::Store store;
  zero::api::ChefApi api;
  std::unique_ptr<zero::http::Server> server;
};

void report(benchmark::State& state, std::size_t objects) {
  state.counters["objects/s"] = benchmark::Counter(static_cast<double>(objects),
                                                   benchmark::Counter::kIsIterationInvariantRate);
}

void restore_into(benchmark::State& state, bool http) {
  const ChefData& data = organization();
  for (auto _ : state) {
    state.PauseTiming();
    auto target = std::make_unique<Target>(http);
    ChefClient client = target->client(static_cast<unsigned>(state.range(0)));
    state.ResumeTiming();
    auto result = backup::server::restore(client, data);
    if (!result.ok()) state.SkipWithError(result.errors.front().c_str());
    state.PauseTiming();
    target.reset();
    state.ResumeTiming();
  }
  report(state,
         data.nodes.size() + data.roles.size() + data.environments.size() + data.cookbooks.size());
}

void backup_from(benchmark::State& state, bool http) {
  Target target(http);
  ChefClient client = target.client(static_cast<unsigned>(state.range(0)));
  if (!backup::server::restore(client, organization()).ok()) state.SkipWithError("seed failed");
  backup::server::ReadOptions options;
  options.kinds = {"nodes", "roles", "environments", "cookbooks"};
  std::size_t objects = 0;
  for (auto _ : state) {
    auto result = backup::server::read_server(client, options);
    objects = result.data.nodes.size() + result.data.roles.size() +
              result.data.environments.size() + result.data.cookbooks.size();
    benchmark::DoNotOptimize(objects);
  }
  report(state, objects);
}

void BM_RestoreInProcess(benchmark::State& state) {
  restore_into(state, false);
}
void BM_RestoreHttp(benchmark::State& state) {
  restore_into(state, true);
}
void BM_BackupInProcess(benchmark::State& state) {
  backup_from(state, false);
}
void BM_BackupHttp(benchmark::State& state) {
  backup_from(state, true);
}

BENCHMARK(BM_RestoreInProcess)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_RestoreHttp)
    ->Arg(10)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK(BM_BackupInProcess)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_BackupHttp)
    ->Arg(10)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace
