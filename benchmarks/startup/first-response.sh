#!/usr/bin/env bash
# Starts the server BINARY on 127.0.0.1:PORT, waits for the first 200 to GET / (polled over bash's /dev/tcp, no
# process per try), appends the process's peak RSS so far (VmHWM, kB) to RSS_FILE, and kills it. Used by run.sh.
set -uo pipefail
binary=$1 port=$2 rss_file=$3
"$binary" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
# A counted loop, not `for _ in $(seq N)`: expanding that list first took ~60 ms of every measurement.
for ((try = 0; try < 200000; try++)); do
  if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r status <&3 || status=""
    exec 3<&-
    if [[ "$status" == *" 200 "* ]]; then
      awk '/VmHWM/ {print $2}' "/proc/$pid/status" >>"$rss_file"
      # SIGKILL: hyperfine times this whole script, and a graceful shutdown is not part of the start-up.
      kill -KILL "$pid"
      wait "$pid" 2>/dev/null
      exit 0
    fi
  fi
  kill -0 "$pid" 2>/dev/null || { echo "the server exited before answering" >&2; exit 1; }
done
kill "$pid"
echo "no answer" >&2
exit 1
