default['base']['motd'] = 'Managed by Chef'
default['base']['timezone'] = 'Etc/UTC'
