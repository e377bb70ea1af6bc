package com.capexalerts.core.detect;

import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.money.MoneySpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a bare "$" means in an item. The press of Australia, Canada, Singapore, New Zealand and Hong Kong writes its
 * own dollar as "$" and the US dollar as "US$"; everyone else's "$" is the US dollar. A bare "$" is read as the
 * local dollar when
 *
 * <ul>
 *   <li>the headline or lede puts the money in one such country ("Australian data centres", "in Singapore"),
 *   <li>the item does not write that dollar with its own sign anywhere (an item that writes "A$5 billion (US$3.2
 *       billion)" keeps "$" for the US dollar), and
 *   <li>something shows a local voice: the link's country domain (.au, .ca, .sg, .nz, .hk), a place of the country
 *       in the outlet's name, a dateline of the country ("SYDNEY, Oct 23 -"), "US$" written for another figure of
 *       the item, or a head of government named without the country ("Prime Minister Anthony Albanese said", where
 *       foreign outlets write "Australian Prime Minister").
 * </ul>
 *
 * A bare amount followed by its US conversion ("$20 billion (US$13 billion)") becomes one amount with the stated
 * conversion. Decided like a bare ¥ (yen or yuan, see {@link ItemContext}) before the sentences are read.
 */
final class LocalDollar {
  private LocalDollar() {}

  /** The local currency a bare "$" stands for, and the evidence. */
  record Reading(String currency, String reason) {}

  /** Place (as written) to its country's currency, longest first. */
  private static final Map<String, String> PLACES = byWord(Lexicon.words("local-dollar/places"));

  private static final Map<String, String> OUTLET_WORDS = byWord(Lexicon.words("local-dollar/outlet-words"));

  private static final Map<String, String> DOMAINS = byWord(Lexicon.words("local-dollar/domains"));

  /** Words after a place that make it no destination ("Hong Kong-listed shares"). */
  private static final Set<String> NOT_DESTINATION = Set.of("-listed", " shares", " stock", "-based");

