package com.capexalerts.core.poll;

import com.capexalerts.core.detect.FindingKind;
import java.math.BigDecimal;

/**
 * What the poller decided for one finding, for {@code run --explain}: the threshold and ledger decision in one line.
 *
 * @param feedUrl   the feed the item came from
 * @param itemId    the item's id
 * @param company   the finding's company
 * @param kind      announcement or mention, as the detector read it
 * @param amountUsd the finding's USD amount
 * @param decision  e.g. "known commitment microsoft-2025-01-03-80b (seed): source added", "below threshold $1B",
 *                  "new event alibaba-2025-02-24-53b: alert", "update of meta-2025-01-24-65b: alert",
 *                  "mention recorded as known commitment meta-2025-04-30-72b"
 */
public record FindingOutcome(String feedUrl, String itemId, String company, FindingKind kind, BigDecimal amountUsd,
    String decision) {}
