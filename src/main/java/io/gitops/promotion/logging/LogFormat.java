package io.gitops.promotion.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The shape of every log line: {@code text} for people, {@code json} (one object per line) for log
 * pipelines. Chosen once at start by {@code --log-format} or the configuration's {@code
 * logging.format}.
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The format a name stands for ({@code text}, {@code json}, any case). */
  public static Optional<LogFormat> named(String name) {
    return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Layout<ILoggingEvent> layout() {
    return this == JSON ? new JsonLogLayout() : new TextLogLayout();
  }

  /** Every appender of the root logger writes this format from now on. */
  public void apply() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend (a test classpath, an embedding application) keeps its own
      // format
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        Layout<ILoggingEvent> layout = layout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
      }
    }
  }
}
