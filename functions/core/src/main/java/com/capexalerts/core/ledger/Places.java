package com.capexalerts.core.ledger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places a commitment's text names (countries, US states and a few regions and cities that data-centre pledges
 * are made for) and the AI companies it invests in, other than the committing company itself. Two commitments of one company with similar amounts that both name places, none in common, are
 * different pledges (Wisconsin vs Sweden); when either names none, places say nothing.
 */
public final class Places {
  /** Canonical place, then its other spellings. */
  private static final List<List<String>> NAMES = List.of(
      List.of("united states", "u.s.", "us", "usa", "america"), List.of("china", "mainland china"),
      List.of("india"), List.of("japan"), List.of("south korea", "korea"), List.of("taiwan"), List.of("singapore"),
      List.of("malaysia"), List.of("indonesia"), List.of("thailand"), List.of("vietnam"), List.of("philippines"),
      List.of("australia"), List.of("new zealand"), List.of("united kingdom", "uk", "u.k.", "britain", "england",
          "scotland", "wales"), List.of("ireland"), List.of("france"), List.of("germany"), List.of("spain"),
      List.of("portugal"), List.of("italy"), List.of("netherlands"), List.of("belgium"), List.of("switzerland"),
      List.of("austria"), List.of("poland"), List.of("sweden"), List.of("norway"), List.of("denmark"),
      List.of("finland"), List.of("greece"), List.of("turkey"), List.of("saudi arabia", "saudi"),
      List.of("united arab emirates", "uae", "abu dhabi", "dubai"), List.of("qatar"), List.of("kuwait"),
      List.of("israel"), List.of("egypt"), List.of("south africa"), List.of("kenya"), List.of("nigeria"),
      List.of("brazil"), List.of("mexico"), List.of("canada"), List.of("chile"), List.of("argentina"),
      List.of("colombia"), List.of("pakistan"), List.of("bangladesh"), List.of("kazakhstan"), List.of("europe"),
      List.of("africa"), List.of("latin america"), List.of("middle east"), List.of("hong kong"),
      List.of("alabama"), List.of("arizona"), List.of("arkansas"), List.of("california"), List.of("colorado"),
      List.of("georgia"), List.of("idaho"), List.of("illinois"), List.of("indiana"), List.of("iowa"),
      List.of("kansas"), List.of("kentucky"), List.of("louisiana"), List.of("maryland"), List.of("massachusetts"),
      List.of("michigan"), List.of("minnesota"), List.of("mississippi"), List.of("missouri"), List.of("nebraska"),
      List.of("nevada"), List.of("new jersey"), List.of("new mexico"), List.of("new york"),
      List.of("north carolina"), List.of("north dakota"), List.of("ohio"), List.of("oklahoma"), List.of("oregon"),
      List.of("pennsylvania"), List.of("south carolina"), List.of("tennessee"), List.of("texas"), List.of("utah"),
      List.of("virginia"), List.of("washington state"), List.of("wisconsin"), List.of("wyoming"),
      List.of("memphis"), List.of("abilene"),
      // Investees: a stake in Anthropic and a data centre in France are different pledges.
      List.of("openai"), List.of("anthropic"), List.of("xai"), List.of("intel"), List.of("nokia"), List.of("g42"),
      List.of("scale ai"), List.of("mistral"), List.of("coreweave"), List.of("ampere"), List.of("iren"),
      List.of("nebius"), List.of("crusoe"), List.of("fluidstack"), List.of("cerebras"), List.of("groq"),
      List.of("broadcom"), List.of("amd"), List.of("humain"), List.of("jony ive"), List.of("wiz"));
  /** US states and cities: a pledge for Texas is also a pledge in the United States. */
  private static final Set<String> IN_US = Set.of("alabama", "arizona", "arkansas", "california", "colorado",
      "georgia", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maryland",
      "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "nebraska", "nevada", "new jersey",
      "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
      "south carolina", "tennessee", "texas", "utah", "virginia", "washington state", "wisconsin", "wyoming",
      "memphis", "abilene");
  /** The cities above and their states. */
  private static final java.util.Map<String, String> CITY_STATE = java.util.Map.of("memphis", "tennessee", "abilene", "texas");
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?i)(?:-based|-listed|\\s+(?:newspaper|daily|paper|media|outlet|broadcaster|news agency|stock exchange|dollars?|treasur(?:y|ies)))\\b");
  private static final Pattern ANY;

  static {
    StringBuilder alternatives = new StringBuilder();
    NAMES.stream().flatMap(List::stream).sorted((a, b) -> b.length() - a.length()).forEach(n -> {
      if (!alternatives.isEmpty()) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(n));
    });
    // "US" only in capitals (the word "us" is no place); every other name in any case.
    // "US$17.5 billion" is a currency, no place
    ANY = Pattern.compile("(?<![\\p{L}\\p{N}.])(" + alternatives + ")(?![\\p{L}\\p{N}$])", Pattern.CASE_INSENSITIVE);
  }

  private Places() {}

  /** As {@link #in(String)}, without the committing company's own name. */
  public static Set<String> in(String text, String company) {
    Set<String> found = in(text);
    found.remove(company.toLowerCase(Locale.ROOT));
    return found;
  }

  /** Canonical names of the places {@code text} names, in order of first appearance. */
  public static Set<String> in(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text == null) {
      return found;
    }
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      String hit = m.group(1);
      String lower = hit.toLowerCase(Locale.ROOT);
      if (ATTRIBUTION.matcher(text).region(m.end(), text.length()).lookingAt()) {
        continue; // "a Hong Kong newspaper", "Hong Kong-listed": where a source or a listing is, not the money
      }
      if ((lower.equals("us") && !hit.equals("US")) || (lower.equals("georgia") && text.contains("Georgia Tech"))) {
        continue;
      }
      for (List<String> names : NAMES) {
        if (names.contains(lower)) {
          found.add(names.getFirst());
          String state = CITY_STATE.get(names.getFirst());
          if (state != null) {
            found.add(state); // "a first campus in Abilene" is a Texas pledge too
          }
          break;
        }
      }
    }
    return found;
  }

  /** Both name places and share none; a US state shares the United States with a nationwide pledge. */
  public static boolean disjoint(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains)) {
      return false;
    }
    boolean usA = a.contains("united states") || a.stream().anyMatch(IN_US::contains);
    boolean usB = b.contains("united states") || b.stream().anyMatch(IN_US::contains);
    return !((a.contains("united states") && usB) || (b.contains("united states") && usA));
  }
}
