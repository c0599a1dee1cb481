#pragma once
// Which data bags a cookbook's code may read, found by a conservative text scan of its Ruby
// and ERB sources (no evaluation): the gate must never miss a role a data bag change affects,
// so it errs towards selecting too much.
//   accessed   bags named literally as the first argument of a data bag accessor:
//              data_bag, data_bag_item, search (other than :node/:role/:client/:environment),
//              Chef::DataBag.load, Chef::DataBagItem.load, Chef::EncryptedDataBagItem.load,
//              ChefVault::Item.load, chef_vault_item — with or without parentheses, the name as
//              'bag', "bag", :bag or :"bag";
//   mentioned  every plain string or symbol literal (and %w/%i word) in the code, so a bag
//              name passed through a helper or a constant is still seen;
//   dynamic    accessor calls whose first argument is computed (a variable, an attribute,
//              an interpolated string): such code may read any bag.
// Comments are skipped; in .erb files only the code inside <% %> is read.
#include <map>
#include <string>
#include <vector>

#include "proofbox/specs/gate/repo_graph.hpp"

namespace proofbox::specs::gate {

struct SourceLocation {
  std::string path;
  int line = 0;
  std::string where() const { return path + ":" + std::to_string(line); }
};

struct BagReferences {
  std::map<std::string, SourceLocation> accessed;   // bag -> first accessor call naming it
  std::map<std::string, SourceLocation> mentioned;  // literal -> first place it occurs
  std::vector<SourceLocation> dynamic;              // accessor calls with a computed bag
};

BagReferences scan_bag_references(const std::vector<SourceFile>& sources);

}  // namespace proofbox::specs::gate
