#include "proofbox/zero/auth/canonical.hpp"

#include <cctype>

namespace proofbox::zero::auth {

std::string_view version_string(SignVersion v) {
  switch (v) {
    case SignVersion::V1_0:
      return "1.0";
    case SignVersion::V1_1:
      return "1.1";
    case SignVersion::V1_3:
      return "1.3";
  }
  return "1.3";
}

std::string_view algorithm_name(SignVersion v) {
  return v == SignVersion::V1_3 ? "sha256" : "sha1";
}

DigestAlg digest_for(SignVersion v) {
  return v == SignVersion::V1_3 ? DigestAlg::Sha256 : DigestAlg::Sha1;
}

std::optional<SignVersion> parse_version(std::string_view text) {
  if (text == "1.0") return SignVersion::V1_0;
  if (text == "1.1") return SignVersion::V1_1;
  if (text == "1.3") return SignVersion::V1_3;
  return std::nullopt;
}

std::string canonical_path(std::string_view path) {
  // The server strips a query string; clients sign the path without one anyway.
  if (auto q = path.find('?'); q != std::string_view::npos) path = path.substr(0, q);
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  if (out.empty()) out = "/";
  return out;
}

std::string canonical_request(SignVersion v, const CanonicalFields& f) {
  std::string method = f.method;
  for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string path = canonical_path(f.path);
  const DigestAlg alg = digest_for(v);

  std::string out = "Method:" + method + "\n";
  if (v == SignVersion::V1_3) {
    out += "Path:" + path + "\n";
    out += "X-Ops-Content-Hash:" + f.content_hash + "\n";
    out += "X-Ops-Sign:version=1.3\n";
    out += "X-Ops-Timestamp:" + f.timestamp + "\n";
    out += "X-Ops-UserId:" + f.user_id + "\n";
    out += "X-Ops-Server-API-Version:" + f.server_api_version;
  } else {
    // 1.1 hashes the user id so long names still fit in one RSA block.
    const std::string user = v == SignVersion::V1_1 ? digest_base64(alg, f.user_id) : f.user_id;
    out += "Hashed Path:" + digest_base64(alg, path) + "\n";
    out += "X-Ops-Content-Hash:" + f.content_hash + "\n";
    out += "X-Ops-Timestamp:" + f.timestamp + "\n";
    out += "X-Ops-UserId:" + user;
  }
  return out;
}

}  // namespace proofbox::zero::auth
