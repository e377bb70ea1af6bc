#!/usr/bin/env python3
"""Monthly cost of fan-out polling (docs/costs.md). Inputs: measured per-poll figures from bin/simulate-scale and
us-east-1 list prices. Usage: python3 docs/cost_model.py [WORKER_GBS_PER_POLL] [SCHEDULER_GBS_PER_FEED_TICK]"""
import sys

# us-east-1 list prices (USD), as of 2025 (see docs/costs.md); free tiers ignored.
LAMBDA_GBS_ARM = 0.0000133334
LAMBDA_REQ = 0.20 / 1e6
SQS_STD = 0.40 / 1e6
SQS_FIFO = 0.50 / 1e6
DDB_WRU = 0.625 / 1e6
DDB_RRU = 0.125 / 1e6
DDB_STORAGE_GB = 0.25
LOGS_GB = 0.50
ALARM = 0.10

TICKS = 30 * 24 * 12          # 5-minute schedule, 30 days
FEED_ITEM_KB = 1.2            # a feed's item: URL, validators, body hash, 64 recent item hashes, schedule
MSG_FEEDS = 25                # feeds per work message
BATCH_MSGS = 10               # messages per worker invocation (BatchSize)
IDLE_ESM_POLLS = 2 * 5 * 3 * 60 * 24 * 30  # two queues x 5 pollers x 3 long polls (20 s) a minute
LOG_KB_PER_INVOCATION = 0.7   # START/END/REPORT + one summary line
ALARMS = 3                    # the fan-out's own alarms

worker_gbs = float(sys.argv[1]) if len(sys.argv) > 1 else 0.020
sched_gbs_per_feed = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0015

SCENARIOS = {
    # every feed every tick; 2 % of polls find a change
    "every feed every 5 min": (1.0, 0.02),
    # adaptive: 10 % publish every 10 min (polled every 5), 30 % hourly (every 30 min), 60 % twice a day (every 6 h)
    # and half of the polls find a change
    "adaptive, busy news mix": (0.10 + 0.30 / 6 + 0.60 / 72, 0.5),
}


def month(n, due_share, changed_share):
    polls = n * due_share * TICKS
    changed = polls * changed_share
    failed = polls * 0.03
    worker_invocations = TICKS * max(1.0, n * due_share / (MSG_FEEDS * BATCH_MSGS))
    messages = polls / MSG_FEEDS
    c = {}
    c["Lambda GB-s"] = (polls * worker_gbs + TICKS * n * sched_gbs_per_feed) * LAMBDA_GBS_ARM
    c["Lambda requests"] = (TICKS + worker_invocations) * LAMBDA_REQ
    # scheduler: SendMessageBatch (1 request per 64 KB: a message is ~25 KB); ESM: receive + delete per batch; idle
    sqs_std = messages * (25 / 64) + 2 * worker_invocations + IDLE_ESM_POLLS / 2
    sqs_fifo = IDLE_ESM_POLLS / 2 + 3 * 1000  # decisions: a few thousand items with findings a month
    c["SQS"] = sqs_std * SQS_STD + sqs_fifo * SQS_FIFO
    scan_rru = n * FEED_ITEM_KB / 4 * 0.5 * TICKS        # eventually consistent Scan, every tick
    writes = (changed + failed) * 2                      # UpdateItem of a ~1.2 KB item: 2 WRU
    c["DynamoDB reads"] = scan_rru * DDB_RRU
    c["DynamoDB writes"] = writes * DDB_WRU
    c["DynamoDB storage"] = n * FEED_ITEM_KB / 1e6 * DDB_STORAGE_GB
    c["CloudWatch logs"] = (TICKS + worker_invocations) * LOG_KB_PER_INVOCATION / 1e6 * LOGS_GB
    c["CloudWatch alarms"] = ALARMS * ALARM
    c["SNS (alerts)"] = 0.01
    return polls, c


for name, (due, changed) in SCENARIOS.items():
    print(f"\n### {name} (worker {worker_gbs} GB-s/poll, scheduler {sched_gbs_per_feed} GB-s per feed and tick)\n")
    rows = {n: month(n, due, changed) for n in (100, 1000, 10000)}
    print("| per month | " + " | ".join(f"{n:,} feeds" for n in rows) + " |")
    print("| --- | " + " | ".join("---:" for _ in rows) + " |")
    print("| polls | " + " | ".join(f"{p/1e6:.2f} M" for p, _ in rows.values()) + " |")
    for item in next(iter(rows.values()))[1]:
        print(f"| {item} | " + " | ".join(f"${c[item]:.2f}" for _, c in rows.values()) + " |")
    print("| **total** | " + " | ".join(f"**${sum(c.values()):.2f}**" for _, c in rows.values()) + " |")
