package com.capexalerts.core.feed;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict reader of feed dates: RFC 822 (also with odd zones such as "+05:30", "GMT+8", "JST", or without seconds),
 * ISO 8601 / W3C-DTF as in dc:date and Atom (also without seconds, or with a space for "T") and "Feb 24, 2025".
 * A date with no zone is read as UTC, so the result never depends on the machine's time zone. Impossible dates
 * (30 February) give empty rather than the rolled-over day that Rome's lenient parser returns.
 */
final class FeedDates {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,30}))?)?)?\\s*(.*)");
  private static final Pattern RFC822 = Pattern.compile(
      "(?:[A-Za-z]{2,9}\\.?,?\\s+)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{4}|\\d{2})"
          + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(.*)");
  /** "Feb 24, 2025 10:00 GMT", as some CMSs write. */
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?:[A-Za-z]{2,9}\\.?,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})"
          + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(.*)");
  private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?");

  private static final Map<String, String> MONTHS = Map.ofEntries(
      Map.entry("jan", "1"), Map.entry("feb", "2"), Map.entry("mar", "3"), Map.entry("apr", "4"),
      Map.entry("may", "5"), Map.entry("jun", "6"), Map.entry("jul", "7"), Map.entry("aug", "8"),
      Map.entry("sep", "9"), Map.entry("oct", "10"), Map.entry("nov", "11"), Map.entry("dec", "12"));

  /** Zone abbreviations seen in feeds. Ambiguous ones take their usual feed meaning: IST India, BST British, CST US. */
  private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
      Map.entry("", 0), Map.entry("Z", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0),
      Map.entry("WET", 0), Map.entry("WEST", 60), Map.entry("BST", 60), Map.entry("CET", 60),
      Map.entry("MET", 60), Map.entry("CEST", 120), Map.entry("MEST", 120), Map.entry("EET", 120),
      Map.entry("EEST", 180), Map.entry("MSK", 180), Map.entry("IST", 330), Map.entry("SGT", 480),
      Map.entry("HKT", 480), Map.entry("AWST", 480), Map.entry("JST", 540), Map.entry("KST", 540),
      Map.entry("ACST", 570), Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("NZST", 720),
      Map.entry("NZDT", 780), Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360),
      Map.entry("CDT", -300), Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480),
      Map.entry("PDT", -420), Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600));

  /** No news feed item is older than this; earlier instants are misreadings (epoch seconds taken for a year). */
  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  /** Clocks and zones drift, a scheduled post may be dated ahead: later than this past the fetch is a misreading. */
  static final Duration AHEAD = Duration.ofDays(2);

  private FeedDates() {}

  /** True when {@code date} can be an item's date read at {@code fetchedAt}: from 1990 to two days after it. */
  static boolean plausible(Instant date, Instant fetchedAt) {
    return !date.isBefore(EARLIEST) && !date.isAfter(fetchedAt.plus(AHEAD));
  }

  /** The instant, or empty when the text is not a date this class reads or names an impossible day or time. */
  static Optional<Instant> parse(String text) {
    return fields(text).flatMap(Fields::instant);
  }

  /**
   * True when the text is a date this class reads, zone included, even if its day or time is impossible: then no
   * other parser should be asked to guess.
   */
  static boolean recognises(String text) {
    return fields(text).isPresent();
  }

  /** A date split into its parts; month already a number, offset known. */
  private record Fields(String year, String month, String day, String hour, String minute, String second,
      String fraction, ZoneOffset offset) {
    Optional<Instant> instant() {
      try {
        // Digits past the ninth are below a nanosecond: dropped, never read as more seconds.
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month),
            Integer.parseInt(day), hour == null ? 0 : Integer.parseInt(hour),
            minute == null ? 0 : Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second), nanos);
        return Optional.of(local.toInstant(offset));
      } catch (DateTimeException e) {
        return Optional.empty(); // e.g. 30 February or hour 25
      }
    }
  }

  private static Optional<Fields> fields(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.strip().replaceAll("\\s+", " ");
    Matcher iso = ISO.matcher(s);
    if (iso.matches()) {
      return offset(iso.group(8)).map(zone -> new Fields(iso.group(1), iso.group(2), iso.group(3), iso.group(4),
          iso.group(5), iso.group(6), iso.group(7), zone));
    }
    Matcher rfc = RFC822.matcher(s);
    if (rfc.matches()) {
      return month(rfc.group(2)).flatMap(mon -> offset(rfc.group(7)).map(zone -> new Fields(
          fullYear(rfc.group(3)), mon, rfc.group(1), rfc.group(4), rfc.group(5), rfc.group(6), null, zone)));
    }
    Matcher us = MONTH_FIRST.matcher(s);
    if (us.matches()) {
      return month(us.group(1)).flatMap(mon -> offset(us.group(7)).map(zone -> new Fields(
          us.group(3), mon, us.group(2), us.group(4), us.group(5), us.group(6), null, zone)));
    }
    return Optional.empty();
  }

  private static Optional<String> month(String name) {
    return Optional.ofNullable(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)));
  }

  private static String fullYear(String year) {
    if (year.length() == 2) {
      int y = Integer.parseInt(year);
      return Integer.toString(y < 50 ? 2000 + y : 1900 + y);
    }
    return year;
  }

  /** "+0530", "+05:30", "-08", "GMT+8", "UTC-05:00", "Z", "EST"; empty when unknown. */
  private static Optional<ZoneOffset> offset(String zone) {
    String z = zone == null ? "" : zone.strip().toUpperCase(Locale.ROOT);
    if (z.startsWith("(") && z.endsWith(")")) {
      z = z.substring(1, z.length() - 1).strip();
    }
    if ((z.startsWith("GMT") || z.startsWith("UTC")) && z.length() > 3) {
      z = z.substring(3).strip();
    }
    Integer named = ZONE_MINUTES.get(z);
    if (named != null) {
      return Optional.of(ZoneOffset.ofTotalSeconds(named * 60));
    }
    Matcher m = NUMERIC_ZONE.matcher(z);
    if (!m.matches()) {
      return Optional.empty();
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (hours > 18 || minutes > 59) {
      return Optional.empty();
    }
    int total = (hours * 60 + minutes) * ("-".equals(m.group(1)) ? -1 : 1);
    return Optional.of(ZoneOffset.ofTotalSeconds(total * 60));
  }
}
