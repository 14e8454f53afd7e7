#!/usr/bin/env bash
# Fetching, measured without the network: the first N fundus pages (default 40) served from this machine by a Python
# HTTP server that answers each request after a delay (default 0.3 s, as a distant site would), ingested as http(s)
# URLs with --fetches 1 and with the default 8. Prints wall time and peak RSS of each run, and checks both stores hold
# the same rows (times masked). With --shards N, also ingests the same URLs as N machines would (`--shard K/N`, one after
# the other here): prints each part's wall time and requests, and checks that every page was fetched exactly once.
#
#   bench/run-fetch.sh [--pages N] [--delay SECONDS] [--shards N] [--no-build]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
pages=40; delay=0.3; shards=0; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --delay) delay="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
source "$here/cli.sh"
build_cli
make_workdir
html="$repo/../shared/data/extraction/fundus/html"
BENCH_DIR="$here" SITREP_DATA="${SITREP_DATA:-$repo/data}" python3 - "$sitrep_dll" "$work" "$html" "$pages" "$delay" "$shards" <<'PY'
import collections, http.server, os, socketserver, subprocess, sys, threading, time
sys.path.insert(0, os.path.join(os.environ["BENCH_DIR"], "store"))
from store_digest import digest
dll, work, html, pages, delay, shards = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
requests = []

class Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        requests.append(self.path)
        time.sleep(delay)
        body = open(os.path.join(html, os.path.basename(self.path)), "rb").read()
        self.send_response(200); self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

server = Server(("127.0.0.1", 0), Slow)
threading.Thread(target=server.serve_forever, daemon=True).start()
urls = [f"http://127.0.0.1:{server.server_address[1]}/{name}" for name in sorted(os.listdir(html))[:pages]]
print(f"{len(urls)} pages, each answered after {delay} s")

def ingest(label, db, *options):
    requests.clear()
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "dotnet", dll, "ingest", *urls, "--db", db, *options, "--no-progress"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 2): sys.exit(f"ingest failed ({p.returncode}): {p.stderr}")
    print(f"{label}: {wall:6.2f} s wall, {len(requests)} requests, peak RSS {int(p.stderr.strip().splitlines()[-1]) // 1024} MB")
    return list(requests)

digests = set()
for fetches in (1, 8):
    db = os.path.join(work, f"f{fetches}.db")
    ingest(f"--fetches {fetches}", db, "--fetches", str(fetches))
    digests.add(digest(db)[0])
ok = len(digests) == 1
print("stores: " + ("the same rows" if ok else "DIFFER"))
if shards > 1:
    fetched = collections.Counter()
    for k in range(1, shards + 1):
        fetched.update(ingest(f"--shard {k}/{shards}", os.path.join(work, f"shard{k}.db"), "--shard", f"{k}/{shards}"))
    once = len(fetched) == len(urls) and set(fetched.values()) == {1}
    print("shards: " + ("every page fetched once" if once else f"pages fetched {sorted(fetched.values())}"))
    ok = ok and once
server.shutdown()
sys.exit(0 if ok else 1)
PY
