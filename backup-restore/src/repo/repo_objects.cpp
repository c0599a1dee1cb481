#include "proofbox/backup/repo/repo_objects.hpp"

#include <string>

#include "proofbox/backup/repo/json_file.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/backup/repo/ruby_dsl.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/environment.hpp"
#include "proofbox/zero/model/node.hpp"
#include "proofbox/zero/model/role.hpp"

namespace proofbox::backup::repo {
namespace {

namespace model = proofbox::zero::model;

bool is_ruby(const std::filesystem::path& file) {
  return file.extension() == ".rb";
}

Json read_document(const std::filesystem::path& file, DslKind kind) {
  return is_ruby(file) ? evaluate_ruby_dsl(file, kind) : read_json_object(file);
}

// Fills `field` from the file name, or checks that it matches.
void name_from_file(Json& doc, const char* field, const std::filesystem::path& file) {
  const std::string expected = file.stem().string();
  if (!doc.contains(field) || doc[field].is_null()) {
    doc[field] = expected;
    return;
  }
  if (!doc[field].is_string()) {
    throw RepoError(file, 0, std::string("'") + field + "' must be a string");
  }
  if (doc[field].get<std::string>() != expected) {
    throw RepoError(file, 0,
                    std::string("'") + field + "' is '" + doc[field].get<std::string>() +
                        "' but the file name says '" + expected + "'");
  }
}

// Runs a model normaliser, reporting what the server would refuse against the file.
template <typename Normalize>
Json checked(const std::filesystem::path& file, Normalize normalize) {
  try {
    return normalize();
  } catch (const proofbox::zero::ChefError& e) {
    throw RepoError(file, 0, e.what());
  }
}

}  // namespace

Json read_role_file(const std::filesystem::path& file) {
  Json doc = read_document(file, DslKind::role);
  name_from_file(doc, "name", file);
  return checked(file, [&] { return model::normalize_role(doc, model::Action::create()); });
}

Json read_environment_file(const std::filesystem::path& file) {
  Json doc = read_document(file, DslKind::environment);
  name_from_file(doc, "name", file);
  return checked(file, [&] { return model::normalize_environment(doc); });
}

Json read_node_file(const std::filesystem::path& file) {
  Json doc = read_document(file, DslKind::node);
  name_from_file(doc, "name", file);
  return checked(file, [&] { return model::normalize_node(doc, model::Action::create()); });
}

Json read_client_file(const std::filesystem::path& file) {
  Json doc = read_json_object(file);
  if (doc.contains("clientname") && !doc.contains("name")) doc["name"] = doc["clientname"];
  name_from_file(doc, "name", file);
  if (doc.contains("clientname") && doc["clientname"] != doc["name"]) {
    throw RepoError(file, 0, "name and clientname must match");
  }
  doc["clientname"] = doc["name"];
  if (!doc.contains("validator")) doc["validator"] = false;
  if (!doc["validator"].is_boolean()) throw RepoError(file, 0, "'validator' must be true or false");
  if (!doc.contains("json_class")) doc["json_class"] = "Chef::ApiClient";
  if (!doc.contains("chef_type")) doc["chef_type"] = "client";
  return doc;
}

Json read_data_bag_item_file(const std::filesystem::path& file) {
  Json doc = read_json_object(file);
  name_from_file(doc, "id", file);
  return doc;
}

}  // namespace proofbox::backup::repo
