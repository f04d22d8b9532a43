package io.gitops.promotion.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingConfigurationTest {
  @Test
  void fabric8sUnstableVersionWarningIsSilencedAndOtherWarningsAreNot() {
    assertThat(LoggerFactory.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils").isWarnEnabled())
        .isFalse();
    assertThat(LoggerFactory.getLogger("io.fabric8.kubernetes.client.dsl.internal.OperationSupport").isWarnEnabled())
        .isTrue();
    assertThat(LoggerFactory.getLogger(PromotionOperator.class).isInfoEnabled()).isTrue();
  }
}
