package com.capexalerts.core.detect;

/** One token of a sentence: a word, a punctuation mark, a whole money amount or a whole company mention. */
final class Token {
  enum Kind {
    WORD,
    PUNCT,
    MONEY,
    COMPANY
  }

  final Kind kind;
  final int start;
  final int end;
  /** Lower-case text for words and punctuation; null for MONEY and COMPANY. */
  final String norm;
  /** Index into the sentence's money list or mention list. */
  final int ref;
  /** "company's", "Alibaba's". */
  final boolean possessive;
  /** First letter written in upper case ("May" the month, "Reliance" the name). */
  final boolean upper;
  /** Cue flags of the longest lexicon phrase starting here (see {@link Cue}). */
  int flags;
  /** Index after the last token of that phrase. */
  int phraseEnd;

  Token(Kind kind, int start, int end, String norm, int ref, boolean possessive, boolean upper) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.norm = norm;
    this.ref = ref;
    this.possessive = possessive;
    this.upper = upper;
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean is(String word) {
    return norm != null && norm.equals(word);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  @Override
  public String toString() {
    return kind == Kind.WORD || kind == Kind.PUNCT ? norm : kind + "#" + ref;
  }
}
