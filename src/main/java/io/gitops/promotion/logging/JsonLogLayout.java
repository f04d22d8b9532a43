package io.gitops.promotion.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line for log pipelines: {@code time}, {@code level}, {@code logger}, {@code
 * thread}, {@code message}, then the line's key-value pairs and MDC entries as fields of their own
 * (a key that repeats a field already written is dropped, and so is a null value), and {@code
 * exception} with the stack trace.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      Set<String> written = new HashSet<>();
      json.writeStartObject();
      field(json, written, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      field(json, written, "level", event.getLevel().toString());
      field(json, written, "logger", event.getLoggerName());
      field(json, written, "thread", event.getThreadName());
      field(json, written, "message", event.getFormattedMessage());
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          field(json, written, pair.key, pair.value == null ? null : String.valueOf(pair.value));
        }
      }
      for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
        field(json, written, entry.getKey(), entry.getValue());
      }
      if (event.getThrowableProxy() != null) {
        field(json, written, "exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.append(CoreConstants.LINE_SEPARATOR).toString();
  }

  private static void field(JsonGenerator json, Set<String> written, String key, String value)
      throws IOException {
    if (key != null && value != null && written.add(key)) {
      json.writeStringField(key, value);
    }
  }

  @Override
  public String getContentType() {
    return "application/json";
  }
}
