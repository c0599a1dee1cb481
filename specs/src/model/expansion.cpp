#include "proofbox/specs/expansion.hpp"

#include <algorithm>
#include <set>

#include "proofbox/specs/deep_merge.hpp"
#include "proofbox/zero/model/role.hpp"
#include "proofbox/zero/model/run_list.hpp"

namespace proofbox::specs {
namespace {

namespace model = proofbox::zero::model;

class Expander {
 public:
  Expander(std::string_view environment, const RoleLookup& roles)
      : environment_(environment), roles_(roles) {}

  void expand(const Json& run_list) {
    if (!run_list.is_array()) return;
    for (const Json& entry : run_list) {
      if (!entry.is_string()) continue;
      auto item = model::parse_run_list_item(entry.get<std::string>());
      if (!item) continue;
      if (item->is_recipe()) {
        add_recipe(*item);
      } else {
        apply_role(item->name);
      }
    }
  }

  Expansion result() && { return std::move(out_); }

 private:
  void add_recipe(const model::RunListItem& item) {
    for (auto& r : out_.recipes) {
      if (r.name != item.name) continue;
      if (item.version && r.version && *r.version != *item.version) {
        out_.version_conflicts.push_back("recipe[" + r.name + "@" + *r.version + "] and recipe[" +
                                         item.name + "@" + *item.version + "]");
      } else if (item.version && !r.version) {
        r.version = item.version;  // Chef records the pin wherever it appears
      }
      return;
    }
    out_.recipes.push_back({item.name, item.version});
  }

  void apply_role(const std::string& name) {
    if (!applied_.insert(name).second) return;  // each role once; also stops cycles
    const Json* role = roles_(name);
    if (role == nullptr) {
      out_.missing_roles.push_back(name);
      return;
    }
    out_.roles.push_back(name);
    expand(model::run_list_for(*role, environment_));
    if (auto it = role->find("default_attributes"); it != role->end() && it->is_object()) {
      out_.default_attributes = deep_merge(out_.default_attributes, *it);
    }
    if (auto it = role->find("override_attributes"); it != role->end() && it->is_object()) {
      out_.override_attributes = deep_merge(out_.override_attributes, *it);
    }
  }

  std::string environment_;
  const RoleLookup& roles_;
  std::set<std::string> applied_;
  Expansion out_;
};

const Json& field_or_empty(const Json& doc, const char* key) {
  static const Json kEmpty = Json::object();
  if (!doc.is_object()) return kEmpty;
  auto it = doc.find(key);
  return it != doc.end() && it->is_object() ? *it : kEmpty;
}

}  // namespace

std::vector<std::string> Expansion::recipe_names() const {
  std::vector<std::string> names;
  names.reserve(recipes.size());
  for (const auto& r : recipes) names.push_back(r.name);
  return names;
}

bool Expansion::includes_recipe(std::string_view recipe) const {
  const std::string wanted = canonical_recipe(recipe);
  return std::any_of(recipes.begin(), recipes.end(),
                     [&](const ExpandedRecipe& r) { return canonical_recipe(r.name) == wanted; });
}

std::string canonical_recipe(std::string_view item) {
  std::string text(item);
  if (text.starts_with("recipe[") && text.ends_with("]")) text = text.substr(7, text.size() - 8);
  if (auto at = text.find('@'); at != std::string::npos) text.resize(at);
  if (text.find("::") == std::string::npos) text += "::default";
  return text;
}

Expansion expand_run_list(const Json& run_list, std::string_view environment,
                          const RoleLookup& roles) {
  Expander expander(environment, roles);
  expander.expand(run_list);
  return std::move(expander).result();
}

const Json* AttributeLevels::level(std::string_view name) const {
  if (name == "environment_default") return &environment_default;
  if (name == "role_default") return &role_default;
  if (name == "default") return &default_;
  if (name == "normal") return &normal;
  if (name == "role_override") return &role_override;
  if (name == "environment_override") return &environment_override;
  if (name == "override") return &override_;
  if (name == "automatic") return &automatic;
  if (name == "merged") return &merged;
  return nullptr;
}

AttributeLevels attribute_levels(const Expansion& expansion, const Json& environment,
                                 const Json& node) {
  AttributeLevels out;
  out.environment_default = field_or_empty(environment, "default_attributes");
  out.environment_override = field_or_empty(environment, "override_attributes");
  out.role_default = expansion.default_attributes;
  out.role_override = expansion.override_attributes;
  out.normal = field_or_empty(node, "normal");
  out.automatic = field_or_empty(node, "automatic");
  out.default_ = deep_merge(deep_merge(field_or_empty(node, "default"), out.environment_default),
                            out.role_default);
  out.override_ = deep_merge(deep_merge(field_or_empty(node, "override"), out.role_override),
                             out.environment_override);
  out.merged = hash_only_merge(
      hash_only_merge(hash_only_merge(out.default_, out.normal), out.override_), out.automatic);
  return out;
}

}  // namespace proofbox::specs
