#
# Cookbook:: webapp
# Recipe:: default
#
# Writes /etc/webapp/webapp.conf: the memcached servers of this node's environment (found by
# search, sorted so the file does not change from run to run), the cache namespace from the
# plain data bag app_config and the session secret from the encrypted bag secrets.
# spec/unit/search.yml tests the query against stub nodes.

query = "role:#{node['webapp']['memcached_role']} AND chef_environment:#{node.chef_environment}"
servers = search(:node, query).map { |n| "#{n['ipaddress']}:#{n['memcached']['port']}" }.sort
servers = node['webapp']['memcached_servers'] if servers.empty?

app_config = data_bag_item('app_config', 'webapp')
secrets = data_bag_item('secrets', 'webapp') # encrypted; the secret file comes with bootstrap

directory '/etc/webapp' do
  mode '0755'
end

template '/etc/webapp/webapp.conf' do
  source 'webapp.conf.erb'
  mode '0640'
  sensitive true
  variables(
    port: node['webapp']['port'],
    memcached_servers: servers,
    release: node['webapp']['release'],
    namespace: app_config['cache_namespace'],
    session_secret: secrets['session_secret']
  )
end
