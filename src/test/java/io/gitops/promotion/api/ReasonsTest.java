package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.engine.RejectionReason;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReasonsTest {
  /** metav1.Condition's reason pattern. */
  static final Pattern API_REASON = Pattern.compile("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");

  static List<String> constants(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()))
        .filter(f -> f.getType() == String.class)
        .map(ReasonsTest::value)
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyReasonMatchesTheApiServersPattern() {
    assertThat(constants(Reasons.class))
        .isNotEmpty()
        .allMatch(r -> API_REASON.matcher(r).matches());
    assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code))
        .allMatch(r -> API_REASON.matcher(r).matches());
  }

  @Test
  void successReasonsNeverCollideWithRejectionCodes() {
    List<String> rejections =
        Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList();
    assertThat(constants(Reasons.class))
        .doesNotContainAnyElementsOf(rejections)
        .doesNotHaveDuplicates();
  }

  @Test
  void conditionTypesAreTheDocumentedOnes() {
    assertThat(constants(Conditions.class))
        .contains("Validated", "Planned", "Committed", "Released", "DeploymentsRecorded", "Ready");
  }
}
