#include "proofbox/backup/client/toml_subset.hpp"

#include <cctype>
#include <charconv>

namespace proofbox::backup::client {
namespace {

class Parser {
 public:
  Parser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  TomlDocument parse() {
    TomlDocument doc;
    TomlTable* table = &doc.root;
    while (pos_ < text_.size()) {
      skip_blank();
      if (at_line_end()) {
        end_line();
        continue;
      }
      if (peek() == '[') {
        ++pos_;
        if (peek() == '[') fail("arrays of tables are not supported");
        skip_blank();
        std::string name = key();
        skip_blank();
        while (peek() == '.') {  // dotted header: keep it as one name
          ++pos_;
          skip_blank();
          name += "." + key();
          skip_blank();
        }
        if (peek() != ']') fail("expected ']' after the table name");
        ++pos_;
        if (doc.tables.count(name) > 0) fail("table [" + name + "] defined twice");
        table = &doc.tables[name];
        finish_line();
        continue;
      }
      std::string name = key();
      skip_blank();
      if (peek() != '=') fail("expected '=' after key '" + name + "'");
      ++pos_;
      skip_blank();
      TomlValue v = value();
      if (table->count(name) > 0) fail("key '" + name + "' defined twice");
      (*table)[name] = std::move(v);
      finish_line();
    }
    return doc;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw TomlError(file_ + ":" + std::to_string(line_) + ": " + message);
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool at_line_end() const {
    return pos_ >= text_.size() || peek() == '\n' || peek() == '#' ||
           (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }
  void skip_blank() {
    while (peek() == ' ' || peek() == '\t') ++pos_;
  }
  // Skips a comment and the newline.
  void end_line() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    if (pos_ < text_.size()) {
      ++pos_;
      ++line_;
    }
  }
  void finish_line() {
    skip_blank();
    if (!at_line_end()) fail("unexpected text after the value");
    end_line();
  }

  std::string key() {
    if (peek() == '"') return basic_string();
    if (peek() == '\'') return literal_string();
    std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' || peek() == '-')) {
      ++pos_;
    }
    if (start == pos_) fail("expected a key");
    return std::string(text_.substr(start, pos_ - start));
  }

  TomlValue value() {
    if (text_.substr(pos_, 3) == "\"\"\"") return multiline('"');
    if (text_.substr(pos_, 3) == "'''") return multiline('\'');
    if (peek() == '"') return basic_string();
    if (peek() == '\'') return literal_string();
    if (text_.substr(pos_, 4) == "true") {
      pos_ += 4;
      return true;
    }
    if (text_.substr(pos_, 5) == "false") {
      pos_ += 5;
      return false;
    }
    if (peek() == '-' || peek() == '+' || std::isdigit(static_cast<unsigned char>(peek()))) {
      std::size_t start = pos_;
      if (peek() == '+')
        ++start, ++pos_;
      else if (peek() == '-')
        ++pos_;
      while (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '_') ++pos_;
      std::string digits;
      for (char c : text_.substr(start, pos_ - start)) {
        if (c != '_') digits.push_back(c);
      }
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || end != digits.data() + digits.size()) fail("bad integer");
      return n;
    }
    if (peek() == '[' || peek() == '{') fail("arrays and inline tables are not supported");
    fail("expected a value (a string, an integer, true or false)");
  }

  void escape(std::string& out) {
    ++pos_;  // the backslash
    char c = peek();
    ++pos_;
    switch (c) {
      case 'n':
        out.push_back('\n');
        return;
      case 't':
        out.push_back('\t');
        return;
      case 'r':
        out.push_back('\r');
        return;
      case 'b':
        out.push_back('\b');
        return;
      case 'f':
        out.push_back('\f');
        return;
      case '"':
        out.push_back('"');
        return;
      case '\\':
        out.push_back('\\');
        return;
      case 'u':
      case 'U': {
        std::size_t len = c == 'u' ? 4 : 8;
        if (pos_ + len > text_.size()) fail("bad \\u escape");
        unsigned cp = 0;
        auto hex = text_.substr(pos_, len);
        auto [end, ec] = std::from_chars(hex.data(), hex.data() + len, cp, 16);
        if (ec != std::errc() || end != hex.data() + len) fail("bad \\u escape");
        pos_ += len;
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        return;
      }
      default:
        fail(std::string("unknown escape \\") + c);
    }
  }

  std::string basic_string() {
    ++pos_;
    std::string out;
    for (;;) {
      if (pos_ >= text_.size() || peek() == '\n') fail("unterminated string");
      if (peek() == '"') {
        ++pos_;
        return out;
      }
      if (peek() == '\\') {
        escape(out);
      } else {
        out.push_back(text_[pos_++]);
      }
    }
  }

  std::string literal_string() {
    ++pos_;
    std::size_t start = pos_;
    while (pos_ < text_.size() && peek() != '\'' && peek() != '\n') ++pos_;
    if (peek() != '\'') fail("unterminated string");
    std::string out(text_.substr(start, pos_ - start));
    ++pos_;
    return out;
  }

  std::string multiline(char quote) {
    const std::size_t opened_line = line_;
    pos_ += 3;
    if (peek() == '\n')
      ++pos_, ++line_;  // a newline right after the opening is dropped
    else if (text_.substr(pos_, 2) == "\r\n")
      pos_ += 2, ++line_;
    std::string out;
    const std::string close(3, quote);
    for (;;) {
      if (pos_ >= text_.size()) {
        line_ = opened_line;
        fail("unterminated multi-line string");
      }
      if (text_.substr(pos_, 3) == close) {
        pos_ += 3;
        return out;
      }
      if (quote == '"' && peek() == '\\') {
        escape(out);
        continue;
      }
      if (peek() == '\n') ++line_;
      out.push_back(text_[pos_++]);
    }
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

TomlDocument parse_toml_subset(std::string_view text, const std::string& file) {
  return Parser(text, file).parse();
}

}  // namespace proofbox::backup::client
