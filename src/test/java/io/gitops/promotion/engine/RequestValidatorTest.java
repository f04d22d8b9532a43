package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {
  private final RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());

  private static PromotionParameters params(
      String group, String from, String to, boolean force, String reason) {
    return new PromotionParameters("id-1", group, from, to, null, true, force, reason, "alice");
  }

  @ParameterizedTest
  @CsvSource({"DEV,TST", "TST,STG", "STG,PRD", "dev,tst"})
  void acceptsEachStepOfTheLinearPath(String from, String to) {
    PromotionRequest request = validator.validate(params("tbd-test", from, to, false, null));
    assertThat(request.source().name()).isEqualTo(from.toUpperCase());
    assertThat(request.target().name()).isEqualTo(to.toUpperCase());
    assertThat(request.force()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"TST,DEV", "DEV,STG", "DEV,PRD", "DFT,DEV", "PRD,STG"})
  void refusesAnyOtherPairWithoutForce(String from, String to) {
    assertThatThrownBy(() -> validator.validate(params("tbd-test", from, to, false, null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.NOT_ON_PROMOTION_PATH))
        .hasMessageContaining(from + " -> " + to)
        .hasMessageContaining("DEV -> TST -> STG -> PRD");
  }

  @Test
  void forceWithAReasonAllowsAnOutOfOrderPair() {
    PromotionRequest request =
        validator.validate(params("tbd-test", "STG", "DEV", true, "revert DEV to STG"));
    assertThat(request.force()).isTrue();
    assertThat(request.reason()).isEqualTo("revert DEV to STG");
  }

  @Test
  void forceNeedsAReason() {
    assertThatThrownBy(() -> validator.validate(params("tbd-test", "DEV", "PRD", true, "  ")))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.REASON_REQUIRED));
  }

  @Test
  void evenForceNeverPromotesAnEnvironmentOntoItself() {
    assertThatThrownBy(() -> validator.validate(params("tbd-test", "TST", "tst", true, "why not")))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.SAME_ENVIRONMENT));
  }

  @Test
  void refusesAnUnknownEnvironmentNamingTheKnownOnes() {
    assertThatThrownBy(() -> validator.validate(params("tbd-test", "DEV", "QA", false, null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVIRONMENT))
        .hasMessageContaining("'QA'")
        .hasMessageContaining("DFT, DEV, TST, STG, PRD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a/b", "/abs", "..", ".hidden", "a..b", "", "with space"})
  void refusesGroupNamesThatAreNotPlain(String group) {
    assertThatThrownBy(() -> validator.validate(params(group, "DEV", "TST", false, null)))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_NAME));
  }

  @Test
  void versionServiceIsPrefixedWithTheGroupAndMayBeGivenEitherWay() {
    PromotionParameters prefixed =
        new PromotionParameters(
            "id", "tbd-test", "DEV", "TST", "tbd-test/frontend", true, false, null, "a");
    PromotionParameters bare =
        new PromotionParameters("id", "tbd-test", "DEV", "TST", "frontend", true, false, null, "a");
    assertThat(validator.validate(prefixed).versionService()).isEqualTo("frontend");
    assertThat(validator.validate(bare).versionService()).isEqualTo("frontend");
  }

  @Test
  void refusesAVersionServiceOfAnotherGroup() {
    PromotionParameters other =
        new PromotionParameters(
            "id", "tbd-test", "DEV", "TST", "payments/api", true, false, null, "a");
    assertThatThrownBy(() -> validator.validate(other))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_NAME));
  }
}
