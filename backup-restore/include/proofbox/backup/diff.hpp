#pragma once
// Comparing two ChefData: per kind, the names only in A, only in B, and changed, with what
// changed in each. Only kinds both sides describe are compared (a chef-repo says nothing about
// users, so a repo-vs-server diff must not list every user as "only in B").
//
// Ignored as volatile or derived:
//   - file "url"s in cookbook versions and artifacts (signed, expiring);
//   - the built-in "_default" environment when only one side has it (every server has one,
//     a repo rarely does);
//   - a client's or user's "public_key" when one side does not know it;
//   - a client's "clientname" (a copy of its name) and "admin" (a Chef 11 flag) when only
//     one side has them: server implementations differ there, the data does not.
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"

namespace proofbox::backup {

struct ChangedObject {
  std::string name;
  // What differs: JSON pointers ("/run_list", "/normal/app/port") and, for cookbooks,
  // "file PATH (changed|only in A|only in B)". Capped at kMaxDifferences entries.
  std::vector<std::string> differences;
};

struct KindDiff {
  std::string kind;  // a kKinds name, or "data_bag_items" (named "BAG/ITEM")
  std::vector<std::string> only_in_a;
  std::vector<std::string> only_in_b;
  std::vector<ChangedObject> changed;
  bool empty() const { return only_in_a.empty() && only_in_b.empty() && changed.empty(); }
};

struct DiffResult {
  std::vector<KindDiff> kinds;            // every compared kind, in kKinds order
  std::vector<std::string> not_compared;  // kinds one side does not describe
  bool same() const;
  std::size_t difference_count() const;  // names only in A + only in B + changed
};

inline constexpr std::size_t kMaxDifferences = 20;

DiffResult diff_chef_data(const ChefData& a, const ChefData& b);

// Text for people: one line per name, a summary line last. `a_label`/`b_label` name the sides.
std::string format_diff_human(const DiffResult& diff, const std::string& a_label,
                              const std::string& b_label);

// {"same": bool, "a": LABEL, "b": LABEL, "kinds": {KIND: {"only_in_a": [...], "only_in_b":
// [...], "changed": {NAME: [differences]}}}, "not_compared": [...]}; only kinds with differences
// appear under "kinds".
Json format_diff_json(const DiffResult& diff, const std::string& a_label,
                      const std::string& b_label);

}  // namespace proofbox::backup
