// spec/functional/ROLE.yml: goss-like sections, each entry one matcher of matchers.hpp.
#include <functional>
#include <map>
#include <set>

#include "yaml_support.hpp"

namespace proofbox::harness {
namespace {

using functional::TextDefault;
using functional::Where;
using std::chrono::milliseconds;

class RoleSpecReader {
 public:
  explicit RoleSpecReader(std::string file) : where_{std::move(file)} {}

  std::vector<FunctionalCheck> read(const YAML::Node& root) {
    if (root.IsNull()) return {};
    if (!root.IsMap())
      where_.fail(root, "a functional spec is a map of sections (port, http, ...)");
    if (auto within = root["within"]) default_within_ = functional::parse_duration(where_, within);
    const std::map<std::string, void (RoleSpecReader::*)(const YAML::Node&, const YAML::Node&)>
        sections = {{"port", &RoleSpecReader::port},       {"replies", &RoleSpecReader::replies},
                    {"http", &RoleSpecReader::http},       {"command", &RoleSpecReader::command},
                    {"file", &RoleSpecReader::file},       {"service", &RoleSpecReader::service},
                    {"process", &RoleSpecReader::process}, {"node", &RoleSpecReader::node},
                    {"search", &RoleSpecReader::search}};
    for (const auto& section : root) {
      std::string name = section.first.Scalar();
      if (name == "within") continue;
      auto it = sections.find(name);
      if (it == sections.end()) {
        where_.fail(section.first, "unknown section \"" + name +
                                       "\" (port, replies, http, command, file, service, "
                                       "process, node, search, within)");
      }
      if (it->first == "node") {
        node(section.first, section.second);
        continue;
      }
      if (!section.second.IsMap()) where_.fail(section.second, name + ": expected a map");
      for (const auto& entry : section.second) (this->*(it->second))(entry.first, entry.second);
    }
    return std::move(checks_);
  }

 private:
  // Allows only `allowed` keys in an entry's map (and `within`).
  void keys(const YAML::Node& entry, std::set<std::string> allowed) {
    if (entry.IsNull()) return;
    if (!entry.IsMap()) where_.fail(entry, "expected a map of expectations");
    allowed.insert("within");
    for (const auto& kv : entry) {
      if (!allowed.count(kv.first.Scalar())) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        where_.fail(kv.first, "unknown key \"" + kv.first.Scalar() + "\" (expected " + list + ")");
      }
    }
  }

  void add(const YAML::Node& at, const YAML::Node& entry, std::string name, NodeMatcher matcher) {
    if (entry.IsMap() && entry["within"]) {
      matcher = matcher.Within(functional::parse_duration(where_, entry["within"]));
    } else if (default_within_ && matcher.check().container_side()) {
      matcher = matcher.Within(*default_within_);
    }
    FunctionalCheck check;
    check.name = std::move(name);
    check.file = where_.file;
    check.line = where_.line(at);
    check.matcher = std::move(matcher);
    checks_.push_back(std::move(check));
  }

  // `listening: true` / `running: true` style flags; absent means true.
  bool flag(const YAML::Node& entry, const char* key) {
    if (!entry.IsMap() || !entry[key]) return true;
    return functional::boolean(where_, entry[key], key);
  }

