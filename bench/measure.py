#!/usr/bin/env python3
"""Runs one command and prints its wall time, CPU time (user + system) and peak RSS as JSON.

Node cannot read a child's rusage, so the benchmark asks Python's resource module,
which reports the peak resident set of the waited-for child (ru_maxrss, KiB on Linux).
Usage: measure.py [--count-stdout] CWD CMD [ARGS...]
Without --count-stdout the command's output goes to /dev/null, as a user's redirect would;
with it, the output is read and counted (to tell a peer that printed nothing).
"""
import json, resource, subprocess, sys, tempfile, time

args = sys.argv[1:]
count = args[0] == "--count-stdout"
if count:
    args = args[1:]
cwd, cmd = args[0], args[1:]
with tempfile.TemporaryFile() as err:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE if count else subprocess.DEVNULL, stderr=err)
    out_bytes = 0
    if count:
        while True:
            chunk = proc.stdout.read(1 << 20)
            if not chunk:
                break
            out_bytes += len(chunk)
    code = proc.wait()
    wall = time.perf_counter() - start
    err.seek(0)
    tail = err.read()[-400:].decode("utf-8", "replace")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall_s": wall,
    "maxrss_kb": usage.ru_maxrss,
    "cpu_s": usage.ru_utime + usage.ru_stime,
    "code": code,
    "stdout_bytes": out_bytes if count else -1,
    "stderr_tail": tail,
}))
