#!/bin/sh
# CNI shim start-up benchmark (BENCHMARKS.md, "CNI shim start-up").
# Measures, in one run, with hyperfine -N --warmup 3 --runs 20:
#   anchor  Debian's Go plugin:  CNI_COMMAND=VERSION /usr/lib/cni/ptp
#   (a)     plain java -cp calyx-cni.jar (default JVM flags, the test JDK)
#   (a')    plain java with the wrapper's flags but no jlink/AOT (shows what the flags alone buy)
#   (b)     the shipped wrapper: jlink'd java.base runtime + AOT cache + C1/SerialGC flags
# for VERSION (answered locally) and for ADD forwarded to a stub agent that replies at once, and
# prints each median and its ratio to the anchor.
# Usage: calyx-bench/src/main/sh/shim-startup.sh   (after: mvn -o -q -pl calyx-cni compile)
set -eu
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
WORK=$(mktemp -d /tmp/calyx-shimbench.XXXXXX)
OUT="$ROOT/calyx-bench/target/shim-bench"
SOCK="$WORK/cni.sock"
STUB_PID=
cleanup() { [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

CALYX_CNI_SOCKET="$SOCK" CALYX_CNI_QUEUE="$WORK/queue" "$ROOT/calyx-cni/src/main/sh/build-shim.sh" "$OUT"
JAR="$OUT/calyx-cni.jar"
PLAIN="$JAVA_HOME/bin/java -Dcalyx.cni.socket=$SOCK -cp $JAR dev.calyx.cni.shim.CniShim"
FLAGS="$JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Dcalyx.cni.socket=$SOCK -cp $JAR dev.calyx.cni.shim.CniShim"
WRAPPER="$OUT/calyx"

# The stub agent: answers every request frame at once with a canned ADD result (wire format v1).
PY=$(command -v /usr/bin/python3 || command -v python3)
"$PY" - "$SOCK" <<'PYEOF' &
import os, socket, struct, sys
path = sys.argv[1]
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); srv.bind(path); srv.listen(64)
out = b'{"cniVersion":"1.0.0","interfaces":[{"name":"eth0","sandbox":"/x"}],"ips":[{"address":"10.0.0.2/32","interface":0}]}'
body = struct.pack(">HBBB", 0xCA1C, 1, 2, 0) + struct.pack(">I", len(out)) + out + struct.pack(">I", 0)
reply = struct.pack(">I", len(body)) + body
def read(c, n):
    b = b""
    while len(b) < n:
        chunk = c.recv(n - len(b))
        if not chunk: return None
        b += chunk
    return b
while True:
    c, _ = srv.accept()
    h = read(c, 4)
    if h and read(c, struct.unpack(">I", h)[0]) is not None: c.sendall(reply)
    c.close()
PYEOF
STUB_PID=$!
i=0; while [ ! -S "$SOCK" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done

env -i CNI_COMMAND=ADD CNI_CONTAINERID=bench1 CNI_NETNS=/var/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni $WRAPPER </dev/null \
  | grep -q '"interfaces"' || { echo "forwarded ADD through the wrapper failed" >&2; exit 1; }

run() { # $1 = label, then optional anchor arguments; env for the commands is exported by the caller
  label=$1; shift
  hyperfine -N --warmup 3 --runs 20 --export-json "$WORK/$label.json" "$@" \
     -n "(a) plain java" "$PLAIN" -n "(a') java + flags" "$FLAGS" -n "(b) jlink+AOT wrapper" "$WRAPPER" >&2
}
export CNI_COMMAND=VERSION
run version -n "ptp (Go anchor, VERSION)" "/usr/lib/cni/ptp"
# ptp cannot do a forwarded ADD: the anchor for both columns is its VERSION from the run above.
export CNI_COMMAND=ADD CNI_CONTAINERID=bench1 CNI_NETNS=/var/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni
run add

# Wall-clock medians swing with other load on a shared 2-core box; min and CPU (user+sys) are steadier.
"$PY" - "$WORK/version.json" "$WORK/add.json" <<'PYEOF'
import json, sys
v = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
a = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
anc = v["ptp (Go anchor, VERSION)"]
am, an, ac = anc["median"], min(anc["times"]), anc["user"] + anc["system"]
print("CNI shim start-up, 20 runs each; anchor = Go ptp VERSION in the same run: median %.1f ms, min %.1f ms, cpu %.1f ms"
      % (am * 1e3, an * 1e3, ac * 1e3))
print("%-22s | %-34s | %-34s" % ("variant", "VERSION median / min / cpu (ms)", "forwarded ADD median / min / cpu (ms)"))
def cell(r):
    m, n, c = r["median"], min(r["times"]), r["user"] + r["system"]
    return "%6.1f %5.1fx / %5.1f %5.1fx / %5.1f" % (m * 1e3, m / am, n * 1e3, n / an, c * 1e3)
for name in ["(a) plain java", "(a') java + flags", "(b) jlink+AOT wrapper"]:
    print("%-22s | %-34s | %-34s" % (name, cell(v[name]), cell(a[name])))
for key, label in [("median", "median"), ("min", "min")]:
    f = (lambda r: r["median"]) if key == "median" else (lambda r: min(r["times"]))
    print("(a)/(b) %-6s: VERSION %.2fx, forwarded ADD %.2fx" % (label, f(v["(a) plain java"]) / f(v["(b) jlink+AOT wrapper"]),
          f(a["(a) plain java"]) / f(a["(b) jlink+AOT wrapper"])))
PYEOF
