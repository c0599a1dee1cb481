# Community defaults; wrapper cookbooks (site-cookbooks/pd-memcached) set their own in their
# attributes/default.rb, which Chef loads after this file.
default['memcached']['port'] = 11211
default['memcached']['listen'] = '0.0.0.0'
default['memcached']['memory'] = 64
default['memcached']['max_connections'] = 1024
default['memcached']['start_service'] = true
