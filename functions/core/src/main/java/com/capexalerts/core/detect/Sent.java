package com.capexalerts.core.detect;

import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.money.MoneySpan;
import java.util.List;

/** A sentence of an item (the headline is one of its own) with its amounts and companies, offsets relative to it. */
final class Sent {
  final int index;
  final boolean isTitle;
  final String text;
  final List<MoneySpan> money;
  final List<CompanyMention> mentions;
  Token[] tokens;
  int scope = -1; // 0 none, 1 weak, 2 strong
  boolean nonAi;
  boolean supply;

  Sent(int index, boolean isTitle, String text, List<MoneySpan> money, List<CompanyMention> mentions) {
    this.index = index;
    this.isTitle = isTitle;
    this.text = text;
    this.money = money;
    this.mentions = mentions;
  }

  /** The sentence's tokens with their cue flags, made on first use. */
  Token[] tokens() {
    if (tokens == null) {
      tokens = Tokenizer.tokenize(text, money, mentions);
      Cue.annotate(tokens);
    }
    return tokens;
  }
}
