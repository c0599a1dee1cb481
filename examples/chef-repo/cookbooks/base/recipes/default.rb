#
# Cookbook:: base
# Recipe:: default
#
# /etc/motd says who manages the node and where it runs. recipes/default.sh is the same for
# proofbox's stand-in agent.

file '/etc/motd' do
  content "#{node['base']['motd']}: #{node.name} (#{node.chef_environment}, " \
          "roles #{node['roles'].join(', ')})\n"
  mode '0644'
end
