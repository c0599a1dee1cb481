// Smolder test files, run unmodified: a top-level `tests:` list whose entries name a request
// (uri, protocol, port, method, inputs) and its expected outcomes. The host smolder would take
// from its command line is the node: requests go to 127.0.0.1 inside its network namespace.
// Both layouts smolder has used are read: inputs/outcomes maps, and the older flat entries
// (url, request_headers, data and outcome keys next to the name).
#include <set>

#include "yaml_support.hpp"

namespace proofbox::harness {
namespace {

using functional::Where;
using Response = ::testing::Matcher<const HttpResponse&>;

std::string base64(const std::string& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// The strings of a scalar-or-list node.
std::vector<std::string> strings(const Where& where, const YAML::Node& node) {
  std::vector<std::string> out;
  if (node.IsSequence()) {
    for (const auto& item : node) out.push_back(functional::scalar(where, item, "a value"));
  } else {
    out.push_back(functional::scalar(where, node, "a value"));
  }
  return out;
}

class SmolderReader {
 public:
  explicit SmolderReader(std::string file) : where_{std::move(file)} {}

  std::vector<FunctionalCheck> read(const YAML::Node& root) {
    YAML::Node tests = root["tests"];
    if (!tests.IsSequence())
      where_.fail(tests.IsDefined() ? tests : root, "tests: expected a list");
    std::vector<FunctionalCheck> checks;
    for (const auto& test : tests) checks.push_back(one(test));
    return checks;
  }

 private:
  FunctionalCheck one(const YAML::Node& test) {
    if (!test.IsMap()) where_.fail(test, "a smolder test is a map (name, uri, outcomes, ...)");
    FunctionalCheck check;
    check.file = where_.file;
    check.line = where_.line(test);
    if (!test["name"]) where_.fail(test, "a smolder test needs a name");
    check.name = functional::scalar(where_, test["name"], "name");
    std::string protocol =
        test["protocol"] ? functional::scalar(where_, test["protocol"], "protocol") : "http";
    int port = test["port"] ? functional::integer(where_, test["port"], "port")
                            : (protocol == "https" ? 443 : 80);
    if (protocol == "noop") {
      check.skipped = "protocol noop";
      return check;
    }
    if (protocol == "tcp") {
      check.matcher = PortOpen(port);
      return check;
    }
    if (protocol != "http" && protocol != "https") {
      where_.fail(test["protocol"],
                  "unknown protocol \"" + protocol + "\" (tcp, http, https, noop)");
    }
    HttpRequest request;
    request.scheme = protocol;
    request.port = port;
    YAML::Node uri = test["uri"] ? test["uri"] : test["url"];
    request.target = uri ? functional::scalar(where_, uri, "uri") : "/";
    // A full URL: its scheme and port count, its host is the node.
    if (auto scheme = request.target.find("://"); scheme != std::string::npos) {
      request.scheme = request.target.substr(0, scheme);
      std::string rest = request.target.substr(scheme + 3);
      auto slash = rest.find('/');
      std::string authority = rest.substr(0, slash);
      request.target = slash == std::string::npos ? "/" : rest.substr(slash);
      if (auto colon = authority.rfind(':'); colon != std::string::npos) {
        request.port = std::atoi(authority.substr(colon + 1).c_str());
      } else if (!test["port"]) {
        request.port = request.scheme == "https" ? 443 : 80;
      }
    }
    if (request.target.empty() || request.target.front() != '/') request.target.insert(0, "/");
    if (test["method"]) request.method = functional::scalar(where_, test["method"], "method");
    for (auto& c : request.method)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

    YAML::Node inputs = test["inputs"];
    if (inputs && !inputs.IsMap() && !inputs.IsNull())
      where_.fail(inputs, "inputs: expected a map");
    auto input = [&](const char* key) -> YAML::Node {
      if (inputs && inputs.IsMap() && inputs[key]) return inputs[key];
      return test[key];
    };
    if (auto headers = input("headers") ? input("headers") : test["request_headers"]) {
      if (!headers.IsMap()) where_.fail(headers, "headers: expected a map");
      for (const auto& h : headers) {
        request.headers.emplace_back(h.first.Scalar(),
                                     functional::scalar(where_, h.second, "a header"));
      }
    }
    if (auto data = input("data")) {
      request.body = data.IsScalar() ? data.Scalar() : functional::to_json(data).dump();
      if (!data.IsScalar()) request.headers.emplace_back("Content-Type", "application/json");
    }
    if (input("username") || input("password")) {
      std::string user = input("username") ? input("username").Scalar() : "";
      std::string pass = input("password") ? input("password").Scalar() : "";
      request.headers.emplace_back("Authorization", "Basic " + base64(user + ":" + pass));
    }
    if (auto cookie = input("cookie")) {
      std::string value;
      if (cookie.IsMap()) {
        for (const auto& c : cookie)
          value += (value.empty() ? "" : "; ") + c.first.Scalar() + "=" + c.second.Scalar();
      } else {
        value = functional::scalar(where_, cookie, "cookie");
      }
      request.headers.emplace_back("Cookie", value);
    }
    if (auto follow = input("allow_redirects")) {
      request.follow_redirects = functional::boolean(where_, follow, "allow_redirects");
    }
    if (auto verify = input("verify"))
      request.verify_tls = functional::boolean(where_, verify, "verify");
    if (auto timeout = input("timeout"))
      request.timeout = functional::parse_duration(where_, timeout);
    if (input("file")) {
      check.error = "smolder input `file` (multipart upload) is not supported";
      return check;
    }

    std::vector<Response> expectations;
    YAML::Node outcomes = test["outcomes"];
    if (outcomes && !outcomes.IsMap() && !outcomes.IsNull())
      where_.fail(outcomes, "outcomes: expected a map");
    auto outcome = [&](const char* key) -> YAML::Node {
      if (outcomes && outcomes.IsMap() && outcomes[key]) return outcomes[key];
      return test[key];
    };
    YAML::Node status =
        outcome("expect_status_code") ? outcome("expect_status_code") : outcome("status_code");
    if (status)
      expectations.push_back(HttpStatus(functional::integer(where_, status, "expect_status_code")));
    if (auto contains = outcome("response_body_contains")) {
      for (const auto& s : strings(where_, contains))
        expectations.push_back(HttpBody(::testing::HasSubstr(s)));
    }
    if (auto absent = outcome("response_body_doesnt_contain")) {
      for (const auto& s : strings(where_, absent)) {
        expectations.push_back(HttpBody(::testing::Not(::testing::HasSubstr(s))));
      }
    }
    if (auto json = outcome("response_json_contains")) {
      if (!json.IsMap()) where_.fail(json, "response_json_contains: expected a map of path: value");
      for (const auto& kv : json)
        expectations.push_back(HttpJsonAt(kv.first.Scalar(), functional::to_json(kv.second)));
    }
    if (auto max = outcome("response_max_time_ms")) {
      expectations.push_back(HttpFasterThan(
          std::chrono::milliseconds(functional::integer(where_, max, "response_max_time_ms"))));
    }
    if (auto redirect = outcome("response_redirect")) {
      expectations.push_back(HttpHeader("Location", ::testing::HasSubstr(functional::scalar(
                                                        where_, redirect, "response_redirect"))));
    }
    if (auto headers = outcome("response_headers")) {
      if (headers.IsMap()) {
        for (const auto& h : headers)
          expectations.push_back(HttpHeader(h.first.Scalar(), ::testing::_));
      } else {
        for (const auto& h : strings(where_, headers))
          expectations.push_back(HttpHeader(h, ::testing::_));
      }
    }
    if (auto values = outcome("response_header_values")) {
      if (!values.IsMap())
        where_.fail(values, "response_header_values: expected a map of header: value");
      for (const auto& h : values) {
        expectations.push_back(
            HttpHeader(h.first.Scalar(),
                       ::testing::Eq(functional::scalar(where_, h.second, "a header value"))));
      }
    }
    if (outcomes && outcomes.IsMap()) {
      static const std::set<std::string> known = {
          "expect_status_code",     "status_code",
          "response_body_contains", "response_body_doesnt_contain",
          "response_json_contains", "response_max_time_ms",
          "response_redirect",      "response_headers",
          "response_header_values", "show_body",
          "colour_output",          "colour",
          "validate_json"};
      for (const auto& kv : outcomes) {
        if (!known.count(kv.first.Scalar())) {
          check.error = "unknown smolder outcome \"" + kv.first.Scalar() + "\" (line " +
                        std::to_string(where_.line(kv.first)) + ")";
          return check;
        }
        if (kv.first.Scalar() == "validate_json") {
          check.error = "smolder outcome validate_json (JSON schema) is not supported";
          return check;
        }
      }
    }
    // No outcome: the request must get an answer at all.
    if (expectations.empty()) expectations.push_back(HttpStatus(::testing::_));
    check.matcher = HttpResponds(request, functional::all_of(expectations));
    return check;
  }

  Where where_;
};

}  // namespace

std::vector<FunctionalCheck> load_smolder_file(const std::filesystem::path& file) {
  YAML::Node root = functional::load_yaml(file);
  return SmolderReader(file.string()).read(root);
}

}  // namespace proofbox::harness
