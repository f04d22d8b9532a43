package io.gitops.promotion.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * A line for people: {@code <time> <LEVEL> [<thread>] <logger> - <message> key=value ...}, the
 * key-value pairs and MDC entries after the message; a value with spaces, quotes or {@code =} is
 * quoted.
 */
public final class TextLogLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(160)
            .append(Instant.ofEpochMilli(event.getTimeStamp()))
            .append(' ')
            .append(String.format("%-5s", event.getLevel()))
            .append(" [")
            .append(event.getThreadName())
            .append("] ")
            .append(event.getLoggerName())
            .append(" - ")
            .append(event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        pair(line, pair.key, pair.value);
      }
    }
    for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
      pair(line, entry.getKey(), entry.getValue());
    }
    line.append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
          .append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }

  private static void pair(StringBuilder line, String key, Object value) {
    if (value == null) {
      return;
    }
    String text = String.valueOf(value);
    line.append(' ').append(key).append('=');
    if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '=')) {
      line.append('"')
          .append(
              text.replace("\\", "\\\\")
                  .replace("\"", "\\\"")
                  .replace("\n", "\\n")
                  .replace("\r", "\\r"))
          .append('"');
    } else {
      line.append(text);
    }
  }
}
