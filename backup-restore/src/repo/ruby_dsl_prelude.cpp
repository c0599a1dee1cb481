#include "repo/ruby_dsl_prelude.hpp"

namespace proofbox::backup::repo {

// Each class keeps what the file declares in @doc and hands it back from __result. Checks
// raise ArgumentError so the backtrace names the user's line. mruby has no Regexp here, so
// version strings are checked character by character.
const char* const kRubyDslPrelude = R"RUBY(
module ProofboxDsl
  module Checks
    def __pb_string(field, value)
      return value if value.is_a?(String)
      raise ArgumentError, "#{field} must be a String, not #{value.class} (#{value.inspect})"
    end

    # Names of cookbooks, platforms, environments: a String or a Symbol.
    def __pb_name(field, value)
      return value.to_s if value.is_a?(String) || value.is_a?(Symbol)
      raise ArgumentError, "#{field} must be a String or Symbol, not #{value.class} (#{value.inspect})"
    end

    def __pb_hash(field, value)
      return value if value.is_a?(Hash)
      raise ArgumentError, "#{field} must be a Hash, not #{value.class} (#{value.inspect})"
    end

    def __pb_digits?(text)
      !text.empty? && text.each_char.all? { |c| c >= "0" && c <= "9" }
    end

    def __pb_split_op(text, ops)
      op = ops.find { |o| text.start_with?(o) }
      [op, op ? text[op.size..-1].strip : text]
    end

