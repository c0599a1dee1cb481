# This site's memcached: a bigger cache and more connections than the community defaults.
# Loaded after memcached's attributes/default.rb (this cookbook depends on it), so these win;
# roles and environments can still raise them (spec/unit/roles.yml checks the precedence).
default['memcached']['port'] = 11211
default['memcached']['memory'] = 256
default['memcached']['max_connections'] = 2048
