#
# Cookbook:: redis
# Recipe:: default
#
# A cache-only redis: no persistence, bounded memory, LRU eviction. recipes/default.sh does the
# same for proofbox's stand-in agent.

package 'redis-server'

directory '/var/lib/redis' do
  owner 'redis'
  group 'redis'
  mode '0750'
end

template '/etc/redis/redis.conf' do
  source 'redis.conf.erb'
  owner 'redis'
  group 'redis'
  mode '0640'
  variables(
    port: node['redis']['port'],
    bind: node['redis']['bind'],
    maxmemory: node['redis']['maxmemory'],
    maxmemory_policy: node['redis']['maxmemory_policy']
  )
  notifies :restart, 'service[redis-server]', :delayed
end

service 'redis-server' do
  supports status: true, restart: true
  action [:enable, :start]
end
