package com.capexalerts.core.poll;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Items already processed, so re-polls skip them. Records expire (TTL) to bound the table. */
public interface SeenItemStore {
  /** The subset of {@code itemKeys} already recorded. */
  Set<String> alreadySeen(Collection<String> itemKeys);

  /** Records the items as processed until {@code expiresAt}. Idempotent. */
  void markSeen(Collection<String> itemKeys, Instant expiresAt);
}
