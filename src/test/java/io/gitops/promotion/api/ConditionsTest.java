package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
  static final Instant T1 = Instant.parse("2025-03-01T10:05:00Z");

  @Test
  void addsAConditionWithSecondPrecisionTransitionTime() {
    List<Condition> conditions = new ArrayList<>();
    assertThat(
            Conditions.set(
                conditions, Conditions.VALIDATED, Conditions.TRUE, Reasons.ACCEPTED, "ok", 1L, T0))
        .isTrue();
    Condition c = conditions.get(0);
    assertThat(c.getType()).isEqualTo("Validated");
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(c.getReason()).isEqualTo("Accepted");
    assertThat(c.getMessage()).isEqualTo("ok");
    assertThat(c.getObservedGeneration()).isEqualTo(1L);
    assertThat(c.getLastTransitionTime()).isEqualTo("2025-03-01T10:00:00Z");
  }

  @Test
  void keepsTheTransitionTimeWhenOnlyReasonMessageOrGenerationChange() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(
        conditions, Conditions.READY, Conditions.FALSE, Reasons.IN_PROGRESS, "planning", 1L, T0);
    boolean changed =
        Conditions.set(
            conditions,
            Conditions.READY,
            Conditions.FALSE,
            Reasons.RETRYING,
            "git fetch failed",
            2L,
            T1);
    assertThat(changed).isTrue();
    assertThat(conditions)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo("Retrying");
              assertThat(c.getObservedGeneration()).isEqualTo(2L);
              assertThat(c.getLastTransitionTime()).isEqualTo("2025-03-01T10:00:00Z");
            });
  }

  @Test
  void movesTheTransitionTimeWhenTheStatusChanges() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(conditions, Conditions.READY, Conditions.FALSE, Reasons.IN_PROGRESS, "", 1L, T0);
    Conditions.set(conditions, Conditions.READY, Conditions.TRUE, Reasons.SUCCEEDED, "", 1L, T1);
    assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2025-03-01T10:05:00Z");
  }

  @Test
  void reportsNoChangeForTheSameCondition() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(
        conditions, Conditions.COMMITTED, Conditions.TRUE, Reasons.PUSHED, "abc", 3L, T0);
    assertThat(
            Conditions.set(
                conditions, Conditions.COMMITTED, Conditions.TRUE, Reasons.PUSHED, "abc", 3L, T1))
        .isFalse();
    assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2025-03-01T10:00:00Z");
  }

  @Test
  void keepsOtherConditionsAndFindsByType() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(conditions, Conditions.VALIDATED, Conditions.TRUE, Reasons.ACCEPTED, "", 1L, T0);
    Conditions.set(
        conditions, Conditions.PLANNED, Conditions.UNKNOWN, Reasons.IN_PROGRESS, "", 1L, T0);
    assertThat(conditions).extracting(Condition::getType).containsExactly("Validated", "Planned");
    assertThat(Conditions.isTrue(conditions, Conditions.VALIDATED)).isTrue();
    assertThat(Conditions.isTrue(conditions, Conditions.PLANNED)).isFalse();
    assertThat(Conditions.isTrue(null, Conditions.PLANNED)).isFalse();
    assertThat(Conditions.find(conditions, Conditions.RELEASED)).isEmpty();
  }

  @Test
  void boundsLongMessagesAndRejectsUnknownStatuses() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(
        conditions, Conditions.READY, Conditions.FALSE, "PlanChanged", "x".repeat(40_000), 1L, T0);
    assertThat(conditions.get(0).getMessage())
        .hasSize(Conditions.MAX_MESSAGE_LENGTH)
        .endsWith("...");
    assertThatThrownBy(() -> Conditions.set(conditions, Conditions.READY, "true", "X", "", 1L, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusSetsConditionsOnAFreshList() {
    PromotionStatus status = new PromotionStatus();
    status.setCondition(Conditions.READY, Conditions.TRUE, Reasons.PREVIEWED, "3 changes", 1L, T0);
    assertThat(status.getConditions()).hasSize(1);
  }
}
