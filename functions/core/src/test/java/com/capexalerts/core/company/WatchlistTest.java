package com.capexalerts.core.company;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WatchlistTest {
  private final Watchlist watchlist = Watchlist.defaults();

  private List<String> names(String text) {
    return watchlist.find(text).stream().map(m -> m.company().name()).toList();
  }

  @Test
  void defaultWatchlistHasTheNineteenCompaniesWithHomeCountries() {
    assertEquals(
        List.of(
            "Alibaba", "Alphabet", "Amazon", "Apple", "Meta", "Microsoft", "Nvidia", "Oracle", "IBM", "Tencent",
            "Baidu", "ByteDance", "Huawei", "Samsung", "SoftBank", "OpenAI", "Anthropic", "xAI", "Tesla"),
        watchlist.companies().stream().map(Company::name).toList());
    assertEquals("CN", watchlist.company("Alibaba").orElseThrow().country());
    assertEquals("JP", watchlist.company("SoftBank").orElseThrow().country());
    assertEquals("KR", watchlist.company("Samsung").orElseThrow().country());
    assertEquals("US", watchlist.company("Microsoft").orElseThrow().country());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Alibaba Cloud will expand, Alibaba",
    "Aliyun opened a region, Alibaba",
    "Alibaba Group said, Alibaba",
    "Google Cloud signed up, Alphabet",
    "DeepMind released a model, Alphabet",
    "AWS will invest, Amazon",
    "Amazon Web Services will invest, Amazon",
    "Meta Platforms said, Meta",
    "Facebook's parent, Meta",
    "Azure capacity grew, Microsoft",
    "NVIDIA shipped, Nvidia",
    "Samsung Electronics said, Samsung",
    "SoftBank Group said, SoftBank",
    "TikTok will build, ByteDance",
    "xAI raised money, xAI",
    "IBM said, IBM",
    "the ChatGPT maker said, OpenAI",
    "the Claude developer will buy, Anthropic",
    "the iPhone maker's suppliers, Apple",
    "the Windows maker said, Microsoft",
    "the WeChat owner spent, Tencent",
  })
  void aliasesMapToCanonicalNames(String text, String company) {
    assertEquals(List.of(company), names(text));
  }

  @ParameterizedTest(name = "no company in: {0}")
  @ValueSource(
      strings = {
        "The Metaverse is quiet these days.",
        "A meta-analysis of 40 studies found no effect.",
        "A Meta-analysis published on Monday found no effect.",
        "We had dinner at Applebee's.",
        "The apple orchard was sold.",
        "Farmers tended the Apple orchard all summer.",
        "Fires are burning in the Amazon rainforest.",
        "The Amazon River flooded villages.",
        "Investors listen to the Oracle of Omaha.",
        "The museum shows a working Tesla coil.",
        "A biography of Nikola Tesla was published.",
        "The anthropic principle is debated.",
        "Explainable AI (XAI) is a research field.",
        "The samsungite mineral is rare.",
        "Googled results vary.",
      })
  void lookAlikesAreNotCompanies(String text) {
    assertEquals(List.of(), names(text));
  }

  @Test
  void matchesPossessivesWithEitherApostropheAndKeepsPositions() {
    String text = "Alibaba's plan and Microsoft’s budget";
    List<CompanyMention> found = watchlist.find(text);
    assertEquals(2, found.size());
    assertTrue(found.get(0).possessive());
    assertTrue(found.get(1).possessive());
    assertEquals("Alibaba", text.substring(found.get(0).start(), found.get(0).end()));
    assertEquals("Microsoft", text.substring(found.get(1).start(), found.get(1).end()));
  }

  @Test
  void prefersTheLongestAlias() {
    List<CompanyMention> found = watchlist.find("Amazon Web Services said");
    assertEquals(1, found.size());
    assertEquals("Amazon Web Services", found.get(0).alias());
    assertFalse(found.get(0).possessive());
  }

  @Test
  void findsSeveralCompaniesInTextOrder() {
    assertEquals(
        List.of("Microsoft", "Meta", "Alphabet", "OpenAI"),
        names("Microsoft, Meta and Google compete with OpenAI."));
  }

  @Test
  void customWatchlistFromJson() throws IOException {
    String json =
        """
        {"companies": [
          {"name": "Reliance", "country": "IN", "aliases": ["Reliance", "Reliance Industries"],
           "not_when": ["Reliance on"]},
          {"name": "TSMC", "country": "TW", "aliases": ["TSMC", "Taiwan Semiconductor"], "ai_lab": false}
        ]}
        """;
    Watchlist custom = Watchlist.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mine");
    assertEquals(
        List.of("Reliance", "TSMC"),
        custom.find("Reliance Industries and TSMC said; Reliance on imports grew").stream()
            .map(m -> m.company().name())
            .toList());
    assertEquals("IN", custom.company("Reliance").orElseThrow().country());
    assertTrue(custom.find("Microsoft said").isEmpty());
  }

  @Test
  void badWatchlistsNameWhereAndWhy() {
    IllegalArgumentException noCountry =
        assertThrows(IllegalArgumentException.class, () -> read("{\"companies\": [{\"name\": \"X\"}]}"));
    assertTrue(noCountry.getMessage().startsWith("wl.json: companies[0] (X): missing text field \"country\""),
        noCountry.getMessage());
    IllegalArgumentException shared =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                read(
                    "{\"companies\": [{\"name\": \"A\", \"country\": \"US\", \"aliases\": [\"Acme\"]},"
                        + " {\"name\": \"B\", \"country\": \"US\", \"aliases\": [\"Acme\"]}]}"));
    assertTrue(shared.getMessage().contains("alias 'Acme' belongs to both A and B"), shared.getMessage());
    assertThrows(IllegalArgumentException.class, () -> read("{\"companies\": []}"));
    assertThrows(IllegalArgumentException.class, () -> read("[]"));
  }

  @Test
  void publisherIsTheCompanyWhoseNewsroomCarriesTheItem() {
    Watchlist w = Watchlist.defaults();
    assertEquals("Microsoft", w.publisher("https://blogs.microsoft.com/on-the-issues/2025/01/03/x/", null)
        .orElseThrow().name(), "a subdomain of a company domain");
    assertEquals("Alphabet", w.publisher("https://blog.google/technology/ai/x/", "The Keyword").orElseThrow().name());
    assertEquals("Meta", w.publisher("https://example.com/x", "Meta Newsroom").orElseThrow().name(),
        "an outlet that is a company channel");
    assertEquals("Amazon", w.publisher(null, "About Amazon").orElseThrow().name());
    assertTrue(w.publisher("https://example.com/x", "Apple Insider").isEmpty(), "an independent outlet");
    assertTrue(w.publisher("https://notmicrosoft.com/x", null).isEmpty(), "a domain only by its suffix");
    assertTrue(w.publisher("https://example.com/x", "Google and Microsoft blog watch").isEmpty(),
        "a channel naming two companies is nobody's");
    assertTrue(w.publisher("not a url ::", "Reuters").isEmpty());
    assertTrue(w.find("Google.org, the charity, gives").isEmpty(), "Google's charity is not Alphabet investing");
    Watchlist custom =
        Watchlist.of(List.of(new Company("Acme", "US", List.of("Acme"), List.of(), false, Set.of(), List.of("Acme.io"), List.of("Acme Wire"))));
    assertEquals("Acme", custom.publisher("https://news.acme.io/a", "Wire").orElseThrow().name(),
        "domains are matched case-insensitively");
    assertEquals("Acme", custom.publisher(null, " acme wire ").orElseThrow().name(), "a named channel");
    assertEquals("OpenAI", w.publisher(null, "OpenAI News").orElseThrow().name());
    assertTrue(w.publisher(null, "Google News").isEmpty(), "an aggregator named after a company is not its channel");
    assertTrue(w.publisher(null, "Apple News").isEmpty());
  }

  private static Watchlist read(String json) throws IOException {
    return Watchlist.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "wl.json");
  }
}
