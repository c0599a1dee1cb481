#pragma once
// Sandboxes: the server's record of a set of files a client is about to upload (erchef
// chef_sandbox, chef_wm_sandboxes, chef_wm_named_sandbox).
//   POST body    {"checksums": {MD5: null, ...}} with at least one entry, every key 32 hex
//                digits and every value null — else "Field 'checksums' invalid"
//                ("Field 'checksums' missing" when absent);
//   commit body  {"is_completed": true}.
// The stored document is {"checksums": [lowercase MD5...], "create_time": "..."}.
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// The checksums of a POST /sandboxes body, as the client wrote them (their order in the body).
std::vector<std::string> sandbox_request_checksums(const Json& body);

// The stored sandbox document for these (lowercase) checksums.
Json new_sandbox(const std::vector<std::string>& checksums, std::string create_time);

// The lowercase checksums a stored sandbox lists.
std::vector<std::string> sandbox_checksums(const Json& sandbox);

// Throws 400 unless `body` is {"is_completed": true, ...} (erchef's wording).
void require_sandbox_commit(const Json& body);

// 503 message when a sandbox is committed before all its files arrived:
// "Cannot update sandbox ID: the following checksums have not been uploaded: A, B".
std::string sandbox_missing_files_message(std::string_view id,
                                          const std::vector<std::string>& missing);

// The answer to a commit: {"guid", "name", "checksums", "create_time", "is_completed": true}.
Json committed_sandbox(std::string_view id, const Json& sandbox);

}  // namespace proofbox::zero::model
