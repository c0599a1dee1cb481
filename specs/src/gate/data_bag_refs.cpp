#include "proofbox/specs/gate/data_bag_refs.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace proofbox::specs::gate {
namespace {

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// ERB: everything outside <% ... %> becomes blank, newlines kept so lines still count.
std::string erb_code(std::string_view text) {
  std::string code(text.size(), ' ');
  bool inside = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') code[i] = '\n';
    if (!inside && text.compare(i, 2, "<%") == 0) {
      inside = true;
      ++i;
    } else if (inside && text.compare(i, 2, "%>") == 0) {
      inside = false;
      ++i;
    } else if (inside && text[i] != '\n') {
      code[i] = text[i];
    }
  }
  return code;
}

// A string or symbol literal read at `at` (a quote or a colon); advances `at` past it.
// `plain` is false for strings with interpolation.
struct Literal {
  std::string value;
  bool plain = true;
};

Literal read_quoted(std::string_view line, std::size_t& at) {
  const char quote = line[at++];
  Literal literal;
  while (at < line.size() && line[at] != quote) {
    if (line[at] == '\\' && at + 1 < line.size()) {
      literal.value += line[at + 1];
      at += 2;
      continue;
    }
    if (quote == '"' && line[at] == '#' && at + 1 < line.size() && line[at + 1] == '{') {
      literal.plain = false;
    }
    literal.value += line[at++];
  }
  if (at < line.size()) ++at;  // the closing quote
  return literal;
}

// The code of one line with its comment cut off (a '#' outside strings, not "#{").
std::string_view strip_comment(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && !(i + 1 < line.size() && line[i + 1] == '{')) {
      return line.substr(0, i);
    }
  }
  return line;
}

void collect_literals(std::string_view line, const SourceLocation& at, BagReferences& refs) {
  auto note = [&](const std::string& value) {
    if (!value.empty()) refs.mentioned.emplace(value, at);
  };
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == '\'' || c == '"') {
      Literal literal = read_quoted(line, i);
      if (literal.plain) note(literal.value);
    } else if (c == ':' && i + 1 < line.size() && (i == 0 || line[i - 1] != ':') &&
               line[i + 1] != ':') {
      ++i;
      if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
        Literal literal = read_quoted(line, i);
        if (literal.plain) note(literal.value);
      } else {
        std::string symbol;
        while (i < line.size() && (ident_char(line[i]) || line[i] == '-')) symbol += line[i++];
        note(symbol);
      }
    } else if (c == '%' && i + 2 < line.size() && (line[i + 1] == 'w' || line[i + 1] == 'i') &&
               !ident_char(line[i + 2]) && line[i + 2] != ' ') {
      const char open = line[i + 2];
      const char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : open;
      i += 3;
      std::string word;
      while (i < line.size() && line[i] != close) {
        if (std::isspace(static_cast<unsigned char>(line[i]))) {
          note(word);
          word.clear();
        } else {
          word += line[i];
        }
        ++i;
      }
      note(word);
      if (i < line.size()) ++i;
    } else {
      ++i;
    }
  }
}

constexpr std::array<std::string_view, 10> kAccessors = {
    "EncryptedDataBagItem.load", "DataBagItem.load",       "DataBag.load", "ChefVault::Item.load",
    "chef_vault_item",           "data_bag_item",          "data_bag",     "search",
    "data_bag_item_for",         "encrypted_data_bag_item"};

bool not_a_bag_index(const std::string& name) {
  return name == "node" || name == "role" || name == "client" || name == "environment";
}

// Looks at what follows an accessor name; records a literal or a dynamic bag argument.
void classify_call(std::string_view accessor, std::string_view rest, const SourceLocation& at,
                   BagReferences& refs) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  const bool paren = i < rest.size() && rest[i] == '(';
  if (paren) {
    ++i;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
    if (i >= rest.size()) {
      refs.dynamic.push_back(at);  // the arguments follow on the next lines: unknown bag
      return;
    }
  } else {
    // Without parentheses an argument is separated by blanks; anything else ("search.x",
    // "search = ...", "search ? a : b", the end of the line) is not a call with arguments.
    if (i == 0 || i >= rest.size()) return;
    const std::string_view next = rest.substr(i);
    if (std::string_view("=.)]},?|&+-*/<>").find(next[0]) != std::string_view::npos) return;
    if (next[0] == ':' && (next.size() == 1 || next[1] == ' ' || next[1] == ':')) return;
    for (std::string_view keyword : {"do", "if", "unless", "then", "and", "or", "end"}) {
      if (next.substr(0, keyword.size()) == keyword &&
          (next.size() == keyword.size() || !ident_char(next[keyword.size()]))) {
        return;
      }
    }
  }
  Literal literal;
  bool is_literal = false;
  const char c = rest[i];
  if (c == '\'' || c == '"') {
    literal = read_quoted(rest, i);
    is_literal = literal.plain;
  } else if (c == ':' && i + 1 < rest.size()) {
    ++i;
    if (rest[i] == '"' || rest[i] == '\'') {
      literal = read_quoted(rest, i);
      is_literal = literal.plain;
    } else {
      while (i < rest.size() && (ident_char(rest[i]) || rest[i] == '-')) literal.value += rest[i++];
      is_literal = !literal.value.empty();
    }
  }
  if (!is_literal) {
    refs.dynamic.push_back(at);
    return;
  }
  if (accessor == "search" && not_a_bag_index(literal.value)) return;
  refs.accessed.emplace(literal.value, at);
}

void find_calls(std::string_view line, const SourceLocation& at, BagReferences& refs) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && (ident_char(line[i - 1]) || line[i - 1] == '@' || line[i - 1] == '$')) continue;
    for (std::string_view accessor : kAccessors) {
      if (line.compare(i, accessor.size(), accessor) != 0) continue;
      const std::size_t end = i + accessor.size();
      if (end < line.size() && ident_char(line[end])) continue;  // a longer name
      classify_call(accessor, line.substr(end), at, refs);
      i = end - 1;
      break;
    }
  }
}

}  // namespace

BagReferences scan_bag_references(const std::vector<SourceFile>& sources) {
  BagReferences refs;
  for (const auto& source : sources) {
    const std::string code = ends_with(source.path, ".erb") ? erb_code(source.text) : source.text;
    std::string_view text(code);
    int line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      ++line_number;
      const std::string_view line = strip_comment(text.substr(start, end - start));
      const SourceLocation at{source.path, line_number};
      collect_literals(line, at, refs);
      find_calls(line, at, refs);
      if (end == text.size()) break;
      start = end + 1;
    }
  }
  return refs;
}

}  // namespace proofbox::specs::gate
