package io.gitops.promotion.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logging configuration of the operator and the CLI (logback.xml) and switching its format. */
class LogFormatTest {
  private static final Logger LOG = LoggerFactory.getLogger(LogFormatTest.class);

  @Test
  void jsonSwitchesStderrToOneObjectPerLineAndTextSwitchesBack() throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LogFormat.JSON.apply();
      LOG.atInfo()
          .addKeyValue("namespace", "team-a")
          .addKeyValue("phase", "Previewed")
          .log("as json");
      LogFormat.TEXT.apply();
      LOG.atInfo().addKeyValue("namespace", "team-a").log("as text");
    } finally {
      LogFormat.TEXT.apply();
      System.setErr(stderr);
    }
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    var json = new ObjectMapper().readTree(lines[0]);
    assertThat(json.get("message").asText()).isEqualTo("as json");
    assertThat(json.get("phase").asText()).isEqualTo("Previewed");
    assertThat(lines[1]).endsWith(LogFormatTest.class.getName() + " - as text namespace=team-a");
  }

  @Test
  void fabric8sUnstableVersionWarningIsSilencedAndOtherWarningsAreNot() {
    assertThat(
            LoggerFactory.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
                .isWarnEnabled())
        .isFalse();
    assertThat(
            LoggerFactory.getLogger("io.fabric8.kubernetes.client.dsl.internal.OperationSupport")
                .isWarnEnabled())
        .isTrue();
    assertThat(LoggerFactory.getLogger("io.gitops.promotion").isInfoEnabled()).isTrue();
  }
}
