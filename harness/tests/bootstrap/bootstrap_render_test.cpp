// Bootstrap templates: the shipped ones, user files, every variable, no HTML escaping.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mstch/mstch.hpp>

#include "proofbox/harness/bootstrap.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::harness {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kKey =
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/AbC=&<x>\"q'\n-----END RSA PRIVATE KEY-----\n";

BootstrapContext sample_context() {
  BootstrapContext c;
  c.server_url = "http://10.213.7.1:40123/organizations/chef";
  c.node_name = "memcached-1";
  c.environment = "test";
  c.run_list = {"role[memcached]", "recipe[base::users]"};
  c.validation_client_name = "chef-validator";
  c.validation_key = kKey;
  c.first_boot_attributes = Json{{"memcached", {{"port", 11211}, {"note", "a & <b>"}}}};
  c.chef_version = "18.4.12";
  c.extra = Json{{"proxy", "http://proxy:3128/?a=1&b=2"}, {"flags", Json::array({"x", "y"})}};
  return c;
}

std::string source_file(const std::string& relative) {
  return backup::testing::read_file(std::string(PROOFBOX_SOURCE_DIR) + "/" + relative);
}

TEST(BootstrapTemplatesTest, ShipsTheAgentAndChefClientTemplates) {
  EXPECT_THAT(shipped_bootstrap_templates(), ElementsAre("chef-client", "proofbox-agent"));
  EXPECT_EQ(load_bootstrap_template("proofbox-agent"),
            source_file("harness/templates/proofbox-agent.sh.mustache"));
  EXPECT_EQ(load_bootstrap_template("chef-client"),
            source_file("harness/templates/chef-client.sh.mustache"));
  // The compiled-in agent is the fixture, byte for byte.
  EXPECT_EQ(proofbox_agent_script(), source_file("fixtures/agent/proofbox-agent"));
}

TEST(BootstrapTemplatesTest, UnknownNameIsAnErrorListingTheShippedTemplates) {
  try {
    load_bootstrap_template("chef-ful");
    FAIL() << "expected BootstrapError";
  } catch (const BootstrapError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("'chef-ful'"), HasSubstr("chef-client, proofbox-agent")));
  }
}

TEST(BootstrapTemplatesTest, LoadsAUserTemplateFromItsPath) {
  backup::testing::TempDir dir;
  backup::testing::write_file(dir / "prod.sh.mustache", "#!/bin/sh\necho {{node_name}}\n");
  const std::string text = load_bootstrap_template((dir / "prod.sh.mustache").string());
  EXPECT_EQ(render_bootstrap(text, sample_context()), "#!/bin/sh\necho memcached-1\n");
}

TEST(BootstrapRenderTest, EveryVariableIsAvailable) {
  BootstrapContext c = sample_context();
  c.encrypted_data_bag_secret = "s3cret+/=\n";
  const std::string out = render_bootstrap(
      "url={{server_url}}\nnode={{node_name}}\nenv={{environment}}\n"
      "list={{#run_list}}<{{.}}>{{/run_list}}\ncsv={{run_list_csv}}\n"
      "validator={{validation_client_name}}\nport={{first_boot.memcached.port}}\n"
      "json={{first_boot_json}}\nsecret={{#encrypted_data_bag_secret}}[{{.}}]{{/"
      "encrypted_data_bag_secret}}\nchef={{chef_version}}\nproxy={{extra.proxy}}\n"
      "flags={{#extra.flags}}{{.}};{{/extra.flags}}\n",
      c);
  EXPECT_EQ(out,
            "url=http://10.213.7.1:40123/organizations/chef\nnode=memcached-1\nenv=test\n"
            "list=<role[memcached]><recipe[base::users]>\ncsv=role[memcached],recipe[base::users]\n"
            "validator=chef-validator\nport=11211\n"
            "json={\"memcached\":{\"note\":\"a & <b>\",\"port\":11211},\"run_list\":[\"role["
            "memcached]\",\"recipe[base::users]\"]}\nsecret=[s3cret+/=]\nchef=18.4.12\n"
            "proxy=http://proxy:3128/?a=1&b=2\nflags=x;y;\n");
}

TEST(BootstrapRenderTest, DoubleAndTripleMustachesInsertKeysAndJsonVerbatim) {
  const BootstrapContext c = sample_context();
  const std::string key_without_newline = std::string(kKey).substr(0, std::string(kKey).size() - 1);
  EXPECT_EQ(render_bootstrap("{{validation_key}}", c), key_without_newline);
  EXPECT_EQ(render_bootstrap("{{{validation_key}}}", c), key_without_newline);
  EXPECT_EQ(Json::parse(render_bootstrap("{{first_boot_json}}", c)), first_boot_json(c));
  // mstch's own escaping is back for everyone else once rendering is done.
  EXPECT_EQ(mstch::render("{{v}}", mstch::map{{"v", std::string("<&>")}}), "&lt;&amp;&gt;");
}

