#!/usr/bin/env python3
"""POST COUNT unique ~2 KB nodes to URL/nodes over one keep-alive connection, then print
`LOADED nodes=N json_bytes=B` (B = the JSON bytes the created nodes held). Used for the
memory-per-node and search figures; the node shape matches post_nodes.lua, except that every
fourth node also has role[app] and every other node runs on ubuntu, so the query
`role:app AND platform:ubuntu` matches one node in eight.

    load_nodes.py http://127.0.0.1:8889 10000
"""
import http.client
import sys
import urllib.parse


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    url = urllib.parse.urlsplit(sys.argv[1])
    count = int(sys.argv[2])
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    attrs = ",".join('"attribute_%d":"value-%08d"' % (i, i * 7919) for i in range(1, 49))
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    created = 0
    total = 0
    for n in range(count):
        name = "load-%d" % n
        run_list = '"role[base]","role[app]"' if n % 4 == 0 else '"role[base]"'
        platform = "ubuntu" if n % 2 == 0 else "debian"
        body = ('{"name":"%s","chef_type":"node","json_class":"Chef::Node",'
                '"chef_environment":"_default","run_list":[%s,"recipe[nginx]"],'
                '"normal":{%s},"default":{},"override":{},'
                '"automatic":{"platform":"%s","platform_version":"12","fqdn":"%s.example"}}'
                % (name, run_list, attrs, platform, name))
        conn.request("POST", url.path.rstrip("/") + "/nodes", body, headers)
        response = conn.getresponse()
        response.read()
        if response.status == 201:
            created += 1
            total += len(body)
    print("LOADED nodes=%d json_bytes=%d" % (created, total))
    return 0 if created == count else 1


if __name__ == "__main__":
    sys.exit(main())
