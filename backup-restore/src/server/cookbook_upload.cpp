#include "cookbook_upload.hpp"

#include "file_checksum.hpp"

namespace proofbox::backup::server {

using client::ApiRequest;

std::vector<std::string> upload_files(client::ChefClient& client,
                                      const std::set<std::string>& checksums,
                                      const std::map<std::string, std::string>& files) {
  std::vector<std::string> errors;
  if (checksums.empty()) return errors;
  Json wanted = Json::object();
  for (const auto& sum : checksums) wanted[sum] = nullptr;
  auto created = client.send(
      ApiRequest::json("POST", client.org_path("sandboxes"), Json{{"checksums", wanted}}));
  if (!created.ok()) return {"create sandbox: " + created.describe()};
  Json sandbox = created.json();
  const std::string id = sandbox.value("sandbox_id", "");
  std::vector<ApiRequest> puts;
  std::vector<std::string> sums;
  const std::string own_base = client.url().base;
  const Json answered = sandbox.value("checksums", Json::object());
  for (auto& [sum, entry] : answered.items()) {
    if (!entry.is_object() || !entry.value("needs_upload", false)) continue;
    auto file = files.find(sum);
    if (file == files.end()) {
      errors.push_back("file " + sum + ": the server needs it and the source lacks it");
      continue;
    }
    ApiRequest put;
    put.method = "PUT";
    put.path = entry.value("url", "");
    put.body = file->second;
    put.content_type = "application/x-binary";
    put.headers.emplace_back("Content-MD5", md5_base64_from_hex(sum));
    put.sign = put.path.rfind(own_base, 0) == 0;
    puts.push_back(std::move(put));
    sums.push_back(sum);
  }
  auto responses = client.send_all(puts);
  for (std::size_t i = 0; i < responses.size(); ++i) {
    if (!responses[i].ok())
      errors.push_back("upload file " + sums[i] + ": " + responses[i].describe());
  }
  if (!errors.empty()) return errors;
  auto commit = client.send(
      ApiRequest::json("PUT", client.org_path("sandboxes/" + id), Json{{"is_completed", true}}));
  if (!commit.ok()) errors.push_back("commit sandbox " + id + ": " + commit.describe());
  return errors;
}

}  // namespace proofbox::backup::server
