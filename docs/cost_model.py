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
WORKER_INVOCATION_S = 4.3       # per invocation: an invocation of up to 1,000 feeds lasts as long as its slowest (3 s)
FEEDS_PER_INVOCATION = 1000
WORKER_S_PER_POLL = 0.010       # per poll: 7.0-12.2 s of worker time per ~980 polls (ticks 1-3, 6), linear in polls
WORKER_CHANGED_S = 0.021        # more per changed feed (parse, detect, UpdateItem): first ticks, median of three runs
WORKER_GB = 1.0
SCHEDULER_S_PER_FEED = 0.0013   # Scan + sends on moto: 0.7-2.0 s per tick for 1,000 feeds
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


def month(n, due, changed_share, failed_share, upper):
    polls = n * due * TICKS
    changed = polls * changed_share
    per_tick = n * due
    invocations = TICKS * max(1, -(-per_tick // FEEDS_PER_INVOCATION))
    c = {}
    waiting = polls * WORKER_S_PER_POLL if upper else invocations * WORKER_INVOCATION_S
    worker_gbs = (waiting + changed * WORKER_CHANGED_S) * WORKER_GB
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


def cell(a, b):
    """The range between the two ways of scaling the measured worker time (per invocation, per poll)."""
    lo, hi = sorted((a, b))
    return f"${lo:.2f}" if hi - lo < 0.005 else f"${lo:.2f}-{hi:.2f}"


for name, due, changed, failed in SCENARIOS:
    ns = (100, 1000, 10000)
    lows = {n: month(n, due, changed, failed, False) for n in ns}
    highs = {n: month(n, due, changed, failed, True) for n in ns}
    print(f"\n#### {name}\n")
    print("| per month | " + " | ".join(f"{n:,} feeds" for n in ns) + " |")
    print("| --- | " + " | ".join("---:" for _ in ns) + " |")
    print("| polls | " + " | ".join(f"{lows[n][0] / 1e6:.2f} M" for n in ns) + " |")
    for item in lows[ns[0]][1]:
        print(f"| {item} | " + " | ".join(cell(lows[n][1][item], highs[n][1][item]) for n in ns) + " |")
    print("| **total** | " + " | ".join(
        f"**{cell(sum(lows[n][1].values()), sum(highs[n][1].values()))}**" for n in ns) + " |")
