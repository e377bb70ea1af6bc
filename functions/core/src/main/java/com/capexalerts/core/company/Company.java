package com.capexalerts.core.company;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A watched company.
 *
 * @param name      canonical name used in findings ("Alphabet")
 * @param country   home country, ISO 3166 alpha-2 ("US", "CN", "JP"); settles a bare ¥ sign
 * @param aliases   names it is written as, matched case-sensitively ("Google", "DeepMind")
 * @param notWhen   phrases around an alias in which it is not the company ("Amazon rainforest")
 * @param aiLab     true when the company itself is an AI lab, so naming it makes a sentence about AI
 * @param aiAliases aliases that make a sentence about AI even though the company is not an AI lab
 * @param domains   web domains of its own newsrooms and blogs ("blogs.microsoft.com" is under "microsoft.com"): an
 *                  item linking there is the company speaking, so its "we" is the company
 * @param onlyWhen  phrases that an alias must be written in to be the company, for aliases that are also common
 *                  words: "苹果" (apple, the fruit) is Apple only in "苹果公司", "苹果将", "苹果CEO" ...
 */
public record Company(
    String name,
    String country,
    List<String> aliases,
    List<String> notWhen,
    boolean aiLab,
    Set<String> aiAliases,
    List<String> domains,
    List<String> channels,
    List<String> onlyWhen) {
  public Company(
      String name,
      String country,
      List<String> aliases,
      List<String> notWhen,
      boolean aiLab,
      Set<String> aiAliases,
      List<String> domains,
      List<String> channels) {
    this(name, country, aliases, notWhen, aiLab, aiAliases, domains, channels, List.of());
  }

  public Company {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    aliases = List.copyOf(aliases);
    notWhen = notWhen == null ? List.of() : List.copyOf(notWhen);
    aiAliases = aiAliases == null ? Set.of() : Set.copyOf(aiAliases);
    domains = domains == null ? List.of() : domains.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).toList();
    channels = channels == null ? List.of() : List.copyOf(channels);
    onlyWhen = onlyWhen == null ? List.of() : List.copyOf(onlyWhen);
    if (name.isBlank()) {
      throw new IllegalArgumentException("company name must not be blank");
    }
    if (aliases.isEmpty()) {
      throw new IllegalArgumentException("company " + name + " has no aliases");
    }
  }

  /** A company with just a name, country and aliases. */
  public static Company of(String name, String country, String... aliases) {
    return new Company(name, country, List.of(aliases), List.of(), false, Set.of(), List.of(), List.of());
  }

  /** True when writing this alias makes a sentence about AI (an AI lab, or DeepMind). */
  public boolean isAiScope(String alias) {
    return aiLab || aiAliases.contains(alias);
  }
}
