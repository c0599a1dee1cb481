#!/bin/sh
# Shell counterpart of recipes/default.rb for proofbox-agent: writes /etc/redis/redis.conf from
# the node's attributes (attributes/default.rb's values when unset) and (re)starts redis-server
# as the `redis` user (nobody when the package did not create it). The image bakes redis-server
# in (images/redis.yml), so the converge needs no network.
set -eu
. "$PROOFBOX_HELPERS"

port=$(node_attr redis/port 6379)
bind=$(node_attr redis/bind 0.0.0.0)
maxmemory=$(node_attr redis/maxmemory 64mb)
policy=$(node_attr redis/maxmemory_policy allkeys-lru)
case $port in
  '' | *[!0-9]*)
    echo "redis: attribute redis/port must be a number, got '$port'" >&2
    exit 1
    ;;
esac
command -v redis-server > /dev/null 2>&1 || {
  echo "redis: redis-server is not installed (use the image of images/redis.yml)" >&2
  exit 1
}
user=nobody
if getent passwd redis > /dev/null 2>&1; then user=redis; fi

root=$PROOFBOX_ROOT
mkdir -p "$root/etc/redis" "$root/var/lib/redis" "$root/var/log/redis" "$root/run/redis"
chown "$user" "$root/var/lib/redis" "$root/var/log/redis" "$root/run/redis"
conf=$root/etc/redis/redis.conf
cat > "$conf.new" <<CONF
# Managed by Chef (cookbook redis); local changes are overwritten.
port $port
bind $bind
protected-mode no
daemonize yes
pidfile /run/redis/redis-server.pid
logfile /var/log/redis/redis-server.log
dir /var/lib/redis
save ""
appendonly no
maxmemory $maxmemory
maxmemory-policy $policy
CONF
chown "$user" "$conf.new"
chmod 0640 "$conf.new"
mv "$conf.new" "$conf"
echo "redis: wrote $conf (port $port, bind $bind, maxmemory $maxmemory)"

pidfile=$root/run/redis/redis-server.pid
if [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2> /dev/null; then
  tries=0
  while [ -e "$pidfile" ] && [ "$tries" -lt 50 ]; do
    tries=$((tries + 1))
    sleep 0.1
  done
  echo "redis: stopped the running redis-server to apply the configuration"
fi
# runuser is in util-linux (essential in Debian), so every image has it.
runuser -u "$user" -- redis-server "$conf"
tries=0
until [ "$(redis-cli -p "$port" ping 2> /dev/null)" = PONG ]; do
  tries=$((tries + 1))
  if [ "$tries" -ge 50 ]; then
    echo "redis: started, but no PONG on port $port after 5 s" >&2
    exit 1
  fi
  sleep 0.1
done
echo "redis: running as $user on $bind:$port (pid $(cat "$pidfile" 2> /dev/null || echo '?'))"
