#pragma once
// The Chef search query language (the Lucene/Solr subset Chef documents) as a syntax tree.
//   field:value   field:val*ue?   "a phrase"   field:[a TO b]   field:{a TO *}   *:*
//   AND && OR || NOT ! + -   ( grouping )   field:(a OR b)   \ escapes   ^boost (ignored)
// Adjacent clauses with no operator are OR'ed. As in Lucene, a group whose clauses carry `+`
// matches what every `+` clause matches (its plain clauses only rank results), and `-`/NOT
// clauses remove matches; a group of only negative clauses means "everything except".
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace proofbox::zero::search {

// A malformed query; `what()` says where and why (the HTTP layer answers Chef's wording).
class QueryError : public std::runtime_error {
 public:
  QueryError(std::size_t position, const std::string& reason)
      : std::runtime_error("query error at " + std::to_string(position) + ": " + reason),
        position_(position) {}
  std::size_t position() const { return position_; }

 private:
  std::size_t position_;
};

// A field name or a value as written. `pattern` keeps wildcards bare and escapes literal
// `*`, `?` and `\` with `\`; `text` is the unescaped literal (meaningful when !wildcard).
struct Pattern {
  std::string text;
  std::string pattern;
  bool wildcard = false;

  bool is_star() const { return wildcard && pattern == "*"; }
  static Pattern literal(std::string_view text);
};

enum class Occur { kShould, kMust, kMustNot };

struct QueryNode {
  enum class Kind {
    kTerm,   // field:value (value may hold wildcards; "*" means the field is present)
    kRange,  // field:[lower TO upper] with inclusive/exclusive ends, nullopt = open
    kAll,    // *:*
    kGroup,  // clauses with occurs (Lucene boolean query; default OR)
    kAnd,    // clauses joined by AND; kMustNot clauses are subtracted
  };
  Kind kind = Kind::kTerm;
  std::optional<Pattern> field;  // nullopt: any field
  Pattern value;
  std::optional<std::string> lower, upper;
  bool lower_inclusive = true, upper_inclusive = true;
  std::vector<std::pair<Occur, QueryNode>> clauses;
};

// Parses a query string; throws QueryError when it is malformed.
QueryNode parse_query(std::string_view query);

// True when `text` matches `pattern` (`*` any run, `?` one character, `\x` a literal x).
bool glob_match(std::string_view pattern, std::string_view text);
// The literal characters of `pattern` before its first wildcard, unescaped.
std::string literal_prefix(std::string_view pattern);

}  // namespace proofbox::zero::search
