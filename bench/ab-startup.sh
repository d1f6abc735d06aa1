#!/usr/bin/env bash
# Alternating launches of two distributions (each with its own class-data archive: bin/build-archive): time from launch
# to the first HTTP answer on the MCP endpoint, polled every 10 ms, and the process's CPU (utime+stime) by then.
# Usage: bench/ab-startup.sh DIST_A DIST_B CONFIG [RUNS]   (CONFIG: a gateway.yaml with a fixed server.port, e.g. the
# one a `bench/run --startup` run leaves under bench/target/startup-*/run-*/gateway/). Prints one line per round.
A=$1; B=$2; CFG=$3; RUNS=${4:-8}
port=$(grep -m1 -E '^\s*port:' "$CFG" | grep -oE '[0-9]+')
url="http://127.0.0.1:$port/mcp"
export AWS_ACCESS_KEY_ID=t AWS_SECRET_ACCESS_KEY=t AWS_REGION=us-east-1
tck=$(getconf CLK_TCK)
one() {
  local dist=$1 t0 pid ms cpu
  t0=$(date +%s%N)
  "$dist/bin/mcp-gateway" serve --config "$CFG" > /tmp/ab-serve.log 2>&1 &
  pid=$!
  while ! curl -s -o /dev/null -m 1 "$url" 2>/dev/null; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  jpid=$(pgrep -P $pid java || echo $pid)
  cpu=$(awk -v t=$tck '{print int(($14+$15)*1000/t)}' /proc/$jpid/stat 2>/dev/null || awk -v t=$tck '{print int(($14+$15)*1000/t)}' /proc/$pid/stat)
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  echo "$ms $cpu"
}
for i in $(seq 1 $RUNS); do
  a=$(one "$A"); sleep 1; b=$(one "$B"); sleep 1
  echo "run $i A $a B $b"
done
