package com.capexalerts.cli;

import java.io.PrintWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * The JSON lines a handler's logger writes in Lambda (Powertools' layout), on the command's console instead of
 * stdout, indented under its own messages: {@code serve} shows each API request line as the function would log it.
 */
final class ConsoleLogLines implements AutoCloseable {
  private final LoggerContext context;
  private final String loggerName;
  private final Appender appender;

  private ConsoleLogLines(LoggerContext context, String loggerName, Appender appender) {
    this.context = context;
    this.loggerName = loggerName;
    this.appender = appender;
  }

  /** From now until {@link #close}, INFO and above of {@code loggerName} (and below it) go to {@code console}. */
  static ConsoleLogLines of(String loggerName, PrintWriter console) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    JsonTemplateLayout layout = JsonTemplateLayout.newBuilder()
        .setConfiguration(config)
        .setEventTemplateUri("classpath:LambdaJsonLayout.json")
        .build();
    Appender appender = new Appender(layout, console);
    appender.start();
    LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, false);
    logger.addAppender(appender, null, null);
    config.addLogger(loggerName, logger);
    context.updateLoggers();
    return new ConsoleLogLines(context, loggerName, appender);
  }

  @Override
  public void close() {
    context.getConfiguration().removeLogger(loggerName);
    context.updateLoggers();
    appender.stop();
  }

  private static final class Appender extends AbstractAppender {
    private final PrintWriter console;

    Appender(JsonTemplateLayout layout, PrintWriter console) {
      super("console-" + System.identityHashCode(console), null, layout, true, Property.EMPTY_ARRAY);
      this.console = console;
    }

    @Override
    public void append(LogEvent event) {
      String line = ((JsonTemplateLayout) getLayout()).toSerializable(event).strip();
      synchronized (console) {
        console.println("  " + line);
        console.flush();
      }
    }
  }
}
