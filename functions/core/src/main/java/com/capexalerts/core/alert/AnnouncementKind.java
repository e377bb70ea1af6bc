package com.capexalerts.core.alert;

import java.util.Locale;

/** An event is either a new commitment or a raise of an earlier one. */
public enum AnnouncementKind {
  ANNOUNCEMENT,
  UPDATE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AnnouncementKind fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
