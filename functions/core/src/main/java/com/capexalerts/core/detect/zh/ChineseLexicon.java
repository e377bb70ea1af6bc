package com.capexalerts.core.detect.zh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Chinese cue words of the detector, loaded from {@code lexicon.txt} beside this class (one term per line under
 * a [section]). A sentence is scanned once: every term found, longest first at each position, with the sections
 * it belongs to. Immutable and thread-safe.
 */
final class ChineseLexicon {
  /** The sections of the data file. */
  enum Cue {
    INVEST, ACQUIRE, PURCHASE, DROP, ROUND, ANALYST, DATED, PROGRESS, COMPARE, RESULTS, FUTURE, AGGREGATE,
    RESPECTIVELY, PART, AI, PRONOUN, NEUTRAL, POOLED
  }

  /** A term found in a sentence. */
  record Hit(int start, int end, String term, long cues) {
    boolean is(Cue c) {
      return (cues & (1L << c.ordinal())) != 0;
    }
  }

  private record Term(String text, long cues) {}

  private static final String RESOURCE = "lexicon.txt";

  private final Map<Character, Term[]> byFirst;

  private ChineseLexicon(Map<Character, Term[]> byFirst) {
    this.byFirst = byFirst;
  }

  private static final class Holder {
    static final ChineseLexicon DEFAULT = load();
  }

  static ChineseLexicon defaults() {
    return Holder.DEFAULT;
  }

  private static ChineseLexicon load() {
    Map<String, Long> terms = new HashMap<>();
    try (InputStream in = ChineseLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ChineseLexicon.class.getName());
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Cue section = null;
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (t.startsWith("[") && t.endsWith("]")) {
          try {
            section = Cue.valueOf(t.substring(1, t.length() - 1).toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ":" + no + ": unknown section " + t, e);
          }
          continue;
        }
        if (section == null) {
          throw new IllegalStateException(RESOURCE + ":" + no + ": term before any [section]");
        }
        terms.merge(t, 1L << section.ordinal(), (a, b) -> a | b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Map<Character, List<Term>> index = new HashMap<>();
    terms.forEach((t, c) -> index.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(new Term(t, c)));
    Map<Character, Term[]> byFirst = new HashMap<>();
    index.forEach(
        (ch, list) -> {
          list.sort(Comparator.comparingInt((Term x) -> x.text().length()).reversed());
          byFirst.put(ch, list.toArray(Term[]::new));
        });
    return new ChineseLexicon(byFirst);
  }

  /**
   * Every term in {@code s}, in text order, the longest at each position; a shorter term starting inside a longer
   * one is not reported ("资本开支" is not also "开支"). Latin terms ("AI", "GPU") match on word boundaries.
   */
  List<Hit> scan(String s) {
    List<Hit> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      Term[] candidates = byFirst.get(s.charAt(i));
      Term found = null;
      if (candidates != null) {
        for (Term t : candidates) {
          if (s.startsWith(t.text, i) && latinBoundaries(s, i, i + t.text.length())) {
            found = t;
            break;
          }
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      out.add(new Hit(i, i + found.text.length(), found.text, found.cues));
      i += found.text.length();
    }
    return out;
  }

  private static boolean latinBoundaries(String s, int from, int to) {
    char first = s.charAt(from);
    if (!isLatin(first)) {
      return true;
    }
    return (from == 0 || !isLatin(s.charAt(from - 1))) && (to >= s.length() || !isLatin(s.charAt(to)));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Sections of one term, for tests. */
  EnumMap<Cue, Boolean> sectionsOf(String term) {
    EnumMap<Cue, Boolean> out = new EnumMap<>(Cue.class);
    Term[] candidates = byFirst.get(term.charAt(0));
    if (candidates != null) {
      for (Term t : candidates) {
        if (t.text.equals(term)) {
          for (Cue c : Cue.values()) {
            if ((t.cues & (1L << c.ordinal())) != 0) {
              out.put(c, true);
            }
          }
        }
      }
    }
    return out;
  }
}
