#pragma once
// A Chef server URL as knife takes it: "https://chef.example/organizations/acme". The part
// before the path is where every request goes; "/organizations/ORG" names the organization.
#include <string>
#include <string_view>

namespace proofbox::backup::client {

struct ServerUrl {
  std::string base;        // "https://chef.example:8443" (no trailing slash)
  std::string org_prefix;  // "/organizations/acme", or the URL's path, or ""
  std::string org;         // "acme"; "" when the URL names none
};

// Throws std::invalid_argument for a URL that is not http(s)://HOST[:PORT][/PATH].
ServerUrl parse_server_url(std::string_view url);

// The path part of an absolute URL ("/a/b" of "http://h/a/b?x"); `url` itself when it is a path.
std::string url_path(std::string_view url);

}  // namespace proofbox::backup::client
