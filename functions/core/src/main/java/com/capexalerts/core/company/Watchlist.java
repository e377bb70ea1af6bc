package com.capexalerts.core.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The companies to watch and a fast matcher for their names. Aliases match case-sensitively on word boundaries
 * ("Meta" but not "Metaverse" or "meta-analysis"; "Apple" but not "Applebee's"), longest alias first, and not
 * inside a phrase listed in {@link Company#notWhen()} ("Amazon rainforest"). Immutable and thread-safe.
 *
 * <p>The matcher indexes aliases by their first character, so a text is scanned once and only word starts
 * with a candidate first letter are compared.
 */
public final class Watchlist {
  private static final String DEFAULT_RESOURCE = "/com/capexalerts/core/watchlist.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Exclusion(String phrase, int aliasOffset) {}

  /**
   * An alias and the phrases around it that rule it out, or (when {@code requirements} is not empty) the phrases
   * it must be written in.
   */
  private record Alias(String text, Company company, List<Exclusion> exclusions, List<Exclusion> requirements) {
    boolean cjk() {
      return isCjk(text.charAt(0));
    }
  }

  private final List<Company> companies;
  private final Map<String, Company> byName;
  /** Aliases by first character (ASCII), longest first. */
  private final Alias[][] asciiIndex = new Alias[128][];

  private final Map<Character, Alias[]> otherIndex = new HashMap<>();
  /** All aliases by their upper-cased first character, longest first: for all-caps headlines. */
  private final Map<Character, Alias[]> caselessIndex = new HashMap<>();

  private static final Comparator<Alias> LONGEST_FIRST =
      Comparator.comparingInt((Alias x) -> x.text().length()).reversed();

  private static char upperFirst(Alias a) {
    return Character.toUpperCase(a.text().charAt(0));
  }

  private Watchlist(List<Company> companies) {
    if (companies.isEmpty()) {
      throw new IllegalArgumentException("a watchlist needs at least one company");
    }
    this.companies = List.copyOf(companies);
    Map<String, Company> names = new LinkedHashMap<>();
    Map<String, Company> seenAliases = new HashMap<>();
    Map<Character, List<Alias>> index = new HashMap<>();
    for (Company c : companies) {
      if (names.put(c.name(), c) != null) {
        throw new IllegalArgumentException("company " + c.name() + " is listed twice");
      }
      for (String a : c.aliases()) {
        if (a.isBlank()) {
          throw new IllegalArgumentException("company " + c.name() + " has a blank alias");
        }
        Company other = seenAliases.put(a, c);
        if (other != null && other != c) {
          throw new IllegalArgumentException("alias '" + a + "' belongs to both " + other.name() + " and " + c.name());
        }
        index
            .computeIfAbsent(a.charAt(0), k -> new ArrayList<>())
            .add(new Alias(a, c, phrasesWith(c.notWhen(), a), phrasesWith(c.onlyWhen(), a)));
      }
    }
    this.byName = java.util.Collections.unmodifiableMap(names);
    Map<Character, List<Alias>> caseless = new HashMap<>();
    index.values()
        .forEach(list -> list.forEach(a -> caseless.computeIfAbsent(upperFirst(a), k -> new ArrayList<>()).add(a)));
    caseless.forEach(
        (ch, list) -> {
          list.sort(LONGEST_FIRST);
          caselessIndex.put(ch, list.toArray(Alias[]::new));
        });
    index.forEach(
        (ch, list) -> {
          list.sort(LONGEST_FIRST);
          Alias[] arr = list.toArray(Alias[]::new);
          if (ch < 128) {
            asciiIndex[ch] = arr;
          } else {
            otherIndex.put(ch, arr);
          }
        });
  }

  private static List<Exclusion> phrasesWith(List<String> phrases, String alias) {
    List<Exclusion> out = new ArrayList<>();
    for (String phrase : phrases) {
      int off = phrase.toLowerCase(Locale.ROOT).indexOf(alias.toLowerCase(Locale.ROOT));
      if (off >= 0) {
        out.add(new Exclusion(phrase, off));
      }
    }
    return List.copyOf(out);
  }

  private static final class Holder {
    static final Watchlist DEFAULTS = loadDefaults();

    private static Watchlist loadDefaults() {
      try (InputStream in = Watchlist.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        return fromJson(in, DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
      }
    }
  }

  /** The bundled watchlist (Alibaba, Alphabet, Amazon, Apple, Meta, Microsoft, Nvidia, ... Tesla). */
  public static Watchlist defaults() {
    return Holder.DEFAULTS;
  }

  public static Watchlist of(List<Company> companies) {
    return new Watchlist(companies);
  }

  /** Reads a watchlist in the format of the bundled resource; errors name {@code where} and the entry. */
  public static Watchlist fromJson(InputStream in, String where) throws IOException {
    JsonNode root = JSON.readTree(in);
    JsonNode list = root == null ? null : root.get("companies");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(where + ": expected an object with an array \"companies\"");
    }
    List<Company> companies = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String at = where + ": companies[" + i + "]";
      String name = text(c, "name", at);
      at = at + " (" + name + ")";
      String country = text(c, "country", at);
      List<String> aliases = strings(c, "aliases", at);
      if (aliases.isEmpty()) {
        aliases = List.of(name);
      }
      try {
        companies.add(
            new Company(
                name,
                country,
                aliases,
                strings(c, "not_when", at),
                c.path("ai_lab").asBoolean(false),
                new HashSet<>(strings(c, "ai_aliases", at)),
                strings(c, "domains", at),
                strings(c, "channels", at),
                strings(c, "only_when", at)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }
    try {
      return new Watchlist(companies);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  public static Watchlist fromJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, file.toString());
    }
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(at + ": missing text field \"" + field + "\"");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(at + ": \"" + field + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new IllegalArgumentException(at + ": \"" + field + "\" must contain only strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  public List<Company> companies() {
    return companies;
  }

  public Optional<Company> company(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Words that make an outlet name a company's own channel ("Microsoft On the Issues", "NVIDIA Newsroom"). */
  private static final java.util.regex.Pattern OWN_CHANNEL =
      java.util.regex.Pattern.compile(
          "(?i)\\b(newsroom|news ?cent(er|re)|press ?room|press releases?|blog|official|on the issues|investor"
              + " relations|corporate news|^about)\\b");

  /**
   * The watched company that publishes an item itself, or empty: its link is on one of the company's domains, its
   * outlet is one of the company's named channels ("OpenAI News"), or a channel-like outlet that names exactly one
   * watched company ("Meta Newsroom", "About Amazon"). Independent outlets
   * named after a company ("Apple Insider") are not channels.
   */
  public Optional<Company> publisher(String link, String source) {
    String host = host(link);
    if (host != null) {
      for (Company c : companies) {
        for (String d : c.domains()) {
          if (host.equals(d) || host.endsWith("." + d)) {
            return Optional.of(c);
          }
        }
      }
    }
    if (source == null || source.isBlank()) {
      return Optional.empty();
    }
    String outlet = source.strip();
    for (Company c : companies) {
      for (String ch : c.channels()) {
        if (ch.equalsIgnoreCase(outlet)) {
          return Optional.of(c);
        }
      }
    }
    if (!OWN_CHANNEL.matcher(outlet).find()) {
      return Optional.empty();
    }
    Set<Company> named = new HashSet<>();
    for (CompanyMention m : find(source)) {
      named.add(m.company());
    }
    return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
  }

  private static String host(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      String h = java.net.URI.create(link.strip()).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null; // not a URL: no publisher from it
    }
  }

  /**
   * The watched companies named in {@code text}, in text order. Aliases in Chinese characters need no word
   * boundary (Chinese has no spaces), and a Latin alias next to an ideograph is on one ("Meta将投资").
   */
  public List<CompanyMention> find(String text) {
    List<CompanyMention> out = null;
    boolean shouting = shouting(text); // "THAILAND APPROVES TIKTOK'S ...": aliases match in any case
    int n = text.length();
    char prev = ' ';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean wordStart = !isWordChar(prev) || isCjk(c) || isCjk(prev);
      prev = c;
      if (!wordStart) {
        continue;
      }
      Alias[] candidates =
          shouting ? caselessIndex.get(Character.toUpperCase(c)) : c < 128 ? asciiIndex[c] : otherIndex.get(c);
      if (candidates == null) {
        continue;
      }
      for (Alias a : candidates) {
        int len = a.text.length();
        int end = i + len;
        boolean same = shouting ? text.regionMatches(true, i, a.text, 0, len) : text.startsWith(a.text, i);
        if (!same || (end < n && !a.cjk() && isWordChar(text.charAt(end)) && !isCjk(text.charAt(end)))) {
          continue;
        }
        if (excluded(text, i, end, a) || !required(text, i, a)) {
          break; // a longer alias did not match and this one is ruled out: no company here
        }
        boolean possessive =
            end + 1 < n
                && (text.charAt(end) == '\'' || text.charAt(end) == '’')
                && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S')
                && (end + 2 >= n || !Character.isLetterOrDigit(text.charAt(end + 2)));
        if (out == null) {
          out = new ArrayList<>(4);
        }
        out.add(new CompanyMention(a.company, a.text, i, end, possessive));
        i = end - 1;
        prev = text.charAt(end - 1);
        break;
      }
    }
    return out == null ? List.of() : out;
  }

  /** CJK ideographs (and the kana used in Japanese names): no spaces separate them from other words. */
  static boolean isCjk(char c) {
    return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\u3040' && c <= '\u30ff')
        || (c >= '\uf900' && c <= '\ufaff');
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** An alias with required phrases ("苹果公司") must be written in one of them. */
  private static boolean required(String text, int start, Alias a) {
    if (a.requirements.isEmpty()) {
      return true;
    }
    for (Exclusion e : a.requirements) {
      if (phraseAt(text, start, e)) {
        return true;
      }
    }
    return false;
  }

  /** A text written in capitals only (a wire flash headline), long enough not to be an acronym. */
  private static boolean shouting(String text) {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 12;
  }

  private static boolean excluded(String text, int start, int end, Alias a) {
    for (Exclusion e : a.exclusions) {
      if (phraseAt(text, start, e)) {
        return true;
      }
    }
    return false;
  }

  /** The phrase is written around the alias at {@code start}, on word boundaries where it has Latin letters. */
  private static boolean phraseAt(String text, int start, Exclusion e) {
    int from = start - e.aliasOffset;
    int to = from + e.phrase.length();
    return from >= 0
        && to <= text.length()
        && text.regionMatches(true, from, e.phrase, 0, e.phrase.length())
        && (from == 0 || isCjk(e.phrase.charAt(0)) || !isWordChar(text.charAt(from - 1)) || isCjk(text.charAt(from - 1)))
        && (to == text.length()
            || isCjk(e.phrase.charAt(e.phrase.length() - 1))
            || !isWordChar(text.charAt(to))
            || isCjk(text.charAt(to)));
  }

  /** Names of all companies, for messages. */
  public Set<String> names() {
    return byName.keySet();
  }
}
