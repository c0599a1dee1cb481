#include "proofbox/backup/client/toml_subset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace proofbox::backup::client {
namespace {

using ::testing::HasSubstr;

TEST(TomlSubset, ReadsKnifeCredentialsProfiles) {
  auto doc = parse_toml_subset(R"(# knife credentials
[default]
client_name = "barney"
client_key = 'keys\barney.pem'   # literal: no escapes
chef_server_url = "https://chef.example/organizations/bedrock"

['dev.profile']
client_name = "fred"
retries = 3
verify = false
)",
                               "credentials");
  ASSERT_EQ(doc.tables.size(), 2u);
  const auto& def = doc.tables.at("default");
  EXPECT_EQ(std::get<std::string>(def.at("client_name")), "barney");
  EXPECT_EQ(std::get<std::string>(def.at("client_key")), "keys\\barney.pem");
  EXPECT_EQ(std::get<std::string>(def.at("chef_server_url")),
            "https://chef.example/organizations/bedrock");
  const auto& dev = doc.tables.at("dev.profile");
  EXPECT_EQ(std::get<std::int64_t>(dev.at("retries")), 3);
  EXPECT_EQ(std::get<bool>(dev.at("verify")), false);
}

TEST(TomlSubset, MultiLineStringsHoldInlineKeys) {
  auto doc = parse_toml_subset(
      "[p]\nclient_key = \"\"\"\n-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE "
      "KEY-----\n\"\"\"\nname = \"tab\\there \\u00e9\"\n",
      "f");
  EXPECT_EQ(std::get<std::string>(doc.tables.at("p").at("client_key")),
            "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\n");
  EXPECT_EQ(std::get<std::string>(doc.tables.at("p").at("name")), "tab\there \xc3\xa9");
}

TEST(TomlSubset, ErrorsNameFileAndLine) {
  auto error_of = [](std::string_view text) {
    try {
      parse_toml_subset(text, "/home/u/.chef/credentials");
    } catch (const TomlError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(error_of("[a]\nx = \"ok\"\ny = \"unterminated\n"),
              HasSubstr("/home/u/.chef/credentials:3: unterminated string"));
  EXPECT_THAT(error_of("[a]\n\nx \"no equals\"\n"), HasSubstr("credentials:3: expected '='"));
  EXPECT_THAT(error_of("[a]\nx = [1, 2]\n"), HasSubstr(":2: arrays and inline tables"));
  EXPECT_THAT(error_of("[a]\n[a]\n"), HasSubstr(":2: table [a] defined twice"));
  EXPECT_THAT(error_of("x = 1 2\n"), HasSubstr(":1: unexpected text after the value"));
  EXPECT_THAT(error_of("[a\n"), HasSubstr(":1: expected ']'"));
  EXPECT_THAT(error_of("a = 1\na = 2\n"), HasSubstr(":2: key 'a' defined twice"));
  EXPECT_THAT(error_of("k = \"\"\"\nnever closed\n"), HasSubstr(":1: unterminated multi-line"));
}

}  // namespace
}  // namespace proofbox::backup::client
