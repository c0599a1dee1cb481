// Every operator of the query language, each checked against the exact set of node names.
#include <gtest/gtest.h>

#include "search_test_support.hpp"

namespace proofbox::zero::testing {
namespace {

class QueryOperatorsTest : public FleetTest {};

const Names kAll = {"web1", "web2", "db1", "app-1", "odd"};

TEST_F(QueryOperatorsTest, FieldValueMatchesExactly) {
  EXPECT_EQ(names("platform:ubuntu"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("platform:ubunt"), Names{});
  EXPECT_EQ(names("name:db1"), Names{"db1"});
  EXPECT_EQ(names("chef_environment:prod"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("nosuchfield:ubuntu"), Names{});
}

TEST_F(QueryOperatorsTest, AllDocuments) {
  EXPECT_EQ(names("*:*"), kAll);
}

TEST_F(QueryOperatorsTest, AdjacentTermsAreOred) {
  EXPECT_EQ(names("platform:ubuntu platform:centos"), (Names{"web1", "db1", "app-1"}));
}

TEST_F(QueryOperatorsTest, AndInBothSpellings) {
  EXPECT_EQ(names("platform:ubuntu AND chef_environment:prod"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("platform:ubuntu && role:web"), Names{"web1"});
  EXPECT_EQ(names("platform:ubuntu AND role:app"), Names{});
}

TEST_F(QueryOperatorsTest, OrInBothSpellings) {
  EXPECT_EQ(names("platform:debian OR platform:centos"), (Names{"web2", "app-1"}));
  EXPECT_EQ(names("platform:debian || name:odd"), (Names{"web2", "odd"}));
}

TEST_F(QueryOperatorsTest, NotInEverySpelling) {
  const Names not_ubuntu = {"web2", "app-1", "odd"};
  EXPECT_EQ(names("NOT platform:ubuntu"), not_ubuntu);
  EXPECT_EQ(names("!platform:ubuntu"), not_ubuntu);
  EXPECT_EQ(names("-platform:ubuntu"), not_ubuntu);
  EXPECT_EQ(names("role:web AND NOT chef_environment:prod"), Names{"web2"});
  EXPECT_EQ(names("role:web -chef_environment:prod"), Names{"web2"});
  EXPECT_EQ(names("role:web && !chef_environment:prod"), Names{"web2"});
  EXPECT_EQ(names("NOT NOT platform:centos"), Names{"app-1"});
}

TEST_F(QueryOperatorsTest, PlusMakesAClauseRequired) {
  // With a required clause, plain clauses no longer widen the match (Lucene semantics).
  EXPECT_EQ(names("+platform:ubuntu chef_environment:staging"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("+platform:ubuntu +name:db1"), Names{"db1"});
  EXPECT_EQ(names("+role:web -platform:debian"), Names{"web1"});
}

TEST_F(QueryOperatorsTest, GroupingOverridesPrecedence) {
  EXPECT_EQ(names("(platform:ubuntu OR platform:debian) AND chef_environment:prod"),
            (Names{"web1", "db1"}));
  EXPECT_EQ(names("platform:ubuntu OR (platform:debian AND chef_environment:prod)"),
            (Names{"web1", "db1"}));
  EXPECT_EQ(names("NOT (platform:ubuntu OR platform:debian)"), (Names{"app-1", "odd"}));
  EXPECT_EQ(names("platform:(ubuntu OR centos)"), (Names{"web1", "db1", "app-1"}));
  EXPECT_EQ(names("platform:(ubuntu centos) AND NOT name:db1"), (Names{"web1", "app-1"}));
}

TEST_F(QueryOperatorsTest, AndBindsTighterThanOr) {
  EXPECT_EQ(names("platform:centos OR platform:ubuntu AND chef_environment:staging"),
            Names{"app-1"});
}

TEST_F(QueryOperatorsTest, StarAndQuestionMarkInValues) {
  EXPECT_EQ(names("platform:ub*"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("platform:*bian"), Names{"web2"});
  EXPECT_EQ(names("platform:?ebian"), Names{"web2"});
  EXPECT_EQ(names("platform:c?nt*s"), Names{"app-1"});
  EXPECT_EQ(names("name:web?"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("ipaddress:10.0.0.*"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("platform:u?"), Names{});
}

TEST_F(QueryOperatorsTest, StarAloneMeansTheFieldIsPresent) {
  EXPECT_EQ(names("tags:*"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("note:*"), Names{"app-1"});
}

TEST_F(QueryOperatorsTest, WildcardsInFieldNames) {
  EXPECT_EQ(names("platform_ver*:12"), Names{"web2"});
  EXPECT_EQ(names("languages_*_version:*"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("languages_?uby:*"), Names{"web1"});
  EXPECT_EQ(names("*:canary"), Names{"web2"});
}

TEST_F(QueryOperatorsTest, BareTermsSearchEveryField) {
  EXPECT_EQ(names("canary"), Names{"web2"});
  EXPECT_EQ(names("centos OR canary"), (Names{"web2", "app-1"}));
}

TEST_F(QueryOperatorsTest, PhrasesMatchWholeValues) {
  EXPECT_EQ(names("note:\"hello world\""), Names{"app-1"});
  EXPECT_EQ(names("note:\"hello\""), Names{});
  EXPECT_EQ(names("note:\"hello*\""), Names{});  // no wildcards inside phrases
  EXPECT_EQ(names("\"hello world\""), Names{"app-1"});
}

TEST_F(QueryOperatorsTest, InclusiveRanges) {
  EXPECT_EQ(names("platform_version:[20.04 TO 22.04]"), (Names{"web1", "db1"}));
  EXPECT_EQ(names("name:[a TO db1]"), (Names{"app-1", "db1"}));
}

TEST_F(QueryOperatorsTest, ExclusiveRanges) {
  EXPECT_EQ(names("platform_version:{20.04 TO 22.04}"), Names{});
  EXPECT_EQ(names("platform_version:{12 TO 22.04}"), Names{"db1"});
  EXPECT_EQ(names("name:{app-1 TO web1]"), (Names{"db1", "odd", "web1"}));
  EXPECT_EQ(names("name:[app-1 TO web1}"), (Names{"app-1", "db1", "odd"}));
}

TEST_F(QueryOperatorsTest, OpenEndedRanges) {
  // Values compare as strings, as in the Chef server's index.
  EXPECT_EQ(names("platform_version:[* TO 20.04]"), (Names{"web2", "db1"}));
  EXPECT_EQ(names("platform_version:{20.04 TO *]"), (Names{"web1", "app-1"}));
  EXPECT_EQ(names("platform_version:[* TO *]"), (Names{"web1", "web2", "db1", "app-1"}));
}

TEST_F(QueryOperatorsTest, EscapesMakeSpecialCharactersLiteral) {
  EXPECT_EQ(names("weird:a\\:b\\*c"), Names{"odd"});
  EXPECT_EQ(names("weird:a\\:b\\*"), Names{});  // the escaped star is no wildcard
  EXPECT_EQ(names("weird:a\\:b*"), Names{"odd"});
  EXPECT_EQ(names("recipes:nginx\\:\\:default"), Names{"web1"});
  EXPECT_EQ(names("path:\\/var\\/log\\/app"), Names{"odd"});
  EXPECT_EQ(names("path:/var/log/*"), Names{"odd"});
  EXPECT_EQ(names("name:app\\-1"), Names{"app-1"});
}

TEST_F(QueryOperatorsTest, KeywordsAreUpperCaseAndEscapable) {
  EXPECT_EQ(names("platform:centos and"), Names{"app-1"});  // a plain word matching nothing
  put(make_node("kw", "_default", Json::array(), {{"word", "AND"}}));
  EXPECT_EQ(names("word:\\AND"), Names{"kw"});
  EXPECT_EQ(names("word:\"AND\""), Names{"kw"});
}

TEST_F(QueryOperatorsTest, ValuesAreCaseSensitive) {
  EXPECT_EQ(names("Mixed:CaSe"), Names{"odd"});
  EXPECT_EQ(names("Mixed:case"), Names{});
}

TEST_F(QueryOperatorsTest, BoostIsAcceptedAndIgnored) {
  EXPECT_EQ(names("platform:ubuntu^2 OR platform:centos"), (Names{"web1", "db1", "app-1"}));
}

TEST_F(QueryOperatorsTest, MalformedQueriesThrow) {
  for (const char* q : {"",
                        "   ",
                        "platform:",
                        "(platform:ubuntu",
                        "platform:ubuntu)",
                        "AND",
                        "platform:ubuntu AND",
                        "NOT",
                        "[a TO b",
                        "x:[a b]",
                        "x:[a TO b",
                        "x:\"open",
                        "x:y\\",
                        "x:y~2",
                        "x:^2",
                        ":x",
                        "x:(",
                        "x:()",
                        "+",
                        "-"}) {
    EXPECT_THROW(catalog_.query("node", q), search::QueryError) << q;
  }
}

}  // namespace
}  // namespace proofbox::zero::testing
