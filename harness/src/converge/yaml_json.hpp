#pragma once
// YAML values as JSON (first-boot attributes in proofbox.yml): plain scalars become numbers,
// booleans and null the way YAML 1.2's core schema reads them; quoted scalars stay strings.
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace proofbox::harness::detail {

nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace proofbox::harness::detail
