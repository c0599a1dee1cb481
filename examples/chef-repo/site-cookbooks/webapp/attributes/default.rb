default['webapp']['port'] = 8080
default['webapp']['memcached_role'] = 'memcached'
# Used only when search finds no memcached node (chef-solo, a first converge before the cache).
default['webapp']['memcached_servers'] = []
