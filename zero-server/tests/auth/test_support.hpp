#pragma once
// Shared helpers for the auth tests: fixture keys, header lookups, and running the reference
// implementation (Ruby mixlib-authentication) as a child process.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "proofbox/zero/auth/verify.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::auth::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

inline std::string source_path(const std::string& relative) {
  return std::string(PROOFBOX_SOURCE_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

// The checked-in test key pair (fixtures/keys/README.md).
inline const std::string kPrivateKeyPath = source_path("fixtures/keys/test-client.pem");
inline const std::string kPublicKeyPath = source_path("fixtures/keys/test-client.pub");
inline const std::string kPkcs1PublicKeyPath = source_path("fixtures/keys/test-client.pkcs1.pub");

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A header lookup over a header list, matching names case-insensitively as HTTP does.
inline std::function<std::optional<std::string>(std::string_view)> lookup(Headers headers) {
  return [headers = std::move(headers)](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : headers) {
      if (lower(k) == name) return v;
    }
    return std::nullopt;
  };
}

inline std::optional<std::string> find(const Headers& headers, const std::string& name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

inline void set_header(Headers& headers, const std::string& name, const std::string& value) {
  for (auto& [k, v] : headers) {
    if (k == name) {
      v = value;
      return;
    }
  }
  headers.emplace_back(name, value);
}

inline void remove_header(Headers& headers, const std::string& name) {
  std::erase_if(headers, [&](const auto& h) { return h.first == name; });
}

// A verifier input that knows exactly one requestor.
inline VerifyInput verify_input(const std::string& method, const std::string& path,
                                const std::string& body, Headers headers, const std::string& user,
                                const std::string& public_pem) {
  VerifyInput in;
  in.method = method;
  in.path = path;
  in.body = body;
  in.header = lookup(std::move(headers));
  in.public_key_for = [user, public_pem](const std::string& who) -> std::optional<std::string> {
    if (who == user) return public_pem;
    return std::nullopt;
  };
  return in;
}

// A private temporary directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "proofbox-auth-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline constexpr const char* kRuby = "/usr/bin/ruby";

// Runs tests/auth/ruby/SCRIPT with REQUEST written to a JSON file and returns the JSON it
// prints. Fails the test (never skips) when Ruby or mixlib-authentication is not there.
inline Json run_ruby(const std::string& script, const Json& request) {
  if (access(kRuby, X_OK) != 0) {
    ADD_FAILURE() << kRuby << " is missing: the cross-checks need Ruby and Debian's "
                  << "ruby-mixlib-authentication (ci/setup installs both: apt-get install "
                  << "ruby ruby-mixlib-authentication)";
    return Json();
  }
  TempDir dir;
  const std::string request_path = dir.file("request.json");
  const std::string stderr_path = dir.file("stderr.txt");
  write_file(request_path, request.dump());
  const std::string command = std::string(kRuby) + " '" +
                              source_path("zero-server/tests/auth/ruby/" + script) + "' '" +
                              request_path + "' 2>'" + stderr_path + "'";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    int status = pclose(pipe);
    if (status != 0) {
      ADD_FAILURE() << script << " exited with status " << status << ":\n"
                    << read_file(stderr_path);
      return Json();
    }
  } else {
    ADD_FAILURE() << "popen failed for " << command;
    return Json();
  }
  Json parsed = Json::parse(out, nullptr, false);
  if (parsed.is_discarded()) ADD_FAILURE() << script << " printed no JSON: " << out;
  return parsed;
}

inline Headers headers_from_json(const Json& j) {
  Headers out;
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) out.emplace_back(k, v.get<std::string>());
  return out;
}

inline Json headers_to_json(const Headers& headers) {
  Json j = Json::object();
  for (const auto& [k, v] : headers) j[k] = v;
  return j;
}

}  // namespace proofbox::zero::auth::testing
