#include "proofbox/backup/client/server_url.hpp"

#include <stdexcept>

namespace proofbox::backup::client {

ServerUrl parse_server_url(std::string_view url) {
  auto bad = [&](const std::string& why) {
    return std::invalid_argument("bad Chef server URL '" + std::string(url) + "': " + why);
  };
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) throw bad("expected http:// or https://");
  std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") throw bad("expected http:// or https://");
  std::string_view rest = url.substr(scheme_end + 3);
  auto slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  if (host.empty()) throw bad("no host");
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (auto q = path.find_first_of("?#"); q != std::string_view::npos) path = path.substr(0, q);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);

  ServerUrl out;
  out.base = std::string(scheme) + "://" + std::string(host);
  out.org_prefix = std::string(path);
  constexpr std::string_view kOrgs = "/organizations/";
  if (auto at = path.find(kOrgs); at != std::string_view::npos) {
    std::string_view org = path.substr(at + kOrgs.size());
    org = org.substr(0, org.find('/'));
    if (org.empty()) throw bad("empty organization name");
    out.org = std::string(org);
    out.org_prefix = std::string(path.substr(0, at + kOrgs.size() + org.size()));
  }
  return out;
}

std::string url_path(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    url = url.substr(scheme + 3);
    auto slash = url.find('/');
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  }
  return std::string(url.substr(0, url.find('?')));
}

}  // namespace proofbox::backup::client
