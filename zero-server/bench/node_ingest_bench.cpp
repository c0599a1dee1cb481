// In-process cost of the node write and read paths, without sockets: parse + validate +
// normalise + serialise + store a ~2 KB node, and look one up. The HTTP figures (load driver)
// add the network on top of these.
#include <benchmark/benchmark.h>

#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/node.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace {

using proofbox::Json;
namespace model = proofbox::zero::model;
namespace store = proofbox::zero::store;

std::string node_text(const std::string& name) {
  std::string attrs;
  for (int i = 1; i <= 48; ++i) {
    if (i > 1) attrs += ',';
    attrs += "\"attribute_" + std::to_string(i) + "\":\"value-" + std::to_string(i * 7919) + "\"";
  }
  return R"({"name":")" + name +
         R"(","chef_type":"node","json_class":"Chef::Node","chef_environment":"_default",)"
         R"("run_list":["role[base]","recipe[nginx]"],"normal":{)" +
         attrs + R"(},"default":{},"override":{},"automatic":{"platform":"debian"}})";
}

void BM_NodeIngest(benchmark::State& state) {
  store::Collection nodes;
  std::vector<std::string> bodies;
  for (int i = 0; i < 10000; ++i) bodies.push_back(node_text("node" + std::to_string(i)));
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& text = bodies[i++ % bodies.size()];
    Json node = model::normalize_node(Json::parse(text), model::Action::create());
    const std::string& name = node["name"].get_ref<const std::string&>();
    nodes.put(name, store::make_document(node.dump()));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bodies[0].size()));
}
BENCHMARK(BM_NodeIngest);

void BM_NodeLookup(benchmark::State& state) {
  store::Collection nodes;
  for (int i = 0; i < 10000; ++i) {
    nodes.put("node" + std::to_string(i), store::make_document(node_text("node")));
  }
  std::size_t i = 0;
  std::vector<std::string> names;
  for (int n = 0; n < 10000; ++n) names.push_back("node" + std::to_string(n));
  for (auto _ : state) {
    store::Document doc = nodes.get(names[i++ % names.size()]);
    std::string body = *doc;  // what a GET hands to the HTTP layer
    benchmark::DoNotOptimize(body);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NodeLookup);

}  // namespace
