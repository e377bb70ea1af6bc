package com.capexalerts.core.ledger;

import java.util.Locale;

/** How a commitment entered the ledger. Only {@link #ALERT} entries have an alerted event behind them. */
public enum CommitmentOrigin {
  /** Loaded from the seed file: the public record before this deployment started. */
  SEED,
  /** An announcement that alerted: the entry's key is the event key. */
  ALERT,
  /** Read as background (a mention) in some item: known, never alerted. */
  MENTION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CommitmentOrigin fromWire(String s) {
    if (s == null) {
      throw new IllegalArgumentException("missing origin (seed, alert or mention)");
    }
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown origin '" + s + "' (seed, alert or mention)");
    }
  }
}
