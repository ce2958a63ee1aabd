#!/usr/bin/env python3
"""Runs one command and prints its wall time and peak RSS as JSON.

Node cannot read a child's rusage, so the benchmark asks Python's resource module,
which reports the peak resident set of the waited-for child (ru_maxrss, KiB on Linux).
Usage: measure.py CWD CMD [ARGS...]
"""
import json, os, resource, subprocess, sys, time

cwd, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall_s": wall,
    "maxrss_kb": usage.ru_maxrss,
    "code": proc.returncode,
    "stdout_bytes": len(proc.stdout),
    "stderr_tail": proc.stderr.decode("utf-8", "replace")[-400:],
}))
