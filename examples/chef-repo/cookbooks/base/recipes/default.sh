#!/bin/sh
# Shell counterpart of recipes/default.rb for proofbox-agent: /etc/motd names the node and its
# environment. (The agent sets the automatic `roles` only when it saves the node, after the
# converge, so this line names the environment and leaves the roles out.)
set -eu
. "$PROOFBOX_HELPERS"
motd=$(node_attr base/motd 'Managed by Chef')
mkdir -p "$PROOFBOX_ROOT/etc"
printf '%s: %s (%s)\n' "$motd" "$PROOFBOX_NODE_NAME" "$PROOFBOX_ENVIRONMENT" > "$PROOFBOX_ROOT/etc/motd"
chmod 0644 "$PROOFBOX_ROOT/etc/motd"
echo "base: wrote $PROOFBOX_ROOT/etc/motd"
