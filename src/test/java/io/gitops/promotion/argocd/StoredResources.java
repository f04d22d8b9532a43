package io.gitops.promotion.argocd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RollbackStatusResult;
import io.gitops.promotion.api.RunStatus;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Promotions and PromotionRollbacks built with the operator's API classes, and their JSON as the
 * API server stores it and Argo CD reads it.
 */
final class StoredResources {
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredResources() {}

  static JsonNode asStored(HasMetadata resource) {
    try {
      return JSON.readTree(Serialization.asJson(resource));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Promotion promotion(long generation, boolean dryRun) {
    Promotion p = new Promotion();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName("tbd-test-dev-to-tst")
            .withNamespace("apps")
            .withGeneration(generation)
            .withCreationTimestamp(Conditions.timestamp(NOW))
            .build());
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(dryRun);
    p.setSpec(spec);
    p.setStatus(new PromotionStatus());
    return p;
  }

  /**
   * A dry run ended as the operator ends one: phase Previewed, Ready true, the plan's fingerprint.
   */
  static Promotion previewed(Promotion p) {
    p.getStatus().setTitle("Preview [DEV] v1.5.0 -> [TST] v1.3.0");
    p.getStatus().setPlanFingerprint("sha256:4c1f0b2e");
    update(
        p,
        Phase.PREVIEWED,
        Reasons.PREVIEWED,
        "preview ready: set spec.dryRun to false to execute this plan",
        Conditions.TRUE);
    return p;
  }

  static PromotionRollback rollback(boolean dryRun) {
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName("tbd-test-dev-to-tst-rollback")
            .withNamespace("apps")
            .withGeneration(1L)
            .withCreationTimestamp(Conditions.timestamp(NOW))
            .build());
    PromotionRollbackSpec spec = new PromotionRollbackSpec();
    spec.setPromotionRef(new PromotionRef("tbd-test-dev-to-tst"));
    spec.setDryRun(dryRun);
    r.setSpec(spec);
    r.setStatus(new PromotionRollbackStatus());
    return r;
  }

  static PromotionRollback withResult(PromotionRollback r, RollbackStatusResult result) {
    r.getStatus().setResult(result);
    r.getStatus().setPromotionId("7d0c1e52-1a3b-4c5d-9e8f-0a1b2c3d4e5f");
    return r;
  }

  /**
   * Writes phase, reason, message, observedGeneration and the Ready condition as the reconciler
   * does; Ready Unknown with reason Retrying is how it reports a retry.
   */
  static <T extends HasMetadata> T update(
      T resource, Phase phase, String reason, String message, String ready) {
    RunStatus status =
        resource instanceof Promotion p
            ? p.getStatus()
            : ((PromotionRollback) resource).getStatus();
    Long generation = resource.getMetadata().getGeneration();
    status.setPhase(phase);
    status.setReason(reason);
    status.setMessage(message);
    status.setObservedGeneration(generation);
    status.setCondition(Conditions.READY, ready, reason, message, generation, NOW);
    return resource;
  }
}
