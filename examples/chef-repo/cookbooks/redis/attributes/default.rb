default['redis']['port'] = 6379
default['redis']['bind'] = '0.0.0.0'
default['redis']['maxmemory'] = '64mb'
default['redis']['maxmemory_policy'] = 'allkeys-lru'