    # A Chef version constraint "OP VERSION" (OP one of ~> >= <= = > <, a bare version means
    # "="), VERSION with min_parts..3 numeric parts. Returns the normalised "OP VERSION".
    def __pb_constraint(field, value, min_parts = 1)
      op, version = __pb_split_op(__pb_string(field, value).strip, ["~>", ">=", "<=", "=", ">", "<"])
      base, suffix = version.split("-", 2)
      parts = base.to_s.split(".", -1)
      ok = parts.size >= min_parts && parts.size <= 3 && parts.all? { |p| __pb_digits?(p) }
      # Platform versions may carry FreeBSD's suffix: "10.1-RELEASE", "9.3-RELEASE-p5".
      if suffix
        ok &&= min_parts == 1 && parts.size == 2 && !suffix.empty? &&
               suffix.each_char.all? { |c| c == "-" || (c >= "0" && c <= "9") || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
      end
      raise ArgumentError, "invalid version constraint #{value.inspect} for #{field}" unless ok
      "#{op || '='} #{version}"
    end

    # depends/supports/provides take at most one constraint (">= 0.0.0" when none).
    def __pb_single_constraint(method, name, constraints)
      return ">= 0.0.0" if constraints.empty?
      return __pb_constraint("#{method} '#{name}'", constraints[0]) if constraints.size == 1
      raise ArgumentError, "#{method} '#{name}': one version constraint at most, got #{constraints.size} (the old multi-constraint syntax is obsolete)"
    end

    # A RubyGems requirement (chef_version, ohai_version): OP VERSION, OP also "!=".
    def __pb_requirement(field, value)
      op, version = __pb_split_op(__pb_string(field, value).strip, ["~>", ">=", "<=", "!=", "=", ">", "<"])
      parts = version.split(".", -1)
      ok = !parts.empty? && parts.all? do |p|
        !p.empty? && p.each_char.all? { |c| (c >= "0" && c <= "9") || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
      end
      raise ArgumentError, "illformed requirement #{value.inspect} for #{field}" unless ok
      "#{op || '='} #{version}"
    end

    # Chef::Version: "x.y" or "x.y.z", numeric; written back as "x.y.z".
    def __pb_version(value)
      text = __pb_string("version", value).strip
      parts = text.split(".", -1)
      unless (parts.size == 2 || parts.size == 3) && parts.all? { |p| __pb_digits?(p) }
        raise ArgumentError, "version '#{value}' does not match 'x.y.z' or 'x.y'"
      end
      parts << "0" if parts.size == 2
      parts.map { |p| p.to_i.to_s }.join(".")
    end

    # Run list items: strings, given one by one or in arrays (Chef flattens them).
    def __pb_run_list(field, items)
      items.flatten.map { |item| __pb_string(field, item) }
    end

    # Shared setter/getter for the plain fields (Chef's set_or_return).
    def __pb_field(field, args, &check)
      raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 0..1)" if args.size > 1
      @doc[field] = check.call(args[0]) unless args.empty? || args[0].nil?
      @doc[field]
    end
  end

  class Metadata
    include Checks

    def initialize
      @doc = {
        "name" => nil, "description" => "", "long_description" => "", "maintainer" => "",
        "maintainer_email" => "", "license" => "All rights reserved", "platforms" => {},
        "dependencies" => {}, "providing" => {}, "recipes" => {}, "version" => "0.0.0",
        "source_url" => "", "issues_url" => "", "privacy" => false, "chef_versions" => [],
        "ohai_versions" => [], "gems" => [], "eager_load_libraries" => true
      }
    end

    def __result
      @doc
    end

    def name(*args) __pb_field("name", args) { |v| __pb_string("name", v) } end
    def description(*args) __pb_field("description", args) { |v| __pb_string("description", v) } end
    def long_description(*args) __pb_field("long_description", args) { |v| __pb_string("long_description", v) } end
    def maintainer(*args) __pb_field("maintainer", args) { |v| __pb_string("maintainer", v) } end
    def maintainer_email(*args) __pb_field("maintainer_email", args) { |v| __pb_string("maintainer_email", v) } end
    def license(*args) __pb_field("license", args) { |v| __pb_string("license", v) } end
    def source_url(*args) __pb_field("source_url", args) { |v| __pb_string("source_url", v) } end
    def issues_url(*args) __pb_field("issues_url", args) { |v| __pb_string("issues_url", v) } end
    def version(*args) __pb_field("version", args) { |v| __pb_version(v) } end

    def privacy(*args)
      __pb_field("privacy", args) do |v|
        raise ArgumentError, "privacy must be true or false, not #{v.inspect}" unless v == true || v == false
        v
      end
    end

    def eager_load_libraries(*args)
      __pb_field("eager_load_libraries", args) do |v|
        ok = v == true || v == false || v.is_a?(String) || (v.is_a?(Array) && v.all? { |e| e.is_a?(String) })
        raise ArgumentError, "eager_load_libraries must be true, false, a String or an Array of Strings" unless ok
        v
      end
    end

    def depends(cookbook, *constraints)
      name = __pb_name("depends", cookbook)
      return nil if name == @doc["name"] # Chef ignores a self-dependency
      @doc["dependencies"][name] = __pb_single_constraint("depends", name, constraints)
    end

    def supports(platform, *constraints)
      name = __pb_name("supports", platform)
      @doc["platforms"][name] = __pb_single_constraint("supports", name, constraints)
    end

    def provides(thing, *constraints)
      name = __pb_name("provides", thing)
      @doc["providing"][name] = __pb_single_constraint("provides", name, constraints)
    end

    def recipe(name, description)
      @doc["recipes"][__pb_name("recipe", name)] = __pb_string("recipe description", description)
    end

    def chef_version(*requirements)
      reqs = requirements.flatten
      @doc["chef_versions"] << reqs.map { |r| __pb_requirement("chef_version", r) }.sort unless reqs.empty?
      @doc["chef_versions"]
    end

    def ohai_version(*requirements)
      reqs = requirements.flatten
      @doc["ohai_versions"] << reqs.map { |r| __pb_requirement("ohai_version", r) }.sort unless reqs.empty?
      @doc["ohai_versions"]
    end

    # gem "name", "constraint"... (the arguments of a Gemfile line).
    def gem(*args)
      @doc["gems"] << args.map { |a| __pb_string("gem", a) } unless args.empty?
      @doc["gems"]
    end

    # Chef ignores metadata methods it does not know (attribute, grouping, recommends,
    # suggests, conflicts, replaces were dropped from the format); with a block it is code
    # that meant something, so that still fails.
    def method_missing(name, *args, &block)
      return super if block
      nil
    end
  end

  module Attributes
    def default_attributes(*args) __pb_field("default_attributes", args) { |v| __pb_hash("default_attributes", v) } end
    def override_attributes(*args) __pb_field("override_attributes", args) { |v| __pb_hash("override_attributes", v) } end
  end

  class Role
    include Checks
    include Attributes

    def initialize
      @doc = {}
    end

    def __result
      @doc
    end

    def name(*args) __pb_field("name", args) { |v| __pb_string("name", v) } end
    def description(*args) __pb_field("description", args) { |v| __pb_string("description", v) } end

    def run_list(*items)
      @doc["run_list"] = __pb_run_list("run_list", items) unless items.empty?
      @doc["run_list"] || []
    end

    # Replaces every environment's run list; Chef insists on a "_default" entry here, which
    # becomes the role's run_list.
    def env_run_lists(*args)
      return @doc["env_run_lists"] || {} if args.empty?
      lists = __pb_hash("env_run_lists", args[0])
      unless lists.keys.any? { |k| k.to_s == "_default" }
        raise ArgumentError, "_default key is required in env_run_lists (#{lists.inspect})"
      end
      @doc["env_run_lists"] = {}
      env_run_lists_add(lists)
    end

    # Adds or replaces some environments' run lists.
    def env_run_lists_add(lists)
      __pb_hash("env_run_lists_add", lists).each do |env, items|
        env = __pb_name("env_run_lists", env)
        list = __pb_run_list("env_run_lists '#{env}'", [items])
        if env == "_default"
          @doc["run_list"] = list
        else
          (@doc["env_run_lists"] ||= {})[env] = list
        end
      end
      @doc["env_run_lists"] || {}
    end
  end

  class Environment
    include Checks
    include Attributes

    def initialize
      @doc = {}
    end

    def __result
      @doc
    end

    def name(*args) __pb_field("name", args) { |v| __pb_string("name", v) } end
    def description(*args) __pb_field("description", args) { |v| __pb_string("description", v) } end

    # Environment pins need "x.y" or "x.y.z"; the string is kept as written.
    def __pb_pin(cookbook, constraint)
      __pb_constraint("cookbook '#{cookbook}'", constraint, 2)
      constraint
    end

    def cookbook(name, constraint)
      name = __pb_name("cookbook", name)
      (@doc["cookbook_versions"] ||= {})[name] = __pb_pin(name, constraint)
    end

    def cookbook_versions(*args)
      return @doc["cookbook_versions"] || {} if args.empty?
      pins = {}
      __pb_hash("cookbook_versions", args[0]).each do |name, constraint|
        name = __pb_name("cookbook_versions", name)
        pins[name] = __pb_pin(name, constraint)
      end
      @doc["cookbook_versions"] = pins
    end
  end

  class Node
    include Checks

    def initialize
      @doc = {}
    end

    def __result
      @doc
    end

    def name(*args) __pb_field("name", args) { |v| __pb_string("name", v) } end
    def chef_environment(*args) __pb_field("chef_environment", args) { |v| __pb_string("chef_environment", v) } end
    def policy_name(*args) __pb_field("policy_name", args) { |v| __pb_string("policy_name", v) } end
    def policy_group(*args) __pb_field("policy_group", args) { |v| __pb_string("policy_group", v) } end
    def default_attributes(*args) __pb_field("default", args) { |v| __pb_hash("default_attributes", v) } end
    def normal_attributes(*args) __pb_field("normal", args) { |v| __pb_hash("normal_attributes", v) } end
    def override_attributes(*args) __pb_field("override", args) { |v| __pb_hash("override_attributes", v) } end
    def automatic_attributes(*args) __pb_field("automatic", args) { |v| __pb_hash("automatic_attributes", v) } end

    def run_list(*items)
      @doc["run_list"] = __pb_run_list("run_list", items) unless items.empty?
      @doc["run_list"] || []
    end
  end
end

# Repo files describe objects: they may read files next to them (long_description IO.read of
# a README), but get no sockets and start no programs (IO.popen backs `cmd` and open("|cmd")).
[:Addrinfo, :BasicSocket, :IPSocket, :Socket, :TCPServer, :TCPSocket, :UDPSocket, :UNIXServer,
 :UNIXSocket].each { |c| Object.send(:remove_const, c) if Object.const_defined?(c) }
class << IO
  undef_method :popen
end
)RUBY";

}  // namespace proofbox::backup::repo
