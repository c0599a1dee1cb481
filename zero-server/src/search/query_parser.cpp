// Lexer and recursive-descent parser for the Chef search query language (see query.hpp).
#include <cctype>

#include "proofbox/zero/search/query.hpp"

namespace proofbox::zero::search {
namespace {

enum class Tok {
  kEnd,
  kTerm,
  kPhrase,
  kColon,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kAnd,
  kOr,
  kNot,
  kPlus,
  kMinus,
  kBoost,  // ^number
};

struct Token {
  Tok kind = Tok::kEnd;
  std::size_t pos = 0;
  Pattern value;         // kTerm / kPhrase
  bool escaped = false;  // the term used `\`, so AND/OR/NOT/TO are plain words
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Characters that end a term (unless escaped).
bool ends_term(char c) {
  switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case ':':
    case '"':
    case '^':
    case '~':
      return true;
    default:
      return is_space(c);
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view in) : in_(in) {}

  Token next() {
    while (i_ < in_.size() && is_space(in_[i_])) ++i_;
    Token t;
    t.pos = i_;
    if (i_ >= in_.size()) return t;
    const char c = in_[i_];
    auto single = [&](Tok k) {
      ++i_;
      t.kind = k;
      return t;
    };
    switch (c) {
      case '(':
        return single(Tok::kLParen);
      case ')':
        return single(Tok::kRParen);
      case '[':
        return single(Tok::kLBracket);
      case ']':
        return single(Tok::kRBracket);
      case '{':
        return single(Tok::kLBrace);
      case '}':
        return single(Tok::kRBrace);
      case ':':
        return single(Tok::kColon);
      case '+':
        return single(Tok::kPlus);
      case '-':
        return single(Tok::kMinus);
      case '!':
        return single(Tok::kNot);
      case '~':
        throw QueryError(i_, "fuzzy and proximity searches (~) are not supported");
      case '"':
        return phrase(t);
      case '^':
        return boost(t);
      default:
        break;
    }
    if (in_.compare(i_, 2, "&&") == 0) {
      i_ += 2;
      t.kind = Tok::kAnd;
      return t;
    }
    if (in_.compare(i_, 2, "||") == 0) {
      i_ += 2;
      t.kind = Tok::kOr;
      return t;
    }
    return term(t);
  }

 private:
  Token phrase(Token& t) {
    ++i_;
    std::string text;
    while (true) {
      if (i_ >= in_.size()) throw QueryError(t.pos, "unterminated phrase");
      char c = in_[i_++];
      if (c == '"') break;
      if (c == '\\') {
        if (i_ >= in_.size()) throw QueryError(i_ - 1, "escape at end of query");
        c = in_[i_++];
      }
      text.push_back(c);
    }
    t.kind = Tok::kPhrase;
    t.value = Pattern::literal(text);
    return t;
  }

  Token boost(Token& t) {
    ++i_;
    const std::size_t start = i_;
    while (i_ < in_.size() &&
           (std::isdigit(static_cast<unsigned char>(in_[i_])) || in_[i_] == '.')) {
      ++i_;
    }
    if (i_ == start) throw QueryError(t.pos, "boost (^) needs a number");
    t.kind = Tok::kBoost;
    return t;
  }

  Token term(Token& t) {
    Pattern p;
    while (i_ < in_.size() && !ends_term(in_[i_])) {
      char c = in_[i_];
      if (c == '\\') {
        if (i_ + 1 >= in_.size()) throw QueryError(i_, "escape at end of query");
        c = in_[i_ + 1];
        i_ += 2;
        t.escaped = true;
        p.text.push_back(c);
        if (c == '*' || c == '?' || c == '\\') p.pattern.push_back('\\');
        p.pattern.push_back(c);
        continue;
      }
      ++i_;
      if (c == '*' || c == '?') p.wildcard = true;
      p.text.push_back(c);
      p.pattern.push_back(c);
    }
    t.kind = Tok::kTerm;
    if (!t.escaped && (p.text == "AND")) t.kind = Tok::kAnd;
    if (!t.escaped && (p.text == "OR")) t.kind = Tok::kOr;
    if (!t.escaped && (p.text == "NOT")) t.kind = Tok::kNot;
    t.value = std::move(p);
    return t;
  }

  std::string_view in_;
  std::size_t i_ = 0;
};

using Clause = std::pair<Occur, QueryNode>;

class Parser {
 public:
  explicit Parser(std::string_view in) : lexer_(in) { advance(); }

  QueryNode parse() {
    QueryNode q = sequence(std::nullopt, 0);
    if (tok_.kind != Tok::kEnd) throw QueryError(tok_.pos, "unexpected " + describe(tok_));
    return q;
  }

 private:
  static constexpr int kMaxDepth = 100;

  void advance() { tok_ = lexer_.next(); }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::kEnd:
        return "end of query";
      case Tok::kTerm:
        return "'" + t.value.text + "'";
      case Tok::kPhrase:
        return "phrase";
      case Tok::kRParen:
        return "')'";
      case Tok::kColon:
        return "':'";
      default:
        return "operator";
    }
  }

  // Clauses joined by OR or by nothing, up to ')' or the end.
  QueryNode sequence(const std::optional<Pattern>& field, int depth) {
    if (depth > kMaxDepth) throw QueryError(tok_.pos, "query nested too deeply");
    QueryNode group;
    group.kind = QueryNode::Kind::kGroup;
    while (tok_.kind != Tok::kEnd && tok_.kind != Tok::kRParen) {
      if (!group.clauses.empty() && tok_.kind == Tok::kOr) advance();
      group.clauses.push_back(and_chain(field, depth));
    }
    if (group.clauses.empty()) throw QueryError(tok_.pos, "expected a search term");
    return group;
  }

