package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  private List<String> split(String text) {
    return splitter.split(text).stream().map(SentenceSplitter.Sentence::text).toList();
  }

  @ParameterizedTest(name = "one sentence: {0}")
  @ValueSource(
      strings = {
        "Microsoft Corp. will spend $80 billion in the U.S. over the next year.",
        "Alphabet Inc. and Amazon.com Inc. raised spending to $1.5 trillion in total.",
        "Mr. Son said SoftBank will invest approx. $3 billion a year.",
        "Shares of J. P. Morgan rose 2.5% on Monday.",
        "The plan, announced on Jan. 21, covers the U.K. and the E.U. as well.",
        "Capex will be about 3.5 times higher, i.e. $75 billion, vs. last year.",
      })
  void doesNotBreakOnAbbreviationsInitialsOrDecimals(String sentence) {
    assertEquals(List.of(sentence), split(sentence));
  }

  @Test
  void splitsOrdinarySentencesAndKeepsOffsets() {
    String text = "Alibaba will invest 380 billion yuan. Its shares fell 2.5%!  Is that a lot? Analysts think so.";
    List<SentenceSplitter.Sentence> sentences = splitter.split(text);
    assertEquals(
        List.of(
            "Alibaba will invest 380 billion yuan.", "Its shares fell 2.5%!", "Is that a lot?", "Analysts think so."),
        sentences.stream().map(SentenceSplitter.Sentence::text).toList());
    for (SentenceSplitter.Sentence s : sentences) {
      assertEquals(s.text(), text.substring(s.start(), s.end()));
    }
  }

  @Test
  void abbreviationThatEndsASentenceSplitsBeforeATypicalOpener() {
    assertEquals(
        List.of("Meta will build a data centre in the U.S.", "The company said the cost is $10 billion."),
        split("Meta will build a data centre in the U.S. The company said the cost is $10 billion."));
    assertEquals(
        List.of("Oracle Corp. Chief Executive Safra Catz said the company would spend $25 billion."),
        split("Oracle Corp. Chief Executive Safra Catz said the company would spend $25 billion."));
  }

  @Test
  void splitsBeforeQuotesAndCamelCaseBrands() {
    assertEquals(
        List.of("It sued Musk's company.", "xAI said it would invest $20 billion."),
        split("It sued Musk's company. xAI said it would invest $20 billion."));
    assertEquals(
        List.of("He spoke.", "\"We will invest,\" he said."), split("He spoke. \"We will invest,\" he said."));
  }

  @Test
  void emptyTextHasNoSentences() {
    assertEquals(List.of(), split(""));
    assertEquals(List.of(), split("   "));
  }
}
