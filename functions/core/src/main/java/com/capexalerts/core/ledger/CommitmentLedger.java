package com.capexalerts.core.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The known commitments of every watched company, of any age. Entries are never removed by the poller; every write
 * is conditional, so retries and concurrent pollers neither duplicate an entry nor count a source twice.
 *
 * <p>The ledger is separate from the stored events: writing to it never triggers a notification.
 */
public interface CommitmentLedger {
  /** Distinct source links counted per entry; later ones are not counted (bounds the stored item). */
  int MAX_SOURCES = 100;

  /** Every entry of {@code company} (exact canonical name), any order. */
  List<Commitment> forCompany(String company);

  /** Creates the entry unless its key exists for that company; false when it existed (nothing changed then). */
  boolean record(Commitment commitment);

  /** Counts one more item carrying the entry, unless {@code sourceToken} was counted already; true when counted. */
  boolean addSource(String company, String key, String sourceToken);

  /** Every entry (CLI list and export; a scan). */
  List<Commitment> all();

  /** The seed this ledger was initialised with ("bundled", "none", a file name), empty when never initialised. */
  Optional<String> seededWith();

  /** Records that the ledger was initialised with {@code seedName}; false when it already was. */
  boolean markSeeded(String seedName);
}
