// Rendering bootstrap templates with mstch. mstch HTML-escapes {{x}} through one global
// function (mstch::config::escape); a shell script must get values verbatim, so rendering swaps
// in the identity under a lock and puts the previous function back afterwards.
#include <mstch/mstch.hpp>
#include <mutex>

#include "proofbox/harness/bootstrap.hpp"

namespace proofbox::harness {
namespace {

std::mutex& escape_mutex() {
  static std::mutex m;
  return m;
}

// JSON -> mstch values: objects become maps, arrays lists, scalars strings (numbers as JSON
// writes them), booleans stay booleans for sections, null is false.
mstch::node to_mstch(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      mstch::map map;
      for (const auto& [key, item] : value.items()) map.emplace(key, to_mstch(item));
      return map;
    }
    case Json::value_t::array: {
      mstch::array list;
      for (const auto& item : value) list.push_back(to_mstch(item));
      return list;
    }
    case Json::value_t::string:
      return value.get<std::string>();
    case Json::value_t::boolean:
      return value.get<bool>();
    case Json::value_t::null:
      return false;
    default:
      return value.dump();
  }
}

// Heredocs in the templates end the value with their own newline.
std::string without_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

class EscapeOff {
 public:
  EscapeOff() : lock_(escape_mutex()), saved_(mstch::config::escape) {
    mstch::config::escape = [](const std::string& text) { return text; };
  }
  ~EscapeOff() { mstch::config::escape = saved_; }
  EscapeOff(const EscapeOff&) = delete;
  EscapeOff& operator=(const EscapeOff&) = delete;

 private:
  std::lock_guard<std::mutex> lock_;
  std::function<std::string(const std::string&)> saved_;
};

// mstch renders an unclosed section as if it were closed at the end (or drops a stray close):
// a silently broken script. Sections must balance; the error names the line of the tag. A
// template that changes its delimiters ({{=<% %>=}}) is left to mstch.
void check_sections(const std::string& text) {
  struct Open {
    std::string name;
    int line;
  };
  std::vector<Open> open;
  int line = 1;
  std::size_t counted = 0;
  auto line_at = [&](std::size_t pos) {
    for (; counted < pos; ++counted) line += text[counted] == '\n';
    return line;
  };
  for (std::size_t pos = text.find("{{"); pos != std::string::npos; pos = text.find("{{", pos)) {
    const std::size_t end = text.find("}}", pos + 2);
    if (end == std::string::npos) break;
    std::string tag = text.substr(pos + 2, end - pos - 2);
    if (!tag.empty() && tag.front() == '=') return;
    pos = end + 2;
    if (tag.empty() || (tag.front() != '#' && tag.front() != '^' && tag.front() != '/')) continue;
    const char kind = tag.front();
    tag.erase(0, 1);
    while (!tag.empty() && tag.front() == ' ') tag.erase(0, 1);
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    const int tag_line = line_at(pos);
    if (kind != '/') {
      open.push_back({tag, tag_line});
    } else if (open.empty() || open.back().name != tag) {
      throw BootstrapError("bootstrap template line " + std::to_string(tag_line) + ": {{/" + tag +
                           "}} closes no open section" +
                           (open.empty() ? "" : " ({{#" + open.back().name + "}} is open)"));
    } else {
      open.pop_back();
    }
  }
  if (!open.empty()) {
    throw BootstrapError("bootstrap template line " + std::to_string(open.back().line) +
                         ": section {{#" + open.back().name + "}} is never closed");
  }
}

}  // namespace

Json first_boot_json(const BootstrapContext& context) {
  Json out =
      context.first_boot_attributes.is_object() ? context.first_boot_attributes : Json::object();
  out["run_list"] = context.run_list;
  return out;
}

std::string render_bootstrap(const std::string& template_text, const BootstrapContext& context) {
  check_sections(template_text);
  mstch::array run_list;
  std::string run_list_csv;
  for (const auto& item : context.run_list) {
    run_list.emplace_back(item);
    run_list_csv += (run_list_csv.empty() ? "" : ",") + item;
  }
  const Json first_boot = first_boot_json(context);
  mstch::map variables{
      {"server_url", context.server_url},
      {"node_name", context.node_name},
      {"environment", context.environment},
      {"run_list", run_list},
      {"run_list_csv", run_list_csv},
      {"validation_client_name", context.validation_client_name},
      {"validation_key", without_trailing_newlines(context.validation_key)},
      {"first_boot_json", first_boot.dump()},
      {"first_boot", to_mstch(first_boot)},
      {"chef_version", context.chef_version},
      {"extra", to_mstch(context.extra.is_object() ? context.extra : Json::object())},
      {"agent_script", without_trailing_newlines(std::string(proofbox_agent_script()))},
  };
  // Absent, the secret is false, so {{#encrypted_data_bag_secret}} sections drop out.
  if (context.encrypted_data_bag_secret && !context.encrypted_data_bag_secret->empty()) {
    variables.emplace("encrypted_data_bag_secret",
                      without_trailing_newlines(*context.encrypted_data_bag_secret));
  } else {
    variables.emplace("encrypted_data_bag_secret", false);
  }
  try {
    EscapeOff escape_off;
    return mstch::render(template_text, variables);
  } catch (const std::exception& e) {
    throw BootstrapError(std::string("cannot render the bootstrap template: ") + e.what());
  }
}

}  // namespace proofbox::harness
