package com.capexalerts.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder, for tests that read template.yaml, events/ or a module's Makefile. */
public final class RepoRoot {
  private RepoRoot() {}

  /**
   * The nearest folder at or above the working directory that holds template.yaml with mvnw beside it. Maven runs a
   * module's tests in the module's folder, so relative paths would depend on how deep the module sits.
   */
  public static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isRegularFile(d.resolve("mvnw"))) {
        return d;
      }
    }
    throw new IllegalStateException("no template.yaml with mvnw beside it above " + dir);
  }
}