  void port(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"listening"});
    std::string text = key.Scalar();
    Transport transport = Transport::kTcp;
    if (text.rfind("udp:", 0) == 0 || text.rfind("udp6:", 0) == 0) transport = Transport::kUdp;
    std::string number = text.substr(text.find(':') == std::string::npos ? 0 : text.find(':') + 1);
    int port = 0;
    try {
      port = std::stoi(number);
    } catch (const std::exception&) {
      where_.fail(key, "not a port: \"" + text + "\" (write 11211, tcp:11211 or udp:11211)");
    }
    bool listening = flag(entry, "listening");
    NodeMatcher m = PortOpen(port, transport);
    add(key, entry, "port " + text + (listening ? " listening" : " closed"),
        listening ? m : m.Inverted());
  }

  void replies(const YAML::Node& key, const YAML::Node& entry) {
    int port = functional::integer(where_, key, "a replies port");
    if (entry.IsSequence()) {
      for (const auto& one : entry) exchange(key, one, port);
    } else {
      exchange(key, entry, port);
    }
  }
  void exchange(const YAML::Node& key, const YAML::Node& entry, int port) {
    keys(entry, {"send", "expect"});
    if (!entry.IsMap() || !entry["send"] || !entry["expect"]) {
      where_.fail(entry.IsDefined() && !entry.IsNull() ? entry : key,
                  "a replies entry needs send and expect");
    }
    std::string send = functional::scalar(where_, entry["send"], "send");
    auto expect = functional::text_matcher(where_, entry["expect"], TextDefault::kContains);
    add(entry, entry,
        "port " + std::to_string(port) + " replies to \"" + printable(send, 40) + "\"",
        RepliesTo(port, send, expect));
  }

  void http(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"status", "body", "method", "headers", "data", "follow-redirects"});
    std::string url = key.Scalar();
    HttpRequest request;
    std::string rest = url;
    if (auto scheme = rest.find("://"); scheme != std::string::npos) {
      request.scheme = rest.substr(0, scheme);
      rest = rest.substr(scheme + 3);
      auto slash = rest.find('/');
      std::string authority = rest.substr(0, slash);
      rest = slash == std::string::npos ? "/" : rest.substr(slash);
      auto colon = authority.rfind(':');
      request.port = request.scheme == "https" ? 443 : 80;
      if (colon != std::string::npos) {
        try {
          request.port = std::stoi(authority.substr(colon + 1));
        } catch (const std::exception&) {
          where_.fail(key, "not a port in \"" + url + "\"");
        }
      }
    } else {
      // "8080/status" or ":8080/status"
      if (!rest.empty() && rest.front() == ':') rest.erase(0, 1);
      auto slash = rest.find('/');
      try {
        request.port = std::stoi(rest.substr(0, slash));
      } catch (const std::exception&) {
        where_.fail(key, "an http key is a URL (http://node:8080/status) or PORT/PATH");
      }
      rest = slash == std::string::npos ? "/" : rest.substr(slash);
    }
    if (request.scheme != "http" && request.scheme != "https") {
      where_.fail(key, "unsupported scheme \"" + request.scheme + "\" (http or https)");
    }
    request.target = rest;
    std::vector<::testing::Matcher<const HttpResponse&>> expectations;
    if (entry.IsMap()) {
      if (entry["method"]) request.method = functional::scalar(where_, entry["method"], "method");
      if (entry["data"]) request.body = functional::scalar(where_, entry["data"], "data");
      if (entry["follow-redirects"]) {
        request.follow_redirects =
            functional::boolean(where_, entry["follow-redirects"], "follow-redirects");
      }
      if (auto headers = entry["headers"]) {
        if (!headers.IsMap()) where_.fail(headers, "headers: expected a map");
        for (const auto& h : headers) {
          request.headers.emplace_back(h.first.Scalar(),
                                       functional::scalar(where_, h.second, "a header"));
        }
      }
      if (entry["status"]) {
        expectations.push_back(HttpStatus(functional::integer(where_, entry["status"], "status")));
      }
      if (entry["body"]) {
        expectations.push_back(
            HttpBody(functional::text_matcher(where_, entry["body"], TextDefault::kContains)));
      }
    }
    if (expectations.empty()) expectations.push_back(HttpStatus(200));
    add(key, entry, "http " + request.method + " " + url,
        HttpResponds(request, functional::all_of(expectations)));
  }

  void command(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"exit-status", "output"});
    std::string cmd = key.Scalar();
    std::optional<::testing::Matcher<const std::string&>> output;
    std::optional<int> status;
    if (entry.IsMap() && entry["output"]) {
      output = functional::text_matcher(where_, entry["output"], TextDefault::kContains);
    }
    if (entry.IsMap() && entry["exit-status"]) {
      status = functional::integer(where_, entry["exit-status"], "exit-status");
    }
    if (!status && !output) status = 0;
    NodeMatcher m = status ? CommandExits(cmd, *status, output) : CommandOutput(cmd, *output);
    add(key, entry, "command `" + cmd + "`", m);
  }

  void file(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"exists", "contains", "not-contains", "matches", "equals"});
    std::string path = key.Scalar();
    bool exists = flag(entry, "exists");
    // The content keys are a text expectation of their own.
    YAML::Node content(YAML::NodeType::Map);
    bool any = false;
    if (entry.IsMap()) {
      for (const auto& kv : entry) {
        std::string k = kv.first.Scalar();
        if (k == "contains" || k == "not-contains" || k == "matches" || k == "equals") {
          content[k] = kv.second;
          any = true;
        }
      }
    }
    if (!exists) {
      if (any) where_.fail(key, "a file that must not exist cannot have content expectations");
      add(key, entry, "file " + path + " absent", FileExists(path).Inverted());
      return;
    }
    if (!any) {
      add(key, entry, "file " + path + " exists", FileExists(path));
      return;
    }
    add(key, entry, "file " + path,
        FileContains(path, functional::text_matcher(where_, content, TextDefault::kContains)));
  }

  void service(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"running"});
    bool running = flag(entry, "running");
    NodeMatcher m = ServiceRunning(key.Scalar());
    add(key, entry, "service " + key.Scalar() + (running ? " running" : " stopped"),
        running ? m : m.Inverted());
  }

  void process(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"running"});
    bool running = flag(entry, "running");
    NodeMatcher m = ProcessRunning(key.Scalar());
    add(key, entry, "process " + key.Scalar() + (running ? " running" : " not running"),
        running ? m : m.Inverted());
  }

  void node(const YAML::Node& key, const YAML::Node& entry) {
    keys(entry, {"saved", "run_list", "automatic"});
    if (entry.IsNull() ||
        (entry.IsMap() && entry["saved"] && functional::boolean(where_, entry["saved"], "saved"))) {
      add(key, entry, "node saved", NodeSaved());
    }
    if (!entry.IsMap()) return;
    if (entry["saved"] && !functional::boolean(where_, entry["saved"], "saved")) {
      add(entry["saved"], entry, "node not saved", NodeSaved().Inverted());
    }
    if (auto run_list = entry["run_list"]) {
      std::vector<std::string> items;
      if (!run_list.IsSequence()) where_.fail(run_list, "run_list: expected a list");
      for (const auto& item : run_list)
        items.push_back(functional::scalar(where_, item, "a run list entry"));
      add(run_list, entry, "node run_list", HasRunList(items));
    }
    if (auto automatic = entry["automatic"]) {
      if (!automatic.IsMap())
        where_.fail(automatic, "automatic: expected a map of attribute paths");
      for (const auto& kv : automatic) {
        add(kv.first, entry, "node automatic " + kv.first.Scalar(),
            HasAutomaticAttribute(kv.first.Scalar(), functional::text_matcher(
                                                         where_, kv.second, TextDefault::kEquals)));
      }
    }
  }

  void search(const YAML::Node& key, const YAML::Node& queries) {
    std::string index = key.Scalar();
    if (!queries.IsMap()) where_.fail(queries, "search: " + index + ": expected a map of queries");
    for (const auto& q : queries) {
      std::string query = q.first.Scalar();
      const YAML::Node& expect = q.second;
      keys(expect, {"includes", "names", "count"});
      std::string name = "search " + index + " \"" + query + "\"";
      std::vector<::testing::Matcher<const std::vector<std::string>&>> parts;
      auto names = [&](const YAML::Node& list) {
        std::vector<std::string> out;
        if (!list.IsSequence()) where_.fail(list, "expected a list of names");
        for (const auto& n : list) out.push_back(functional::scalar(where_, n, "a name"));
        return out;
      };
      if (expect.IsMap()) {
        if (expect["includes"]) parts.push_back(::testing::IsSupersetOf(names(expect["includes"])));
        if (expect["names"])
          parts.push_back(::testing::UnorderedElementsAreArray(names(expect["names"])));
        if (expect["count"]) {
          parts.push_back(::testing::SizeIs(functional::integer(where_, expect["count"], "count")));
        }
      }
      if (parts.empty()) {
        add(q.first, expect, name + " finds the node", FoundBySearch(index, query));
      } else {
        add(q.first, expect, name, SearchFinds(index, query, functional::all_of(parts)));
      }
    }
  }

  Where where_;
  std::optional<milliseconds> default_within_;
  std::vector<FunctionalCheck> checks_;
};

}  // namespace

std::vector<FunctionalCheck> load_role_spec(const std::filesystem::path& file) {
  YAML::Node root = functional::load_yaml(file);
  return RoleSpecReader(file.string()).read(root);
}

}  // namespace proofbox::harness