  private static Map<String, String> byWord(Set<String> lines) {
    List<String[]> pairs = new ArrayList<>();
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space != 3) {
        throw new IllegalStateException("local-dollar lexicon line must be '<currency> <word>': " + line);
      }
      pairs.add(new String[] {line.substring(space + 1).strip(), line.substring(0, space)});
    }
    pairs.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] p : pairs) {
      out.put(p[0], p[1]);
    }
    return out;
  }

  /**
   * The local reading of a bare "$" in this item, or null when "$" is the US dollar. {@code money} holds all the
   * item's amounts; link and source may be null.
   */
  static Reading read(
      String title, String lede, String text, String link, String source, List<List<MoneySpan>> money) {
    boolean anyBare = false;
    for (List<MoneySpan> list : money) {
      for (MoneySpan s : list) {
        anyBare |= bare(s);
      }
    }
    if (!anyBare) {
      return null;
    }
    String headline = withoutOutlet(title, source);
    String[] dest = destination(headline + " \n " + lede);
    if (dest == null) {
      return null;
    }
    String currency = dest[0];
    boolean usMarked = false;
    for (List<MoneySpan> list : money) {
      for (MoneySpan s : list) {
        if (s.amount().currency().equals(currency)) {
          return null; // the item writes its local dollar with its own sign: "$" is the US dollar
        }
        usMarked |= usMarked(s);
      }
    }
    String voice = localVoice(currency, text, link, source, usMarked, title + " \n " + text);
    if (voice == null) {
      return null;
    }
    return new Reading(currency, "bare '$' read as " + currency + ": the headline or lede names '" + dest[1]
        + "' and " + voice);
  }

  /** The amounts with each bare "$" read as the currency, folding a stated US conversion right after it. */
  static List<MoneySpan> apply(List<MoneySpan> spans, String text, String currency) {
    if (spans.isEmpty()) {
      return spans;
    }
    List<MoneySpan> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      MoneySpan s = spans.get(i);
      if (!bare(s)) {
        out.add(s);
        continue;
      }
      MoneySpan next = i + 1 < spans.size() ? spans.get(i + 1) : null;
      MoneyAmount local = new MoneyAmount(s.amount().value(), currency, s.amount().text());
      if (next != null && usMarked(next) && conversionBetween(text, s.end(), next.start())) {
        out.add(new MoneySpan(local, s.start(), next.end(), next.amount().value(), s.range(), false));
        i++;
      } else {
        out.add(new MoneySpan(local, s.start(), s.end(), null, s.range(), false));
      }
    }
    return out;
  }

  /** "$20 billion": a US-dollar amount written with a bare sign and no stated conversion. */
  static boolean bare(MoneySpan s) {
    if (!s.amount().currency().equals("USD") || s.statedUsd() != null) {
      return false;
    }
    String w = s.amount().text();
    int d = w.indexOf('$');
    if (d < 0) {
      return false; // "20 billion dollars"
    }
    char before = d == 0 ? ' ' : w.charAt(d - 1);
    return !Character.isLetter(before) && before != '.' && !w.startsWith("US", d + 1);
  }

  /** "US$10 billion", "USD 10 billion", "10 billion US dollars": the US dollar written as such. */
  private static boolean usMarked(MoneySpan s) {
    return s.amount().currency().equals("USD") && !bare(s) && s.amount().text().contains("US");
  }

  private static boolean conversionBetween(String text, int end, int nextStart) {
    if (nextStart < end || nextStart - end > 12) {
      return false;
    }
    String gap = text.substring(end, nextStart).strip().toLowerCase(Locale.ROOT);
    return gap.equals("(") || gap.equals("(about") || gap.equals("(around") || gap.equals("(roughly")
        || gap.equals("(approximately") || gap.equals("(some") || gap.equals("(nearly");
  }

  /** The headline without a trailing "- Outlet" (Google News style), whose name says nothing of the money. */
  private static String withoutOutlet(String title, String source) {
    if (source != null && !source.isBlank()) {
      String suffix = " - " + source.strip();
      if (title.endsWith(suffix)) {
        return title.substring(0, title.length() - suffix.length());
      }
    }
    return title;
  }

  /**
   * The one local-dollar country whose places the words name, as {currency, place}, or null (none, or several).
   * One pass over the capitalised words: this runs for most items with money.
   */
  private static String[] destination(String words) {
    String[] found = null;
    int n = words.length();
    for (int i = 0; i < n; i++) {
      char c = words.charAt(i);
      if (!Character.isUpperCase(c) || i > 0 && Character.isLetterOrDigit(words.charAt(i - 1))) {
        continue;
      }
      List<String> places = BY_FIRST_LETTER.get(c);
      if (places == null) {
        continue;
      }
      for (String place : places) {
        if (words.startsWith(place, i) && whole(words, i, place.length(), true)) {
          String currency = PLACES.get(place);
          if (found != null && !found[0].equals(currency)) {
            return null;
          }
          if (found == null) {
            found = new String[] {currency, place};
          }
          break;
        }
      }
    }
    return found;
  }

  /** The places by their first letter, longest first. */
  private static final Map<Character, List<String>> BY_FIRST_LETTER = byFirstLetter();

  private static Map<Character, List<String>> byFirstLetter() {
    Map<Character, List<String>> out = new java.util.HashMap<>();
    for (String place : PLACES.keySet()) {
      out.computeIfAbsent(place.charAt(0), k -> new ArrayList<>()).add(place);
    }
    return out;
  }

  /** The evidence of a local outlet, or null. */
  private static String localVoice(
      String currency, String text, String link, String source, boolean usMarked, String all) {
    String host = host(link);
    int dot = host.lastIndexOf('.');
    if (dot >= 0 && currency.equals(DOMAINS.get(host.substring(dot + 1)))) {
      return "the link's domain is " + host;
    }
    if (source != null) {
      for (Map<String, String> words : List.of(PLACES, OUTLET_WORDS)) {
        for (Map.Entry<String, String> e : words.entrySet()) {
          if (e.getValue().equals(currency) && found(source, e.getKey(), false)) {
            return "the outlet's name, '" + source + "', places it there";
          }
        }
      }
    }
    for (Map.Entry<String, String> e : PLACES.entrySet()) {
      String city = e.getKey().toUpperCase(Locale.ROOT);
      if (e.getValue().equals(currency) && text.startsWith(city) && text.length() > city.length()
          && !Character.isLetter(text.charAt(city.length()))) {
        return "the dateline is " + city;
      }
    }
    if (usMarked) {
      return "the item writes 'US$' for other figures";
    }
    if (unqualifiedLeader(all)) {
      return "it names the 'Prime Minister' without the country, as the local press does";
    }
    if (currency.equals("CAD") && CANADIAN_STYLE.matcher(all).find()) {
      return "it writes amounts as '$19-billion', the Canadian press style";
    }
    for (Map.Entry<String, String> e : LISTINGS.entrySet()) {
      if (e.getValue().equals(currency) && all.contains(e.getKey())) {
        return "it calls a company '" + e.getKey() + "', as the local press does";
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern CANADIAN_STYLE =
      java.util.regex.Pattern.compile("\\$\\d+(?:\\.\\d+)?-(?:billion|million|trillion)\\b");

  /** "ASX-listed data centre operator": the local exchange named for a local company, where others name the country. */
  private static final Map<String, String> LISTINGS = byWord(Lexicon.words("local-dollar/listings"));

  /** "alongside Prime Minister Anthony Albanese", "The Prime Minister said" (not "Australian Prime Minister"). */
  private static boolean unqualifiedLeader(String all) {
    for (int i = all.indexOf("Prime Minister"); i >= 0; i = all.indexOf("Prime Minister", i + 1)) {
      int e = i;
      while (e > 0 && all.charAt(e - 1) == ' ') {
        e--;
      }
      int b = e;
      while (b > 0 && !Character.isWhitespace(all.charAt(b - 1))) {
        b--;
      }
      String prev = all.substring(b, e);
      boolean qualified = !prev.isEmpty() && Character.isUpperCase(prev.charAt(0)) && !prev.equals("The")
          || prev.endsWith("'s") || prev.endsWith("’s");
      if (!qualified) {
        return true;
      }
    }
    return false;
  }

  private static String host(String link) {
    if (link == null) {
      return "";
    }
    int from = link.indexOf("://");
    from = from < 0 ? 0 : from + 3;
    int to = from;
    while (to < link.length() && link.charAt(to) != '/' && link.charAt(to) != ':' && link.charAt(to) != '?') {
      to++;
    }
    return link.substring(from, to).toLowerCase(Locale.ROOT);
  }

  /** The word as a whole word of s (a destination: not "Hong Kong-listed", not "NZ$"). */
  private static boolean found(String s, String word, boolean destination) {
    for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
      if (whole(s, i, word.length(), destination)) {
        return true;
      }
    }
    return false;
  }

  private static boolean whole(String s, int i, int length, boolean destination) {
    int end = i + length;
    boolean left = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    boolean right = end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '$';
    return left && right && !(destination && followedByAny(s, end));
  }

  private static boolean followedByAny(String s, int end) {
    for (String w : NOT_DESTINATION) {
      if (s.startsWith(w, end)) {
        return true;
      }
    }
    return false;
  }
}
