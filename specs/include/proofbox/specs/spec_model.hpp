#pragma once
// A unit spec file, parsed (the format is described in specs/README.md). Every expectation
// keeps the line it starts on so a failure points at it.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::specs {

using Json = proofbox::Json;

// A spec file that cannot be read or does not follow the format: "FILE:LINE: message".
class SpecError : public std::runtime_error {
 public:
  SpecError(std::string file, int line, const std::string& message)
      : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message),
        file_(std::move(file)),
        line_(line),
        message_(message) {}
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  std::string message_;
};

// One check on an attribute path at one precedence level.
struct AttributeCheck {
  std::vector<std::string> path;  // "a.b.c" split on dots, or the YAML list as given
  std::string path_text;          // as written, for messages
  std::string level = "merged";
  std::optional<Json> equals;
  std::optional<std::string> matches;  // ECMAScript regex searched in the value's text
  bool absent = false;
  int line = 0;
};

// What a role, a node or a literal run list expands to in an environment.
struct ExpansionSpec {
  enum class Subject { kRole, kNode, kRunList } subject = Subject::kRole;
  std::string name;                                    // role or node name
  Json run_list = Json::array();                       // kRunList
  std::optional<std::string> environment;              // default: the node's, else "_default"
  std::optional<std::vector<std::string>> expands_to;  // exact recipes, in order
  std::vector<std::string> includes;
  std::vector<std::string> excludes;
  std::optional<std::vector<std::string>> roles;  // exact applied roles, in order
  std::vector<AttributeCheck> attributes;
};

// Cookbook solving of a run list (or a role's, or every role's) in environments.
struct SolveSpec {
  enum class Target { kRole, kRunList, kAllRoles } target = Target::kRole;
  std::string role;
  Json run_list = Json::array();
  std::vector<std::string> environments;        // empty: "_default" and every repo environment
  std::map<std::string, std::string> versions;  // cookbook -> version it must resolve to
  bool fails = false;                           // expect no solution
};

// A search query on a stubbed index returning exactly these names.
struct SearchSpec {
  std::string index;
  std::string query;
  std::vector<std::string> returns;
};

// A data bag item exists, has keys, and (encrypted) decrypts with a secret file.
struct DataBagItemSpec {
  std::string bag;
  std::string item;
  std::vector<std::string> has_keys;
  bool encrypted = false;
  std::string secret_file;  // relative to the repo root, or absolute
  std::optional<int> format;
  std::vector<std::string> decrypted_keys;  // "field" or "field.nested.key" after decryption
};

struct Expectation {
  std::string name;  // `it:` or a generated one
  int line = 0;
  std::variant<ExpansionSpec, SolveSpec, SearchSpec, DataBagItemSpec> spec;
};

struct StubNode {
  std::optional<std::string> from_repo;  // a nodes/ name, or "*" for all of them
  Json node;                             // inline node document (when not from_repo)
  int line = 0;
};

struct SpecFile {
  std::string file;  // as shown in messages (relative to the repo when inside it)
  std::string description;
  std::vector<StubNode> nodes;
  std::map<std::string, std::vector<Json>> data_bags;  // stubbed bags replace the repo's
  std::vector<Expectation> expectations;
};

// Parses YAML text; `display` names the file in errors. Throws SpecError.
SpecFile parse_spec(const std::string& text, const std::string& display);
SpecFile parse_spec_file(const std::filesystem::path& file, const std::string& display);

}  // namespace proofbox::specs
