#include "proofbox/specs/github_annotations.hpp"

#include <ostream>

namespace proofbox::specs {
namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}
std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

void write_github_annotations(std::ostream& out, const Report& report,
                              std::string_view path_prefix) {
  for (const auto& suite : report.suites) {
    for (const auto& c : suite.cases) {
      if (c.outcome != Outcome::kFailed && c.outcome != Outcome::kError) continue;
      std::string properties;
      if (!c.file.empty()) {
        std::string file(path_prefix);
        if (!file.empty() && file.back() != '/') file += '/';
        file += c.file;
        properties += "file=" + github_escape_property(file);
        if (c.line > 0) properties += ",line=" + std::to_string(c.line);
      }
      if (!properties.empty()) properties += ",";
      properties += "title=" + github_escape_property(suite.name + ": " + c.name);
      const std::string message = c.message.empty() ? c.name : c.message;
      out << "::error " << properties << "::" << github_escape_data(message) << '\n';
    }
  }
  out << "::notice title=proofbox::" << report.count(Outcome::kPassed) << " passed, "
      << report.count(Outcome::kFailed) << " failed, " << report.count(Outcome::kError)
      << " errors, " << report.count(Outcome::kSkipped) << " skipped\n";
}

}  // namespace proofbox::specs
