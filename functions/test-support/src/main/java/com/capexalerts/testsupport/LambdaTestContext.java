package com.capexalerts.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context for handler tests: a fixed remaining time and a logger that keeps what was logged. */
public final class LambdaTestContext implements Context {
  private final String functionName;
  private final int remainingMillis;
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  public LambdaTestContext(String functionName, int remainingMillis) {
    this.functionName = functionName;
    this.remainingMillis = remainingMillis;
  }

  public LambdaTestContext() {
    this("test-function", 30_000);
  }

  /** The logged messages as written. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** The logged lines as "LEVEL message" (UNDEFINED when logged without a level). */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log(message, LogLevel.UNDEFINED);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }

      @Override
      public void log(String message, LogLevel level) {
        messages.add(message);
        lines.add(level + " " + message);
      }
    };
  }

  @Override
  public String getAwsRequestId() {
    return "test-request";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }
}
