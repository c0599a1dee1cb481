#
# Cookbook:: memcached
# Recipe:: default
#
# Writes /etc/memcached.conf from the node's attributes and runs memcached as the `memcache`
# user (nobody when the package did not create it). recipes/default.sh does the same for
# proofbox's stand-in agent.

package 'memcached'

service_user = node['etc']['passwd'].key?('memcache') ? 'memcache' : 'nobody'

template '/etc/memcached.conf' do
  source 'memcached.conf.erb'
  owner 'root'
  group 'root'
  mode '0644'
  variables(
    port: node['memcached']['port'],
    listen: node['memcached']['listen'],
    memory: node['memcached']['memory'],
    max_connections: node['memcached']['max_connections'],
    user: service_user
  )
  notifies :restart, 'service[memcached]', :delayed
end

service 'memcached' do
  supports status: true, restart: true
  action [:enable, :start]
  only_if { node['memcached']['start_service'] }
end
