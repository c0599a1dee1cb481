#!/bin/sh
# Shell counterpart of recipes/default.rb for proofbox-agent. The agent gives recipe scripts no
# search and no data bag helper, so this stand-in takes the memcached servers from the attribute
# webapp/memcached_servers (the recipe's fallback; proofbox.yml sets it for the app node), the
# cache namespace from webapp/cache_namespace (what data bag app_config/webapp holds) and leaves
# the session secret out. What the Ruby recipe's search
# finds is proven by spec/unit/search.yml; that the memcached node was saved and is found by
# that search on the server is checked by spec/functional/memcached.yml.
set -eu
. "$PROOFBOX_HELPERS"
port=$(node_attr webapp/port 8080)
release=$(node_attr webapp/release unreleased)
namespace=$(node_attr webapp/cache_namespace webapp)
# A JSON array of strings -> a comma-separated list.
servers=$(node_attr webapp/memcached_servers '[]' | tr -d '[]" \n')
conf=$PROOFBOX_ROOT/etc/webapp/webapp.conf
mkdir -p "$(dirname "$conf")"
cat > "$conf.new" <<CONF
# Managed by Chef (cookbook webapp); local changes are overwritten.
port = $port
release = $release
cache_namespace = $namespace
memcached_servers = $servers
CONF
chmod 0640 "$conf.new"
mv "$conf.new" "$conf"
echo "webapp: wrote $conf (memcached servers: ${servers:-none})"
