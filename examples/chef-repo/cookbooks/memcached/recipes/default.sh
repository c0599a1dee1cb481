#!/bin/sh
# Shell counterpart of recipes/default.rb, run by proofbox-agent: writes /etc/memcached.conf
# from the node's attributes (the defaults of attributes/default.rb when unset) and (re)starts
# memcached in the background as `memcache`, or nobody when that user does not exist.
#
# Chef loads a wrapper cookbook's attributes/default.rb after this cookbook's, so a wrapper's
# defaults beat ours. The agent evaluates no attribute files: a wrapper's counterpart passes its
# defaults as MEMCACHED_DEFAULT_PORT, _LISTEN, _MEMORY, _MAX_CONNECTIONS; node attributes (roles,
# environments, first-boot JSON) still win over both.
set -eu
. "$PROOFBOX_HELPERS"

port=$(node_attr memcached/port "${MEMCACHED_DEFAULT_PORT:-11211}")
listen=$(node_attr memcached/listen "${MEMCACHED_DEFAULT_LISTEN:-0.0.0.0}")
memory=$(node_attr memcached/memory "${MEMCACHED_DEFAULT_MEMORY:-64}")
max_connections=$(node_attr memcached/max_connections "${MEMCACHED_DEFAULT_MAX_CONNECTIONS:-1024}")
start=$(node_attr memcached/start_service true)
for setting in "port=$port" "memory=$memory" "max_connections=$max_connections"; do
  case ${setting#*=} in
    '' | *[!0-9]*)
      echo "memcached: attribute memcached/${setting%%=*} must be a number, got '${setting#*=}'" >&2
      exit 1
      ;;
  esac
done
user=nobody
if getent passwd memcache > /dev/null 2>&1; then user=memcache; fi

conf=$PROOFBOX_ROOT/etc/memcached.conf
mkdir -p "$(dirname "$conf")"
cat > "$conf.new" <<CONF
# Managed by Chef (cookbook memcached); local changes are overwritten.
-d
logfile /var/log/memcached.log
-u $user
-p $port
-l $listen
-m $memory
-c $max_connections
CONF
chmod 0644 "$conf.new"
mv "$conf.new" "$conf"
echo "memcached: wrote $conf (port $port, listen $listen, ${memory} MB, user $user)"

if [ "$start" != true ]; then
  echo "memcached: memcached/start_service is $start; not starting the service"
  exit 0
fi
command -v memcached > /dev/null 2>&1 || {
  echo "memcached: the memcached program is not installed (bake it into the image)" >&2
  exit 1
}
# memcached writes its pid file after dropping to $user: give it a directory it owns.
piddir=$PROOFBOX_ROOT/run/memcached
mkdir -p "$piddir"
chown "$user" "$piddir" 2> /dev/null || true
pidfile=$piddir/memcached.pid
if [ -s "$pidfile" ]; then
  old_pid=$(cat "$pidfile")
  if kill "$old_pid" 2> /dev/null; then
    # Wait (up to 5 s) until it is gone, so the new one gets the port and the pid file.
    tries=0
    while kill -0 "$old_pid" 2> /dev/null && [ "$tries" -lt 50 ]; do
      tries=$((tries + 1))
      sleep 0.1
    done
    echo "memcached: stopped the running memcached (pid $old_pid) to apply the configuration"
  fi
fi
memcached -d -u "$user" -p "$port" -l "$listen" -m "$memory" -c "$max_connections" -P "$pidfile"
# memcached -d returns before it listens: wait (up to 5 s) for the port when nc is there.
if command -v nc > /dev/null 2>&1; then
  tries=0
  until nc -z 127.0.0.1 "$port" 2> /dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 50 ]; then
      echo "memcached: started, but nothing listens on port $port after 5 s" >&2
      exit 1
    fi
    sleep 0.1
  done
fi
echo "memcached: running as $user on $listen:$port (pid $(cat "$pidfile" 2> /dev/null || echo '?'))"
