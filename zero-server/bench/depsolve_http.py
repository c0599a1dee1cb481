#!/usr/bin/env python3
"""Depsolver over HTTP: uploads a generated cookbook universe to a Chef server (unsigned, API
v1 segment form, which proofbox and goiardi both take), then times POST
/environments/_default/cookbook_versions on one keep-alive connection.

  depsolve_http.py URL COOKBOOKS VERSIONS [SOLVES]

The universe is layered like a chef-repo: cookbook i depends on i+1, i+2 and i+5 (a diamond
every few levels) with pessimistic constraints, so the solver must choose among VERSIONS
versions of each. The run list names the first three cookbooks. Prints one line:
RESULT cookbooks=N versions=V solved=K p50_ms=... min_ms=...
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def main():
    url, cookbooks, versions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    solves = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    parsed = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
    headers = {"Content-Type": "application/json", "Accept": "application/json",
               "X-Ops-Server-API-Version": "1"}

    def call(method, path, body):
        conn.request(method, path, json.dumps(body), headers)
        r = conn.getresponse()
        data = r.read()
        return r.status, data

    for c in range(cookbooks):
        name = f"cb{c}"
        for v in range(versions):
            version = f"1.{v}.0"
            deps = {f"cb{d}": f"~> 1.{max(0, v - 2)}" for d in (c + 1, c + 2, c + 5)
                    if d < cookbooks}
            doc = {"name": f"{name}-{version}", "cookbook_name": name, "version": version,
                   "json_class": "Chef::CookbookVersion", "chef_type": "cookbook_version",
                   "frozen?": False,
                   "metadata": {"name": name, "version": version, "dependencies": deps},
                   "recipes": [], "definitions": [], "libraries": [], "attributes": [],
                   "files": [], "templates": [], "resources": [], "providers": [],
                   "root_files": []}
            status, data = call("PUT", f"/cookbooks/{name}/{version}", doc)
            if status not in (200, 201):
                sys.exit(f"upload {name} {version}: {status} {data[:200]!r}")

    run_list = {"run_list": [f"cb{i}" for i in range(min(3, cookbooks))]}
    times, solved = [], 0
    for _ in range(solves):
        start = time.perf_counter()
        status, data = call("POST", "/environments/_default/cookbook_versions", run_list)
        times.append((time.perf_counter() - start) * 1000)
        if status == 200:
            solved = len(json.loads(data))
        else:
            sys.exit(f"solve: {status} {data[:300]!r}")
    print(f"RESULT cookbooks={cookbooks} versions={versions} solved={solved} "
          f"p50_ms={statistics.median(times):.3f} min_ms={min(times):.3f}")


if __name__ == "__main__":
    main()
