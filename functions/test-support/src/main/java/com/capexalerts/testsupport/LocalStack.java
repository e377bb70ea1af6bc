package com.capexalerts.testsupport;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers, for hosts with Docker. Without Docker the calling test is skipped with that
 * reason: the moto server run of the same tests covers them.
 */
public final class LocalStack {
  /** A tag that starts without an auth token; LOCALSTACK_AUTH_TOKEN is passed through when set. */
  public static final String IMAGE = "localstack/localstack:4.14.0";
  private static LocalAws instance;

  private LocalStack() {}

  public static synchronized LocalAws get() {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    Assumptions.assumeTrue(docker,
        "skipped: no Docker engine on this host, so LocalStack cannot run; the moto server run covers these tests");
    if (instance == null) {
      @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
      LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
          .withServices(LocalStackContainer.EnabledService.named("dynamodb"),
              LocalStackContainer.EnabledService.named("dynamodbstreams"),
              LocalStackContainer.EnabledService.named("sns"), LocalStackContainer.EnabledService.named("sqs"));
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
      if (token != null && !token.isBlank()) {
        container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
      }
      container.start();
      instance = new LocalAws("localstack", URI.create(container.getEndpoint().toString()));
    }
    return instance;
  }
}
