#!/usr/bin/env python3
"""Monthly cost of fan-out polling, for docs/costs.md. Usage: python3 docs/cost_model.py

Inputs are the figures bin/simulate-scale measured (1,000 loopback feeds on moto server, 2-core machine shared with
other builds) and us-east-1 list prices. Free tiers are ignored."""

# us-east-1 list prices (USD) as of mid-2025
LAMBDA_GBS_ARM = 0.0000133334   # per GB-second, arm64
LAMBDA_REQ = 0.20 / 1e6
SQS_STD = 0.40 / 1e6            # per request (each 64 KB of payload is one request)
SQS_FIFO = 0.50 / 1e6
DDB_WRU = 0.625 / 1e6           # on-demand, per write request unit (1 KB)
DDB_RRU = 0.125 / 1e6           # on-demand, per read request unit (4 KB strong, 8 KB eventual)
DDB_GB_MONTH = 0.25
LOGS_GB = 0.50                  # CloudWatch Logs ingestion
ALARM = 0.10                    # standard-resolution alarm, per month

TICKS = 30 * 24 * 12            # a 5-minute schedule for 30 days

# Measured by bin/simulate-scale --feeds 1000 (100 feeds per message, BatchSize 10, so up to 1,000 per invocation)
WORKER_INVOCATION_S = 4.3       # one invocation of ~1,000 feeds, most 304, 4 % answering in 3 s: the slowest sets it
WORKER_CHANGED_S = 0.014        # more per changed feed (parse, detect, UpdateItem): first tick 18.2 s for 1,000
WORKER_GB = 1.0
FEEDS_PER_INVOCATION = 1000
SCHEDULER_S_PER_FEED = 0.002    # Scan + sends on moto: 0.5-3.1 s per tick for 1,000 feeds
SCHEDULER_GB = 0.5
FEED_ITEM_KB = 0.6              # URL, validators, body hash, 64 recent item hashes (7 bytes each), schedule
MESSAGE_KB_PER_FEED = 1.1       # the feed's state as JSON in the work message
IDLE_POLLS = 5 * 3 * 60 * 24 * 30  # one event source mapping: 5 pollers, a 20 s long poll each, all month
LOG_KB = 0.7                    # START/END/REPORT lines + one summary line per invocation
ALARMS = 3                      # the fan-out's own: two dead-letter queues, worker errors

SCENARIOS = [
    # name, share of feeds due per tick, share of polls that find a changed body, share that fail
    ("A. worst case: every feed every 5 minutes", 1.0, 0.02, 0.005),
    # 10 % publish every 10 min (polled every 5), 30 % hourly (every 30 min), 60 % twice a day (every 6 h)
    ("B. adaptive, busy news mix", 0.10 + 0.30 / 6 + 0.60 / 72, 0.5, 0.005),
    # the simulation's mix once intervals settle: 7 % publish every ~20 min (polled every 10), the rest daily
    ("C. adaptive, the simulation's mix", 0.07 / 2 + 0.93 / 288, 0.5, 0.01),
]


def month(n, due, changed_share, failed_share):
    polls = n * due * TICKS
    changed = polls * changed_share
    per_tick = n * due
    invocations = TICKS * max(1, -(-per_tick // FEEDS_PER_INVOCATION))
    c = {}
    worker_gbs = invocations * WORKER_INVOCATION_S * WORKER_GB + changed * WORKER_CHANGED_S * WORKER_GB
    scheduler_gbs = TICKS * max(0.3, n * SCHEDULER_S_PER_FEED) * SCHEDULER_GB
    c["Lambda compute (arm64)"] = (worker_gbs + scheduler_gbs) * LAMBDA_GBS_ARM
    c["Lambda requests"] = (TICKS + invocations) * LAMBDA_REQ
    work_requests = polls * MESSAGE_KB_PER_FEED / 64 + 2 * invocations  # sends by 64 KB; receive + delete batch
    c["SQS"] = (work_requests + IDLE_POLLS) * SQS_STD + (IDLE_POLLS + 10_000) * SQS_FIFO
    c["DynamoDB reads (Scan per tick)"] = TICKS * n * FEED_ITEM_KB / 8 * DDB_RRU
    c["DynamoDB writes"] = (changed + polls * failed_share) * DDB_WRU
    c["DynamoDB storage"] = n * FEED_ITEM_KB / 1e6 * DDB_GB_MONTH
    c["CloudWatch Logs"] = (TICKS + invocations) * LOG_KB / 1e6 * LOGS_GB
    c["CloudWatch alarms"] = ALARMS * ALARM
    return polls, c


for name, due, changed, failed in SCENARIOS:
    rows = {n: month(n, due, changed, failed) for n in (100, 1000, 10000)}
    print(f"\n#### {name}\n")
    print("| per month | " + " | ".join(f"{n:,} feeds" for n in rows) + " |")
    print("| --- | " + " | ".join("---:" for _ in rows) + " |")
    print("| polls | " + " | ".join(f"{p / 1e6:.2f} M" for p, _ in rows.values()) + " |")
    for item in next(iter(rows.values()))[1]:
        print(f"| {item} | " + " | ".join(f"${c[item]:.2f}" for _, c in rows.values()) + " |")
    print("| **total** | " + " | ".join(f"**${sum(c.values()):.2f}**" for _, c in rows.values()) + " |")
