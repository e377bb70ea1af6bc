package com.capexalerts.core.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cue words the detector reasons with, as bit flags on tokens. Each phrase gets the flags of its lines; at
 * each token only the longest phrase that matches counts, and the tokens it covers get no flags of their own
 * ("buy back" is a buyback, not a purchase; "government spending" is not company spending).
 *
 * <p>Phrase syntax: words separated by spaces; {@code *} is any one word; {@code <month>} a month name written
 * with a capital; {@code <year>} a four-digit year. A line with the flag NONE only shields its phrase.
 */
final class Cue {
  private Cue() {}

  /** Money put into something: invest, spend, capex, pledge, build, stake, data center ... */
  static final int INVEST = 1 << 0;
  /** Buying a business or goods: counts as investment only when the sentence itself is about AI. */
  static final int ACQUIRE = 1 << 1;
  /** Money that is not a commitment (revenue, valuation, fine, buyback, grant, debt ...), either side. */
  static final int DROP = 1 << 2;
  /** Same, but only when written before the amount ("shares fell ... to $130", "market worth $X"). */
  static final int DROP_LEFT = 1 << 3;
  /** "raised $6 billion": a fund-raise when right before the amount, else possibly a raised forecast. */
  static final int FUNDRAISE = 1 << 4;
  /** Points to an earlier time: last year, in January, previously, had pledged, already. */
  static final int PAST = 1 << 5;
  /** Reaffirms an existing plan: reiterated, remains on track, still expects. */
  static final int REAFFIRM = 1 << 6;
  /** Frames a company as a comparison: rivals such as, following, joins, like, than. */
  static final int COMPARE = 1 << 7;
  /** "after X": comparison framing in a body sentence, but news in a headline. */
  static final int COMPARE_BODY = 1 << 8;
  /** raised / lifted / boosted ... (a plan). */
  static final int RAISE_VERB = 1 << 9;
  /** forecast, guidance, outlook, plan, budget, target: what a raise applies to. */
  static final int PLAN_NOUN = 1 << 10;
  /** Unmistakably about AI: AI, data centres, GPUs, chips, compute, model training ... */
  static final int SCOPE = 1 << 11;
  /** Often about AI: cloud, servers, infrastructure. */
  static final int SCOPE_WEAK = 1 << 12;
  /** Plainly not AI: video games, real estate, sports, warehouses, EV batteries ... */
  static final int NON_AI = 1 << 13;
  /** Someone else's estimate: analysts, consensus, according to estimates, is expected to. */
  static final int ANALYST = 1 << 14;
  /** Not committed: in talks, considering, could, may, denies; or no longer: paused, cancelled, scaled back. */
  static final int TENTATIVE = 1 << 15;
  /** No longer going ahead as announced: stalls, on hold, not definitive; on either side of the amount. */
  static final int STALLED = 1 << 22;
  /** Looks forward: will, plans, expects, forecast, next. */
  static final int FORWARD = 1 << 16;
  /** A reporting period: quarter, three months. */
  static final int RESULTS = 1 << 17;
  /** Refers back to a company: it, its, the company, the tech giant, we. */
  static final int ANAPHOR = 1 << 19;
  /** An earlier time, but only before the amount: "in January" ("fiscal year ending in June" is not past). */
  static final int PAST_LEFT = 1 << 30;
  /** Refers back to several companies: they, their, the partners. */
  static final int PLURAL_ANAPHOR = 1 << 29;
  /** "has invested $8 billion": a running total, so past unless the amount is an increment ("a further"). */
  static final int PERFECT = 1 << 27;
  /** A contract or deal: a commitment of the buyer when it buys compute or chips. */
  static final int DEAL = 1 << 28;
  /** Several companies' figures added up: combined, collectively. */
  static final int AGGREGATE = 1 << 20;
  /** Compares with estimates rather than quoting them: than, beat, above, ahead of. */
  static final int NEGATES_ESTIMATE = 1 << 21;
  /** Several companies' money pooled: tech pledges, Big Tech, the hyperscalers, sector-wide. */
  static final int POOLED = 1 << 23;

  /** The cue phrases, kept as data in {@code lexicon/cues.txt}. */
  private static final String SPEC = Lexicon.text("cues");

