#include "proofbox/specs/gate/shard.hpp"

#include <algorithm>
#include <charconv>

#include "proofbox/specs/gate/gate_error.hpp"

namespace proofbox::specs::gate {
namespace {

bool parse_positive(std::string_view text, int& value) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos ||
      !parse_positive(std::string_view(text).substr(0, slash), shard.index) ||
      !parse_positive(std::string_view(text).substr(slash + 1), shard.count) ||
      shard.index > shard.count) {
    throw GateError("--shard '" + text + "' is not I/N with 1 <= I <= N (e.g. 2/4)");
  }
  return shard;
}

std::vector<SelectedRole> shard_roles(std::vector<SelectedRole> roles, const Shard& shard) {
  std::sort(roles.begin(), roles.end(),
            [](const SelectedRole& a, const SelectedRole& b) { return a.name < b.name; });
  std::vector<SelectedRole> mine;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(shard.count)) == shard.index - 1) {
      mine.push_back(std::move(roles[i]));
    }
  }
  return mine;
}

}  // namespace proofbox::specs::gate