  Clause and_chain(const std::optional<Pattern>& field, int depth) {
    Clause first = unary(field, depth);
    if (tok_.kind != Tok::kAnd) return first;
    QueryNode all;
    all.kind = QueryNode::Kind::kAnd;
    all.clauses.push_back(std::move(first));
    while (tok_.kind == Tok::kAnd) {
      advance();
      all.clauses.push_back(unary(field, depth));
    }
    return {Occur::kShould, std::move(all)};
  }

  // A clause with its prefix operator; NOT/! stack, + and - take one primary.
  Clause unary(const std::optional<Pattern>& field, int depth) {
    if (depth > kMaxDepth) throw QueryError(tok_.pos, "query nested too deeply");
    switch (tok_.kind) {
      case Tok::kNot: {
        advance();
        Clause inner = unary(field, depth + 1);
        return {Occur::kMustNot, wrap(std::move(inner))};
      }
      case Tok::kPlus:
        advance();
        return {Occur::kMust, primary(field, depth)};
      case Tok::kMinus:
        advance();
        return {Occur::kMustNot, primary(field, depth)};
      default:
        return {Occur::kShould, primary(field, depth)};
    }
  }

  // A clause as a node of its own (a one-clause group keeps a negation's meaning).
  static QueryNode wrap(Clause c) {
    if (c.first == Occur::kShould) return std::move(c.second);
    QueryNode g;
    g.kind = QueryNode::Kind::kGroup;
    g.clauses.push_back(std::move(c));
    return g;
  }

  QueryNode primary(const std::optional<Pattern>& field, int depth) {
    QueryNode n;
    switch (tok_.kind) {
      case Tok::kLParen: {
        advance();
        n = sequence(field, depth + 1);
        expect(Tok::kRParen, "')'");
        break;
      }
      case Tok::kLBracket:
      case Tok::kLBrace:
        n = range(field);
        break;
      case Tok::kPhrase:
        n = term_node(field, tok_.value);
        advance();
        break;
      case Tok::kTerm: {
        Token t = tok_;
        advance();
        if (tok_.kind == Tok::kColon) {
          if (t.value.text.empty()) throw QueryError(t.pos, "empty field name");
          advance();
          n = field_value(t, depth);
        } else {
          n = term_node(field, t.value);
        }
        break;
      }
      default:
        throw QueryError(tok_.pos, "expected a search term, found " + describe(tok_));
    }
    if (tok_.kind == Tok::kBoost) advance();  // ranking only: no effect on what matches
    return n;
  }

  // What follows `field:`.
  QueryNode field_value(const Token& field_tok, int depth) {
    const Pattern& field = field_tok.value;
    switch (tok_.kind) {
      case Tok::kLParen: {
        advance();
        QueryNode n = sequence(field, depth + 1);
        expect(Tok::kRParen, "')'");
        return n;
      }
      case Tok::kLBracket:
      case Tok::kLBrace:
        return range(field);
      case Tok::kPhrase:
      case Tok::kTerm: {
        Pattern v = tok_.value;
        advance();
        if (field.is_star() && v.is_star()) {
          QueryNode all;
          all.kind = QueryNode::Kind::kAll;
          return all;
        }
        return term_node(field, v);
      }
      default:
        throw QueryError(tok_.pos, "expected a value after " + field.text + ":");
    }
  }

  static QueryNode term_node(const std::optional<Pattern>& field, Pattern value) {
    QueryNode n;
    n.kind = QueryNode::Kind::kTerm;
    n.field = field;
    n.value = std::move(value);
    return n;
  }

  // [a TO b], {a TO b}, mixed ends allowed; `*` for an open end.
  QueryNode range(const std::optional<Pattern>& field) {
    QueryNode n;
    n.kind = QueryNode::Kind::kRange;
    n.field = field;
    n.lower_inclusive = tok_.kind == Tok::kLBracket;
    advance();
    n.lower = bound();
    if (tok_.kind != Tok::kTerm || tok_.escaped || tok_.value.text != "TO") {
      throw QueryError(tok_.pos, "expected TO in range");
    }
    advance();
    n.upper = bound();
    if (tok_.kind == Tok::kRBracket) {
      n.upper_inclusive = true;
    } else if (tok_.kind == Tok::kRBrace) {
      n.upper_inclusive = false;
    } else {
      throw QueryError(tok_.pos, "expected ] or } to close range");
    }
    advance();
    return n;
  }

  std::optional<std::string> bound() {
    if (tok_.kind != Tok::kTerm && tok_.kind != Tok::kPhrase) {
      throw QueryError(tok_.pos, "expected a range bound");
    }
    std::optional<std::string> out;
    if (!(tok_.kind == Tok::kTerm && tok_.value.is_star())) out = tok_.value.text;
    advance();
    return out;
  }

  void expect(Tok kind, const char* what) {
    if (tok_.kind != kind) {
      throw QueryError(tok_.pos, std::string("expected ") + what + ", found " + describe(tok_));
    }
    advance();
  }

  Lexer lexer_;
  Token tok_;
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  return Parser(query).parse();
}

}  // namespace proofbox::zero::search
