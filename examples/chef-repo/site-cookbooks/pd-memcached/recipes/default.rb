#
# Cookbook:: pd-memcached
# Recipe:: default
#
# The wrapper recipe: our attributes (attributes/default.rb) and the community recipe.

include_recipe 'memcached::default'
