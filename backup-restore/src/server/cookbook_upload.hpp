#pragma once
// Getting cookbook files onto a Chef server the way knife upload does: POST /sandboxes with
// every checksum, PUT the bytes of the ones the server says it needs (Content-MD5 and
// Content-Type application/x-binary) to the url it gives, then commit the sandbox. After that
// the cookbook version or artifact documents that name those checksums can be saved.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "proofbox/backup/client/chef_client.hpp"

namespace proofbox::backup::server {

// Returns the errors (empty when every file is on the server).
std::vector<std::string> upload_files(client::ChefClient& client,
                                      const std::set<std::string>& checksums,
                                      const std::map<std::string, std::string>& files);

}  // namespace proofbox::backup::server
