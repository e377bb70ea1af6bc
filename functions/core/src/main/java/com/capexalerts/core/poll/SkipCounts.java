package com.capexalerts.core.poll;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why the items of one poll raised no alert, one reason per item (the first that applies, in this order).
 *
 * @param seen           examined by an earlier poll
 * @param tooOld         published before the max age; not marked seen, so a longer max age examines them again
 * @param knownEvent     carried an event already stored: added to it as a source
 * @param belowThreshold an announcement under the global or company threshold
 * @param mention        only earlier commitments cited as context
 * @param noFinding      no commitment of a watched company at all
 */
public record SkipCounts(int seen, int tooOld, int knownEvent, int belowThreshold, int mention, int noFinding) {
  public static final SkipCounts NONE = new SkipCounts(0, 0, 0, 0, 0, 0);

  public int total() {
    return seen + tooOld + knownEvent + belowThreshold + mention + noFinding;
  }

  /** The counts by wire name ("seen", "too-old", ...), in the order above. */
  public Map<String, Integer> byReason() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("seen", seen);
    m.put("too-old", tooOld);
    m.put("known-event", knownEvent);
    m.put("below-threshold", belowThreshold);
    m.put("mention", mention);
    m.put("no-finding", noFinding);
    return m;
  }

  SkipCounts plus(SkipCounts o) {
    return new SkipCounts(seen + o.seen, tooOld + o.tooOld, knownEvent + o.knownEvent,
        belowThreshold + o.belowThreshold, mention + o.mention, noFinding + o.noFinding);
  }
}
