package com.capexalerts.core.scale;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The feeds table as the fan-out poller sees it: one item per feed. Kept to three calls so another adapter of the
 * feeds table (the feed list and its enable/disable switch) can implement it too.
 */
public interface PollStateStore {
  /** Every feed in the table (the scheduler's one read per tick). */
  List<PollState> all();

  /** The states of these feeds; a feed never stored is absent from the map. */
  Map<String, PollState> load(Collection<String> feedUrls);

  /** Saves the state; an empty {@link PollState#recentItems()} leaves the stored recent items as they are. */
  void save(PollState state);
}
