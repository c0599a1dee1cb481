// Commands, files, processes and services inside the container.
#include <algorithm>
#include <sstream>

#include "check_support.hpp"

namespace proofbox::harness {
namespace {

using std::chrono::milliseconds;

// Runs `argv` in the node's container; nullopt with `error` set when it could not run at all.
std::optional<ExecResult> run(const ConvergedNode& node, const std::vector<std::string>& argv,
                              milliseconds timeout, std::string* error) {
  if (!node.runtime) {
    *error = "no container runtime for " + node_label(node);
    return std::nullopt;
  }
  try {
    return node.runtime->exec(node.container_id, argv, timeout);
  } catch (const std::exception& e) {
    *error = std::string("exec failed: ") + e.what();
    return std::nullopt;
  }
}

class CommandCheck : public NodeCheck {
 public:
  CommandCheck(std::string command, std::optional<::testing::Matcher<int>> status,
               std::optional<::testing::Matcher<const std::string&>> output)
      : command_(std::move(command)), status_(std::move(status)), output_(std::move(output)) {}
  std::string expectation(bool negation) const {
    std::string text;
    if (status_) text += "exits with a status that " + detail::describe<int>(*status_, negation);
    if (output_) {
      if (!text.empty()) text += negation ? " or " : " and ";
      text += "prints output that " + detail::describe<const std::string&>(*output_, negation);
    }
    return text;
  }
  std::string description() const override {
    return "runs `" + command_ + "` that " + expectation(false);
  }
  std::string negated_description() const override {
    return "runs `" + command_ + "` that " + expectation(true);
  }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    auto r = run(node, {"sh", "-c", command_}, budget, &error);
    if (!r) return {false, error};
    std::string actual = "`" + command_ + "` ";
    if (r->timed_out) return {false, actual + "timed out after " + seconds_text(budget)};
    bool ok = true;
    if (status_) ok = detail::matches(*status_, r->exit_code);
    if (output_) ok = detail::matches(*output_, r->output) && ok;
    actual +=
        "exited " + std::to_string(r->exit_code) + " with output " + detail::quoted(r->output);
    return {ok, actual};
  }

 private:
  std::string command_;
  std::optional<::testing::Matcher<int>> status_;
  std::optional<::testing::Matcher<const std::string&>> output_;
};

class FileCheck : public NodeCheck {
 public:
  FileCheck(std::string path, std::optional<::testing::Matcher<const std::string&>> content)
      : path_(std::move(path)), content_(std::move(content)) {}
  std::string description() const override {
    if (!content_) return "has a file " + path_;
    return "has a file " + path_ + " whose content " +
           detail::describe<const std::string&>(*content_);
  }
  std::string negated_description() const override {
    if (!content_) return "has no file " + path_;
    return "has no file " + path_ + " whose content " +
           detail::describe<const std::string&>(*content_);
  }
  Observation observe(const ConvergedNode& node, milliseconds) const override {
    std::string error;
    int pid = detail::node_pid(node, &error);
    if (pid < 0) return {false, error};
    auto content = read_file_in_root(pid, path_, &error);
    if (!content) return {false, error};
    if (!content_) return {true, path_ + " exists"};
    bool ok = detail::matches(*content_, *content);
    return {ok, path_ + " holds " + detail::quoted(*content)};
  }

 private:
  std::string path_;
  std::optional<::testing::Matcher<const std::string&>> content_;
};

// Lists "PID COMM" for every process, with nothing but sh builtins (minimal images have no ps).
constexpr const char* kProcessScan =
    "for d in /proc/[0-9]*; do "
    "[ -r \"$d/comm\" ] || continue; "
    "IFS= read -r c < \"$d/comm\" 2>/dev/null || continue; "
    "printf '%s %s\\n' \"${d#/proc/}\" \"$c\"; "
    "done";

// comm holds at most 15 characters of the executable's name.
std::string comm_of(const std::string& name) {
  return name.substr(0, 15);
}

// The PIDs of processes called `name` in a scan's output, and the names seen.
std::vector<std::string> pids_named(const std::string& scan, const std::string& name,
                                    std::vector<std::string>* names) {
  std::vector<std::string> pids;
  std::istringstream lines(scan);
  std::string line;
  while (std::getline(lines, line)) {
    auto space = line.find(' ');
    if (space == std::string::npos) continue;
    std::string comm = line.substr(space + 1);
    if (comm == comm_of(name)) pids.push_back(line.substr(0, space));
    if (names && std::find(names->begin(), names->end(), comm) == names->end()) {
      names->push_back(comm);
    }
  }
  return pids;
}

std::string joined(const std::vector<std::string>& items, std::size_t limit = 20) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += ", ...";
  return out;
}

