#!/bin/sh
# Shell counterpart of recipes/default.rb for proofbox-agent. include_recipe becomes running the
# memcached cookbook's own counterpart from the agent's cookbook cache (the solver brings
# memcached along through `depends`), with this wrapper's attribute defaults handed over.
set -eu
community=$PROOFBOX_FILE_CACHE/cookbooks/memcached
if [ ! -f "$community/recipes/default.sh" ]; then
  echo "pd-memcached: cookbook memcached is not in the cookbook cache ($community)" >&2
  exit 1
fi
echo "pd-memcached: include_recipe memcached::default"
cd "$community"
MEMCACHED_DEFAULT_PORT=11211 MEMCACHED_DEFAULT_MEMORY=256 MEMCACHED_DEFAULT_MAX_CONNECTIONS=2048 \
  PROOFBOX_RECIPE=memcached::default PROOFBOX_COOKBOOK_DIR=$community \
  exec sh recipes/default.sh
