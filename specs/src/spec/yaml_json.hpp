#pragma once
// YAML values as JSON: plain scalars are typed as YAML 1.2's core schema reads them (null,
// true/false, integers, floats, else strings); quoted scalars stay strings.
#include <yaml-cpp/yaml.h>

#include "proofbox/zero/json.hpp"

namespace proofbox::specs {

Json yaml_to_json(const YAML::Node& node);

}  // namespace proofbox::specs
