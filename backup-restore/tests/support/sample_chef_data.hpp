#pragma once
// Test data for the backup-restore tests: a ChefData with every kind filled in, cookbook files
// with real MD5 checksums, binary bytes, an empty data bag and non-ASCII names.
#include <string>
#include <string_view>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::backup::testing {

using zero::model::md5_hex;

// Adds a file's bytes and returns its all_files entry.
inline Json cookbook_file(ChefData& data, const std::string& segment_name, const std::string& path,
                          const std::string& bytes, const std::string& specificity = "default") {
  std::string checksum = md5_hex(bytes);
  data.files[checksum] = bytes;
  return Json{
      {"name", segment_name}, {"path", path}, {"checksum", checksum}, {"specificity", specificity}};
}

inline Json cookbook_version(const std::string& name, const std::string& version, Json files) {
  return Json{
      {"name", name + "-" + version},
      {"cookbook_name", name},
      {"version", version},
      {"chef_type", "cookbook_version"},
      {"json_class", "Chef::CookbookVersion"},
      {"frozen?", false},
      {"metadata", {{"name", name}, {"version", version}, {"dependencies", Json::object()}}},
      {"all_files", std::move(files)}};
}

// A production-like cookbook history for benchmarks: `cookbooks` cookbooks with `versions`
// versions of 12 ~2 KB recipe files each, most files shared between versions as in real
// histories (50 x 10 = 500 versions, ~620 distinct files).
inline void add_cookbook_history(ChefData& d, int cookbooks = 50, int versions = 10) {
  for (int c = 0; c < cookbooks; ++c) {
    const std::string name = "cookbook" + std::to_string(c);
    for (int v = 0; v < versions; ++v) {
      const std::string version = "1." + std::to_string(v) + ".0";
      Json files = Json::array();
      for (int f = 0; f < 12; ++f) {
        std::string body(2048, static_cast<char>('a' + f));
        body += name + " file " + std::to_string(f) + " version " + std::to_string(f < 2 ? v : 0) +
                "\n";
        const std::string path = "recipes/r" + std::to_string(f) + ".rb";
        files.push_back(cookbook_file(d, path, path, body));
      }
      d.cookbooks[name + "-" + version] = cookbook_version(name, version, files);
    }
  }
}

inline std::string binary_bytes() {
  std::string bytes;
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>(i % 256);
  return bytes;
}

inline ChefData sample_chef_data() {
  ChefData data;
  data.describe_all();
  data.nodes["web01"] = Json{{"name", "web01"},
                             {"chef_environment", "production"},
                             {"run_list", {"role[web]"}},
                             {"normal", {{"tags", Json::array()}}}};
  data.nodes["nœud-ü"] = Json{{"name", "nœud-ü"}, {"run_list", Json::array()}};
  data.roles["web"] = Json{{"name", "web"}, {"run_list", {"recipe[apache2]"}}};
  data.environments["_default"] = Json{{"name", "_default"}, {"description", "default"}};
  data.environments["production"] =
      Json{{"name", "production"}, {"cookbook_versions", {{"apache2", "= 1.0.0"}}}};
  data.clients["web01"] = Json{{"name", "web01"}, {"public_key", "-----BEGIN PUBLIC KEY-----\n"}};
  data.clients["validator"] = Json{{"name", "validator"},
                                   {"validator", true},
                                   {"private_key", "-----BEGIN RSA PRIVATE KEY-----\n"}};
  data.users["alice"] = Json{{"username", "alice"}, {"display_name", "Alice"}};
  data.data_bags["secrets"]["db"] = Json{{"id", "db"}, {"password", {{"encrypted_data", "x"}}}};
  data.data_bags["users"]["bob"] = Json{{"id", "bob"}, {"shell", "/bin/zsh"}};
  data.data_bags["empty"];
  data.cookbooks["apache2-1.0.0"] = cookbook_version(
      "apache2", "1.0.0",
      {cookbook_file(data, "recipes/default.rb", "recipes/default.rb", "package 'apache2'\n"),
       cookbook_file(data, "root_files/metadata.rb", "metadata.rb", "name 'apache2'\n",
                     "root_default"),
       cookbook_file(data, "files/logo.png", "files/default/logo.png", binary_bytes()),
       cookbook_file(data, "templates/é.conf.erb", "templates/default/é.conf.erb", "<%= 1 %>\n")});
  data.cookbooks["apache2-1.1.0"] = cookbook_version(
      "apache2", "1.1.0",
      {cookbook_file(data, "recipes/default.rb", "recipes/default.rb", "package 'apache2'\n"),
       cookbook_file(data, "files/empty", "files/default/empty", "")});
  Json artifact = cookbook_version(
      "apache2", "1.0.0",
      {cookbook_file(data, "recipes/default.rb", "recipes/default.rb", "package 'apache2'\n")});
  artifact["identifier"] = "0123abcd";
  artifact.erase("chef_type");
  data.cookbook_artifacts["apache2-0123abcd"] = artifact;
  data.policies["app-aaaa1111"] = Json{
      {"name", "app"}, {"revision_id", "aaaa1111"}, {"run_list", {"recipe[apache2::default]"}}};
  data.policy_groups["prod"] = Json{{"policies", {{"app", {{"revision_id", "aaaa1111"}}}}}};
  data.files[md5_hex("loose bytes")] = "loose bytes";  // a file no cookbook names
  return data;
}

}  // namespace proofbox::backup::testing
