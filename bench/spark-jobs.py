#!/usr/bin/env python3
"""Prints the Spark jobs and stages of a run from its event log (spark.eventLog.dir): duration,
executor CPU time (steadier than wall time on a busy machine), tasks and shuffle write per stage. usage: bench/spark-jobs.py EVENT_LOG_FILE_OR_DIR"""
import glob, json, os, sys

path = sys.argv[1]  # run with --conf spark.eventLog.compress=false
files = sorted(glob.glob(os.path.join(path, "**", "events*"), recursive=True)) if os.path.isdir(path) else [path]
jobs, stages, t0 = {}, {}, None
for f in files:
    for line in open(f):
        e = json.loads(line)
        ev = e["Event"]
        if ev == "SparkListenerApplicationStart":
            t0 = e["Timestamp"]
        elif ev == "SparkListenerJobStart":
            infos = e["Stage Infos"]
            jobs[e["Job ID"]] = [e["Submission Time"], None, [s["Stage ID"] for s in infos],
                                 (e.get("Properties") or {}).get("callSite.short", infos[-1]["Stage Name"] if infos else "")]
        elif ev == "SparkListenerJobEnd":
            jobs[e["Job ID"]][1] = e["Completion Time"]
        elif ev == "SparkListenerStageCompleted":
            si = e["Stage Info"]
            sw = sum(a["Value"] for a in si.get("Accumulables", [])
                     if a["Name"] == "internal.metrics.shuffle.write.bytesWritten")
            cpu = sum(a["Value"] for a in si.get("Accumulables", [])
                      if a["Name"] == "internal.metrics.executorCpuTime") / 1e9
            if "Submission Time" in si:
                stages[si["Stage ID"]] = (si["Completion Time"] - si["Submission Time"], si["Number of Tasks"], sw,
                                          si["Stage Name"][:50], cpu)
total_sw = 0
total_cpu = 0.0
for j, (s, end, st, name) in sorted(jobs.items()):
    print(f"job {j:3d} at +{(s - t0) / 1000:6.2f}s  {((end or s) - s) / 1000:6.2f}s  {name[:70]}")
    for x in st:
        if x in stages:
            d, n, sw, nm, cpu = stages[x]
            total_sw += sw
            total_cpu += cpu
            print(f"        stage {x:3d} {d / 1000:6.2f}s cpu {cpu:6.2f}s {n:4d} tasks shuffle-write {sw:>12,d} B  {nm}")
print(f"total shuffle write {total_sw:,d} B; executor CPU {total_cpu:.2f} s")
