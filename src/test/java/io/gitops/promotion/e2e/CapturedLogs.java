package io.gitops.promotion.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.gitops.promotion.logging.JsonLogLayout;
import io.gitops.promotion.logging.TextLogLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line this JVM writes while open (every logger, every thread: the operator's, JOSDK's,
 * fabric8's, JGit's), in both the text and the JSON layout the operator writes them in; except
 * Jetty's, which serves only the tests' Git server (the receiving end, that logs the credentials it
 * is sent at DEBUG) and is no part of the operator.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private static final String TEST_SERVERS = "org.eclipse.jetty.";

  private final TextLogLayout text = new TextLogLayout();
  private final JsonLogLayout json = new JsonLogLayout();
  private final List<String> textLines = new CopyOnWriteArrayList<>();
  private final List<String> jsonLines = new CopyOnWriteArrayList<>();

  static CapturedLogs attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLogs logs = new CapturedLogs();
    logs.setContext(context);
    logs.setName("captured-logs");
    logs.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
    return logs;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLoggerName().startsWith(TEST_SERVERS)) {
      return;
    }
    textLines.add(text.doLayout(event));
    jsonLines.add(json.doLayout(event));
  }

  /** The lines as text, a stack trace part of its line. */
  List<String> text() {
    return List.copyOf(textLines);
  }

  /** The same lines, one JSON object each. */
  List<String> json() {
    return List.copyOf(jsonLines);
  }

  @Override
  public void close() {
    Logger root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(this);
    stop();
  }
}
