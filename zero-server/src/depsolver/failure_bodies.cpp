#include "failure_bodies.hpp"

namespace proofbox::zero::depsolver::detail {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

Failure precondition_failed(Json detail) {
  return Failure{412, Json{{"error", Json::array({std::move(detail)})}}};
}

}  // namespace

std::string constraint_text(const Constraint& c) {
  std::string s(model::to_string(c.op));
  s.push_back(' ');
  s.append(model::to_string(c.version));
  return s;
}

std::string dependency_text(std::string_view cookbook, const Constraint& c) {
  std::string s = "(";
  s.append(cookbook);
  s.push_back(' ');
  s.append(constraint_text(c));
  s.push_back(')');
  return s;
}

Failure no_such_cookbooks(const std::vector<std::string>& names) {
  // erchef not_found_message: singular and plural wordings differ.
  std::string message = names.size() == 1 ? "Run list contains invalid items: no such cookbook "
                                          : "Run list contains invalid items: no such cookbooks ";
  message.append(join(names, ", "));
  message.push_back('.');
  return precondition_failed(Json{{"message", message},
                                  {"non_existent_cookbooks", names},
                                  {"cookbooks_with_no_versions", Json::array()}});
}

Failure no_matching_versions(const std::vector<std::string>& constraints) {
  // erchef invalid_constraints_message; the non-existent part is always empty here because
  // missing run-list cookbooks are reported first.
  std::string message = "Run list contains invalid items: ";
  message.append(constraints.size() == 1 ? "no versions match the constraints on cookbook "
                                         : "no versions match the constraints on cookbooks ");
  message.append(join(constraints, ", "));
  message.push_back('.');
  return precondition_failed(Json{{"message", message},
                                  {"non_existent_cookbooks", Json::array()},
                                  {"cookbooks_with_no_versions", constraints}});
}

Failure out_of_time() {
  return precondition_failed(Json{{"message", "unable to solve dependencies in alotted time"},
                                  {"non_existent_cookbooks", Json::array()},
                                  {"most_constrained_cookbooks", Json::array()}});
}

Failure no_solution(const NoSolution& d) {
  return precondition_failed(Json{{"message", d.message},
                                  {"unsatisfiable_run_list_item", d.unsatisfiable_run_list_item},
                                  {"non_existent_cookbooks", d.non_existent_cookbooks},
                                  {"most_constrained_cookbooks", d.most_constrained_cookbooks}});
}

}  // namespace proofbox::zero::depsolver::detail