  private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("INVEST", INVEST);
    NAMES.put("ACQUIRE", ACQUIRE);
    NAMES.put("DROP", DROP);
    NAMES.put("DROP_LEFT", DROP_LEFT);
    NAMES.put("FUNDRAISE", FUNDRAISE);
    NAMES.put("PAST", PAST);
    NAMES.put("REAFFIRM", REAFFIRM);
    NAMES.put("COMPARE", COMPARE);
    NAMES.put("COMPARE_BODY", COMPARE_BODY);
    NAMES.put("RAISE_VERB", RAISE_VERB);
    NAMES.put("PLAN_NOUN", PLAN_NOUN);
    NAMES.put("SCOPE", SCOPE);
    NAMES.put("SCOPE_WEAK", SCOPE_WEAK);
    NAMES.put("NON_AI", NON_AI);
    NAMES.put("ANALYST", ANALYST);
    NAMES.put("TENTATIVE", TENTATIVE);
    NAMES.put("FORWARD", FORWARD);
    NAMES.put("STALLED", STALLED);
    NAMES.put("RESULTS", RESULTS);
    NAMES.put("ANAPHOR", ANAPHOR);
    NAMES.put("AGGREGATE", AGGREGATE);
    NAMES.put("NEGATES_ESTIMATE", NEGATES_ESTIMATE);
    NAMES.put("PAST_LEFT", PAST_LEFT);
    NAMES.put("PLURAL_ANAPHOR", PLURAL_ANAPHOR);
    NAMES.put("DEAL", DEAL);
    NAMES.put("PERFECT", PERFECT);
    NAMES.put("POOLED", POOLED);
    NAMES.put("NONE", 0);
  }

  private record Phrase(String[] words, int flags) {}

  private static final Set<String> MONTHS =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec");

  /** Function words a wildcard never stands for ("the need for giant projects" is no "the * * giant"). */
  private static final Set<String> NOT_WILD =
      Set.of(
          "for", "of", "in", "to", "on", "at", "with", "by", "and", "or", "the", "a", "an", "its", "their", "is",
          "was", "are", "were", "has", "have", "had", "will", "would", "that", "which", "who", "need", "from",
          "as", "than", "said", "says", "it", "this", "these", "those", "such");

  /** Phrases by their first word, longest first. */
  private static final Map<String, Phrase[]> INDEX = buildIndex();

  private static Map<String, Phrase[]> buildIndex() {
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (String rawLine : SPEC.strip().split("\n")) {
      String line = rawLine.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      int flags = 0;
      for (String name : line.substring(0, colon).split("\\+")) {
        Integer f = NAMES.get(name.strip());
        if (f == null) {
          throw new IllegalStateException("unknown cue flag " + name);
        }
        flags |= f;
      }
      for (String phrase : line.substring(colon + 1).split("\\|")) {
        String p = phrase.strip().replaceAll("\\s+", " ");
        if (!p.isEmpty()) {
          merged.merge(p, flags, (a, b) -> a | b);
        }
      }
    }
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    merged.forEach(
        (p, f) -> {
          String[] words = p.split(" ");
          if (words[0].startsWith("<") || words[0].equals("*")) {
            throw new IllegalStateException("a phrase must start with a word: " + p);
          }
          byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, f));
        });
    Map<String, Phrase[]> index = new HashMap<>();
    byFirst.forEach(
        (w, list) -> {
          list.sort((a, b) -> Integer.compare(b.words.length, a.words.length));
          index.put(w, list.toArray(Phrase[]::new));
        });
    return index;
  }

  /** Sets {@link Token#flags} and {@link Token#phraseEnd} on every word token of a sentence. */
  static void annotate(Token[] tokens) {
    int coveredUntil = 0;
    for (int i = 0; i < tokens.length; i++) {
      Token t = tokens[i];
      t.phraseEnd = i + 1;
      if (!t.isWord() || i < coveredUntil) {
        continue;
      }
      Phrase[] candidates = INDEX.get(t.norm);
      int best = -1;
      int flags = 0;
      if (candidates != null) {
        for (Phrase p : candidates) {
          if (best > 0 && p.words.length < best) {
            break;
          }
          if (matches(tokens, i, p.words)) {
            if (best < 0) {
              best = p.words.length;
            }
            flags |= p.flags;
          }
        }
      }
      if (best < 0) {
        flags = hyphenatedFlags(t.norm);
        best = 1;
      }
      if (t.norm.equals("may") && t.upper && i > 0) {
        flags &= ~TENTATIVE; // the month
      }
      t.flags = flags;
      t.phraseEnd = i + best;
      if (best > 1) {
        coveredUntil = i + best;
      }
    }
  }

  /** "AI-related", "data-center-scale": the parts of a hyphenated word carry their scope. */
  private static int hyphenatedFlags(String norm) {
    int dash = norm.indexOf('-');
    if (dash < 0) {
      return 0;
    }
    int flags = 0;
    for (String part : norm.split("-")) {
      Phrase[] ps = INDEX.get(part);
      if (ps != null) {
        for (Phrase p : ps) {
          if (p.words.length == 1) {
            flags |= p.flags & (SCOPE | SCOPE_WEAK | NON_AI | RESULTS);
          }
        }
      }
    }
    return flags;
  }

  private static boolean matches(Token[] tokens, int i, String[] words) {
    if (i + words.length > tokens.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      Token t = tokens[i + k];
      if (!t.isWord()) {
        return false;
      }
      String w = words[k];
      if (k > 0 && tokens[i + k - 1].possessive && !w.equals("*")) {
        return false; // "company's data" is not the phrase "company data"
      }
      boolean ok =
          switch (w) {
            case "*" -> !NOT_WILD.contains(t.norm);
            case "<month>" -> t.upper && MONTHS.contains(stripMid(t.norm));
            case "<year>" -> isYear(t.norm);
            default -> w.equals(t.norm);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String stripMid(String norm) {
    return norm.startsWith("mid-") ? norm.substring(4) : norm;
  }

  /** A month name ("january", "sept"), as a token's lower-case form. */
  static boolean isMonth(String norm) {
    return MONTHS.contains(stripMid(norm));
  }

  static boolean isYear(String norm) {
    if (norm.length() != 4) {
      return false;
    }
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(norm.charAt(k))) {
        return false;
      }
    }
    int y = Integer.parseInt(norm);
    return y >= 1990 && y <= 2100;
  }
}
