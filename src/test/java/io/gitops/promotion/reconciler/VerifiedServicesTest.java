package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.VerificationStatus;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Verification checks every service a promotion changed, also when the status holds only the first
 * {@link PromotionStatus#MAX_CHANGE_ROWS} of its changes.
 */
class VerifiedServicesTest {

  @Test
  void theServicesRecordedWhenVerificationStartedAreVerifiedAllOfThem() {
    List<ImageTagChange> all =
        IntStream.range(0, 2 * PromotionStatus.MAX_CHANGE_ROWS)
            .mapToObj(i -> new ImageTagChange("svc-" + i / 2, "app-" + i, "1.0.0", "1.1.0"))
            .toList();
    List<String> services = all.stream().map(ImageTagChange::service).distinct().toList();
    PromotionStatus status = new PromotionStatus();
    status.setBoundedChanges(all);
    VerificationStatus verification = new VerificationStatus();
    verification.setServices(services);
    status.setVerification(verification);

    assertThat(status.getChangesTruncated()).isTrue();
    assertThat(VerificationStage.verifiedServices(status))
        .hasSize(PromotionStatus.MAX_CHANGE_ROWS)
        .isEqualTo(services);
  }

  @Test
  void aStatusWrittenBeforeServicesWereRecordedVerifiesTheServicesOfItsChanges() {
    PromotionStatus status = new PromotionStatus();
    status.setChanges(
        List.of(
            new ImageTagChange("backend", "api", "1", "2"),
            new ImageTagChange("backend", "worker", "1", "2"),
            new ImageTagChange("frontend", "web", "3", "4")));
    VerificationStatus verification = new VerificationStatus();
    verification.setDeadline("2026-12-04T12:00:00Z");
    status.setVerification(verification);

    assertThat(VerificationStage.verifiedServices(status)).containsExactly("backend", "frontend");
  }
}
