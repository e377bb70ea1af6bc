package com.capexalerts.core.detect;

import java.util.Locale;

/** What a money figure tied to a watched company means in its item. */
public enum FindingKind {
  /** The company itself commits money to AI now (or raises an earlier figure). */
  ANNOUNCEMENT,
  /** An earlier commitment cited as context in an item about something else. */
  MENTION;

  /** The lower-case name used in JSON output. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