class ProcessCheck : public NodeCheck {
 public:
  explicit ProcessCheck(std::string name) : name_(std::move(name)) {}
  std::string description() const override { return "runs a process named " + name_; }
  std::string negated_description() const override { return "runs no process named " + name_; }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    auto r = run(node, {"sh", "-c", kProcessScan}, budget, &error);
    if (!r) return {false, error};
    std::vector<std::string> names;
    auto pids = pids_named(r->output, name_, &names);
    if (!pids.empty()) return {true, "process " + name_ + " runs (pid " + joined(pids) + ")"};
    std::sort(names.begin(), names.end());
    return {false, "no process named " + name_ + " among: " + joined(names)};
  }

 private:
  std::string name_;
};

// systemd (when it is init), then the SysV init script, then a process of that name. Prints
// what each source said; exits 0 when one says the service runs. $1 is the service name.
constexpr const char* kServiceScript =
    "n=\"$1\"; "
    "if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then "
    "  s=$(systemctl is-active \"$n\" 2>&1); echo \"systemctl is-active: $s\"; "
    "  [ \"$s\" = active ] && exit 0; "
    "fi; "
    "if [ -x \"/etc/init.d/$n\" ]; then "
    "  o=$(\"/etc/init.d/$n\" status 2>&1); r=$?; "
    "  echo \"/etc/init.d/$n status exited $r: $o\"; [ $r -eq 0 ] && exit 0; "
    "else echo \"no /etc/init.d/$n\"; fi; "
    "exit 1";

class ServiceCheck : public NodeCheck {
 public:
  explicit ServiceCheck(std::string name) : name_(std::move(name)) {}
  std::string description() const override {
    return "runs the service " + name_ + " (systemd, its init script, or a process " + name_ + ")";
  }
  std::string negated_description() const override { return "does not run the service " + name_; }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    auto r = run(node, {"sh", "-c", kServiceScript, "sh", name_}, budget, &error);
    if (!r) return {false, error};
    std::string said = r->output;
    while (!said.empty() && said.back() == '\n') said.pop_back();
    if (r->exit_code == 0) return {true, said};
    auto scan = run(node, {"sh", "-c", kProcessScan}, budget, &error);
    if (!scan) return {false, said + "; " + error};
    auto pids = pids_named(scan->output, name_, nullptr);
    if (!pids.empty()) return {true, "process " + name_ + " runs (pid " + joined(pids) + ")"};
    return {false, printable(said, 300) + "; no process named " + name_};
  }

 private:
  std::string name_;
};

}  // namespace

NodeMatcher CommandSucceeds(std::string command) {
  return NodeMatcher(
      std::make_shared<CommandCheck>(std::move(command), ::testing::Matcher<int>(0), std::nullopt));
}

NodeMatcher CommandOutput(std::string command, ::testing::Matcher<const std::string&> output) {
  return NodeMatcher(
      std::make_shared<CommandCheck>(std::move(command), std::nullopt, std::move(output)));
}

NodeMatcher CommandExits(std::string command, ::testing::Matcher<int> status,
                         std::optional<::testing::Matcher<const std::string&>> output) {
  return NodeMatcher(
      std::make_shared<CommandCheck>(std::move(command), std::move(status), std::move(output)));
}

NodeMatcher FileExists(std::string path) {
  return NodeMatcher(std::make_shared<FileCheck>(std::move(path), std::nullopt));
}

NodeMatcher FileContains(std::string path, ::testing::Matcher<const std::string&> content) {
  return NodeMatcher(std::make_shared<FileCheck>(std::move(path), std::move(content)));
}

NodeMatcher ProcessRunning(std::string name) {
  return NodeMatcher(std::make_shared<ProcessCheck>(std::move(name)));
}

NodeMatcher ServiceRunning(std::string name) {
  return NodeMatcher(std::make_shared<ServiceCheck>(std::move(name)));
}

}  // namespace proofbox::harness