TEST(BootstrapRenderTest, FirstBootJsonCarriesTheRunListBesideTheAttributes) {
  BootstrapContext c = sample_context();
  c.first_boot_attributes["run_list"] = Json::array({"recipe[ignored]"});
  EXPECT_EQ(first_boot_json(c),
            (Json{{"memcached", {{"port", 11211}, {"note", "a & <b>"}}},
                  {"run_list", Json::array({"role[memcached]", "recipe[base::users]"})}}));
}

TEST(BootstrapRenderTest, UnbalancedSectionsAreErrorsWithTheirLine) {
  try {
    render_bootstrap("#!/bin/sh\n{{#run_list}}echo {{.}}\n", sample_context());
    FAIL() << "expected BootstrapError";
  } catch (const BootstrapError& e) {
    EXPECT_THAT(e.what(), HasSubstr("line 2: section {{#run_list}} is never closed"));
  }
  try {
    render_bootstrap("a\nb {{/run_list}}\n", sample_context());
    FAIL() << "expected BootstrapError";
  } catch (const BootstrapError& e) {
    EXPECT_THAT(e.what(), HasSubstr("line 2: {{/run_list}} closes no open section"));
  }
  EXPECT_THROW(render_bootstrap("{{#a}}{{^b}}{{/a}}{{/b}}", sample_context()), BootstrapError);
  EXPECT_EQ(render_bootstrap("{{#run_list}}{{^x}}-{{/x}}{{/run_list}}", sample_context()), "--");
}

class ShippedTemplateTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string render(const BootstrapContext& c) {
    return render_bootstrap(load_bootstrap_template(GetParam()), c);
  }
};

TEST_P(ShippedTemplateTest, WritesTheKeyWithMode0600AndTheClientConfig) {
  const std::string script = render(sample_context());
  EXPECT_THAT(script, HasSubstr("<<'PROOFBOX_VALIDATION_KEY'\n" + std::string(kKey) +
                                "PROOFBOX_VALIDATION_KEY\n"));
  EXPECT_THAT(script, HasSubstr("chmod 0600 \"$root/etc/chef/validation.pem\"\n"));
  EXPECT_THAT(script, HasSubstr("umask 077\n"));
  EXPECT_THAT(script,
              AllOf(HasSubstr("chef_server_url \"http://10.213.7.1:40123/organizations/chef\"\n"),
                    HasSubstr("node_name \"memcached-1\"\n"),
                    HasSubstr("validation_client_name \"chef-validator\"\n"),
                    HasSubstr("validation_key \"/etc/chef/validation.pem\"\n")));
  EXPECT_THAT(script,
              HasSubstr(first_boot_json(sample_context()).dump() + "\nPROOFBOX_FIRST_BOOT\n"));
  EXPECT_THAT(script, HasSubstr("-E \"test\""));
  EXPECT_THAT(script, Not(HasSubstr("PROOFBOX_DATA_BAG_SECRET")));
  EXPECT_THAT(script, Not(HasSubstr("encrypted_data_bag_secret \"/etc/chef")));
  EXPECT_THAT(script, Not(HasSubstr("&lt;")));
}

TEST_P(ShippedTemplateTest, WritesTheDataBagSecretWhenGiven) {
  BootstrapContext c = sample_context();
  c.encrypted_data_bag_secret = "c2VjcmV0+/==";
  const std::string script = render(c);
  EXPECT_THAT(script,
              HasSubstr("<<'PROOFBOX_DATA_BAG_SECRET'\nc2VjcmV0+/==\nPROOFBOX_DATA_BAG_SECRET\n"
                        "chmod 0600 \"$root/etc/chef/encrypted_data_bag_secret\"\n"));
  EXPECT_THAT(script,
              HasSubstr("encrypted_data_bag_secret \"/etc/chef/encrypted_data_bag_secret\"\n"));
}

TEST_P(ShippedTemplateTest, RendersAValidShellScript) {
  backup::testing::TempDir dir;
  BootstrapContext c = sample_context();
  c.encrypted_data_bag_secret = "secret";
  backup::testing::write_file(dir / "bootstrap.sh", render(c));
  const auto check = testing::run_process({"dash", "-n", (dir / "bootstrap.sh").string()});
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ShippedTemplateTest,
                         ::testing::Values("proofbox-agent", "chef-client"), [](const auto& info) {
                           return info.param == "chef-client" ? std::string("ChefClient")
                                                              : std::string("ProofboxAgent");
                         });

TEST(ProofboxAgentTemplateTest, EmbedsTheAgentAndRunsIt) {
  const std::string script =
      render_bootstrap(load_bootstrap_template("proofbox-agent"), sample_context());
  std::string agent(proofbox_agent_script());
  EXPECT_THAT(script, HasSubstr("<<'PROOFBOX_AGENT_SCRIPT'\n" + agent + "PROOFBOX_AGENT_SCRIPT\n"));
  EXPECT_THAT(script,
              HasSubstr("exec sh \"$root/opt/proofbox/bin/proofbox-agent\" -c "
                        "/etc/chef/client.rb \\\n  -j /etc/chef/first-boot.json -E \"test\""));
}

}  // namespace
}  // namespace proofbox::harness
