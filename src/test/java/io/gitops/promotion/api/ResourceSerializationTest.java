package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resources read and write the JSON the CRDs describe, as kubectl users write it. */
class ResourceSerializationTest {
  @Test
  void readsAPromotionManifestWithDefaults() {
    Promotion promotion =
        Serialization.unmarshal(
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata: {name: tbd-test-dev-to-tst, namespace: releases}
        spec: {workloadGroup: tbd-test, sourceEnv: DEV, targetEnv: TST}
        """,
            Promotion.class);
    assertThat(promotion.getSpec().getWorkloadGroup()).isEqualTo("tbd-test");
    assertThat(promotion.getSpec().isDryRun()).isTrue();
    assertThat(promotion.getSpec().isForce()).isFalse();
    assertThat(promotion.getSpec().getRepository()).isNull();
  }

  @Test
  void writesPhasesAndResultsByTheirApiNames() {
    PromotionStatus status = new PromotionStatus();
    status.setPhase(Phase.PREVIEWED);
    status.setChanges(List.of(new ImageTagChange("frontend", "web", "1.3.0", "1.5.0")));
    status.setPreState(List.of(new ApplicationTag("frontend", "web", "1.3.0")));
    String json = Serialization.asJson(status);
    assertThat(json)
        .contains("\"phase\":\"Previewed\"")
        .contains("\"preState\":[{\"service\":\"frontend\",\"app\":\"web\",\"tag\":\"1.3.0\"}]")
        .contains("{\"service\":\"frontend\",\"app\":\"web\",\"from\":\"1.3.0\",\"to\":\"1.5.0\"}")
        .doesNotContain("null")
        .doesNotContain("commit");

    PromotionRollbackStatus rollback = new PromotionRollbackStatus();
    rollback.setResult(RollbackStatusResult.NOTHING_TO_ROLL_BACK);
    rollback.setConflicts(
        List.of(new RollbackConflict("backend", "api", "1.5.0", "1.5.1", "1.3.0")));
    PromotionRollbackStatus read =
        Serialization.unmarshal(Serialization.asJson(rollback), PromotionRollbackStatus.class);
    assertThat(read.getResult()).isEqualTo(RollbackStatusResult.NOTHING_TO_ROLL_BACK);
    assertThat(read.getConflicts())
        .containsExactly(new RollbackConflict("backend", "api", "1.5.0", "1.5.1", "1.3.0"));
  }

  @Test
  void readsPreAndPostStateAsRowsAndInTheMapFormStoredBeforeTheyBecameLists() {
    PromotionStatus rows =
        Serialization.unmarshal(
            "{\"preState\":[{\"service\":\"frontend\",\"app\":\"web\",\"tag\":\"1.3.0\"}]}",
            PromotionStatus.class);
    assertThat(rows.getPreState()).containsExactly(new ApplicationTag("frontend", "web", "1.3.0"));

    PromotionStatus stored =
        Serialization.unmarshal(
            """
        {"preState": {"tbd-test": {"frontend": {"web": "1.3.0"}, "backend": {"api": "1.2.0", "worker": "1.2.1"}}},
         "postState": {"tbd-test": {"frontend": {"web": "1.5.0"}}}}
        """,
            PromotionStatus.class);
    assertThat(stored.getPreState())
        .containsExactly(
            new ApplicationTag("frontend", "web", "1.3.0"),
            new ApplicationTag("backend", "api", "1.2.0"),
            new ApplicationTag("backend", "worker", "1.2.1"));
    assertThat(stored.getPostState())
        .containsExactly(new ApplicationTag("frontend", "web", "1.5.0"));
  }

  @Test
  void readsPhaseNamesBack() {
    PromotionStatus status =
        Serialization.unmarshal(
            "{\"phase\":\"Succeeded\",\"commit\":\"0123456789abcdef\"}", PromotionStatus.class);
    assertThat(status.getPhase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(status.getShortCommit()).isEqualTo("01234567");
  }

  @Test
  void shortCommitFollowsTheCommit() {
    PromotionStatus status = new PromotionStatus();
    status.setCommit("9f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6");
    assertThat(status.getShortCommit()).isEqualTo("9f1c2d3e");
    status.setCommit(null);
    assertThat(status.getShortCommit()).isNull();
  }

  @Test
  void boundsTheDiffAtALineEnd() {
    PromotionStatus status = new PromotionStatus();
    status.setBoundedDiff("small\n");
    assertThat(status.getDiff()).isEqualTo("small\n");
    assertThat(status.getDiffTruncated()).isFalse();

    String line = "+    tag: \"1.5.0\"\n";
    String big = line.repeat(RunStatus.MAX_DIFF_CHARS / line.length() + 10);
    status.setBoundedDiff(big);
    assertThat(status.getDiffTruncated()).isTrue();
    assertThat(status.getDiff()).hasSizeLessThanOrEqualTo(RunStatus.MAX_DIFF_CHARS).endsWith("\n");
    assertThat(status.getDiff().length() % line.length()).isZero();
  }

  @Test
  void boundsTheStateSnapshotsOfALargeGroup() {
    PromotionStatus small = new PromotionStatus();
    List<ApplicationTag> two =
        List.of(
            new ApplicationTag("svc-a", "web", "1.0.0"), new ApplicationTag("svc-b", "web", "2"));
    small.setBoundedState(two, two);
    assertThat(small.getPreState()).isEqualTo(two);
    assertThat(small.getPostState()).isEqualTo(two);
    assertThat(small.getStateTruncated()).isFalse();

    List<ApplicationTag> many =
        java.util.stream.IntStream.range(0, PromotionStatus.MAX_STATE_ROWS + 1)
            .mapToObj(i -> new ApplicationTag("svc-" + i, "web", "1.0." + i))
            .toList();
    PromotionStatus large = new PromotionStatus();
    large.setBoundedState(many, many);
    assertThat(large.getStateTruncated()).isTrue();
    assertThat(large.getPreState())
        .hasSize(PromotionStatus.MAX_STATE_ROWS)
        .isEqualTo(many.subList(0, PromotionStatus.MAX_STATE_ROWS));
    assertThat(large.getPostState()).hasSize(PromotionStatus.MAX_STATE_ROWS);
    assertThat(Serialization.asJson(large)).contains("\"stateTruncated\":true");

    PromotionStatus none = new PromotionStatus();
    none.setBoundedState(null, null);
    assertThat(none.getStateTruncated()).isNull();
  }

  @Test
  void boundsTheChangesOfALargeGroup() {
    PromotionStatus small = new PromotionStatus();
    List<ImageTagChange> two =
        List.of(
            new ImageTagChange("svc-a", "web", "1.0.0", "1.1.0"),
            new ImageTagChange("svc-b", "web", "2", "3"));
    small.setBoundedChanges(two);
    assertThat(small.getChanges()).isEqualTo(two);
    assertThat(small.getChangesTruncated()).isFalse();

    List<ImageTagChange> many =
        java.util.stream.IntStream.range(0, PromotionStatus.MAX_CHANGE_ROWS + 1)
            .mapToObj(i -> new ImageTagChange("svc-" + i, "web", "1.0." + i, "1.1." + i))
            .toList();
    PromotionStatus large = new PromotionStatus();
    large.setBoundedChanges(many);
    assertThat(large.getChangesTruncated()).isTrue();
    assertThat(large.getChanges())
        .hasSize(PromotionStatus.MAX_CHANGE_ROWS)
        .isEqualTo(many.subList(0, PromotionStatus.MAX_CHANGE_ROWS));
    assertThat(Serialization.asJson(large)).contains("\"changesTruncated\":true");

    PromotionStatus none = new PromotionStatus();
    none.setBoundedChanges(null);
    assertThat(none.getChangesTruncated()).isNull();
  }

  @Test
  void boundsTheRestorationsOfALargeRollback() {
    List<ImageTagChange> many =
        java.util.stream.IntStream.range(0, PromotionStatus.MAX_CHANGE_ROWS + 1)
            .mapToObj(i -> new ImageTagChange("svc-" + i, "web", "1.1." + i, "1.0." + i))
            .toList();
    PromotionRollbackStatus large = new PromotionRollbackStatus();
    large.setBoundedRestored(many);
    assertThat(large.getRestoredTruncated()).isTrue();
    assertThat(large.getRestored()).isEqualTo(many.subList(0, PromotionStatus.MAX_CHANGE_ROWS));
    assertThat(Serialization.asJson(large)).contains("\"restoredTruncated\":true");

    PromotionRollbackStatus small = new PromotionRollbackStatus();
    small.setBoundedRestored(many.subList(0, 2));
    assertThat(small.getRestored()).hasSize(2);
    assertThat(small.getRestoredTruncated()).isFalse();
  }
}
