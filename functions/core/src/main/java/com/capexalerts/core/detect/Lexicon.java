package com.capexalerts.core.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Word lists of the detection stages, kept as data in {@code lexicon/<stage>/<list>.txt} beside this class: one
 * word or phrase a line, {@code #} starts a comment line. Loaded once, when the stage class is first used.
 */
final class Lexicon {
  private Lexicon() {}

  /** The words of one list; a missing or empty list is a packaging error and fails loudly. */
  static Set<String> words(String name) {
    String path = "lexicon/" + name + ".txt";
    try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("detector lexicon " + path + " is missing from the classpath");
      }
      Set<String> words = new LinkedHashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
      if (words.isEmpty()) {
        throw new IllegalStateException("detector lexicon " + path + " has no words");
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read detector lexicon " + path, e);
    }
  }

  /**
   * The logical lines of a structured list, joined by newlines: comment lines dropped, a line ending in a backslash
   * joined with the next.
   */
  static String text(String name) {
    String path = "lexicon/" + name + ".txt";
    try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("detector lexicon " + path + " is missing from the classpath");
      }
      StringBuilder out = new StringBuilder();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean continued = false;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!continued && line.strip().startsWith("#")) {
          continue;
        }
        continued = line.endsWith("\\");
        out.append(continued ? line.substring(0, line.length() - 1) : line + "\n");
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read detector lexicon " + path, e);
    }
  }
}
