package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.LayoutSettings;
import io.gitops.promotion.layout.Layouts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner over each templated layout: what it changes, what it warns about, what it refuses.
 */
class LayoutPlannerTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);
  private static final String KUSTOMIZE_PATH = "apps/{service}/overlays/{env}/kustomization.yaml";

  private static Layout kustomize(Set<String> requireDigest) {
    return Layouts.of(
            new LayoutSettings(
                "kustomize",
                KUSTOMIZE_PATH,
                Map.of("shop", List.of("web", "api", "cart")),
                Map.of(),
                null,
                false,
                List.of(),
                requireDigest),
            "")
        .orElseThrow();
  }

  private static PromotionRequest request(String from, String to) {
    return new RequestValidator(EnvironmentCatalog.defaults())
        .validate(
            new PromotionParameters("p-1", "shop", from, to, null, false, true, "test", "alice"));
  }

  private static String images(String... entries) {
    return "images:\n" + String.join("", entries);
  }

  private static String image(String name, String tag, String digest) {
    return "  - name: "
        + name
        + "\n"
        + (tag == null ? "" : "    newTag: " + tag + "\n")
        + (digest == null ? "" : "    digest: " + digest + "\n");
  }

  @Test
  void kustomizeCopiesTagsAndDigestsByImageNameAndNeverInventsAFile() {
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "apps/web/overlays/dev/kustomization.yaml",
                    images(image("web", "1.5.0", D2), image("sidecar", "2.0.0", null)),
                "apps/web/overlays/tst/kustomization.yaml",
                    images(image("sidecar", "1.0.0", null), image("web", "1.3.0", D1)),
                "apps/api/overlays/dev/kustomization.yaml",
                    images(image("api", "1.4.0", null), image("debug", "0.1", null)),
                "apps/api/overlays/tst/kustomization.yaml", images(image("api", null, null)),
                "apps/cart/overlays/dev/kustomization.yaml", images(image("cart", "3.0.0", null))));

    PromotionPlan plan = new Planner(kustomize(Set.of())).plan(request("DEV", "TST"), files);

    assertThat(plan.changes())
        .containsExactly(
            new TagChange("api", "api", null, "1.4.0"),
            new TagChange("web", "web", "1.3.0@" + D1, "1.5.0@" + D2),
            new TagChange("web", "sidecar", "1.0.0", "2.0.0"));
    assertThat(plan.postState().tag("web", "web")).contains("1.5.0@" + D2);
    assertThat(plan.preState().tag("api", "api")).isEmpty();
    assertThat(plan.version()).isEqualTo("1.4.0");
    assertThat(plan.edits())
        .extracting(FileEdit::path)
        .containsExactly(
            "apps/api/overlays/tst/kustomization.yaml", "apps/web/overlays/tst/kustomization.yaml");
    assertThat(plan.edits().get(0).after()).isEqualTo(images("  - name: api\n    newTag: 1.4.0\n"));
    assertThat(plan.warnings())
        .containsExactly(
            "application debug of service api is not in the TST overlay; skipped",
            "apps/api/overlays/tst/kustomization.yaml: image 'api' had no newTag; added after its name",
            "service cart has no TST overlay (apps/cart/overlays/tst/kustomization.yaml); skipped");
  }

  @Test
  void anEnvironmentRequiringDigestsRefusesAnImageWithoutOneNamingIt() {
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "apps/web/overlays/stg/kustomization.yaml", images(image("web", "1.5.0", D2)),
                "apps/web/overlays/prd/kustomization.yaml", images(image("web", "1.3.0", D1)),
                "apps/api/overlays/stg/kustomization.yaml", images(image("api", "1.4.0", null)),
                "apps/api/overlays/prd/kustomization.yaml", images(image("api", "1.2.0", null))));

    assertThatThrownBy(
            () -> new Planner(kustomize(Set.of("PRD"))).plan(request("STG", "PRD"), files))
        .isInstanceOf(RequestRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", RejectionReason.DIGEST_REQUIRED)
        .hasMessage(
            "PRD requires images pinned to a digest, but application api of service api has none in"
                + " apps/api/overlays/stg/kustomization.yaml (1.4.0)");
    assertThat(new Planner(kustomize(Set.of("TST"))).plan(request("STG", "PRD"), files).changes())
        .hasSize(2);
    InMemoryFiles apiUnchanged =
        new InMemoryFiles(
            Map.of(
                "apps/web/overlays/stg/kustomization.yaml", images(image("web", "1.5.0", D2)),
                "apps/web/overlays/prd/kustomization.yaml", images(image("web", "1.3.0", D1)),
                "apps/api/overlays/stg/kustomization.yaml", images(image("api", "1.2.0", null)),
                "apps/api/overlays/prd/kustomization.yaml", images(image("api", "1.2.0", null))));
    assertThat(
            new Planner(kustomize(Set.of("PRD")))
                .plan(request("STG", "PRD"), apiUnchanged)
                .changes())
        .as("an application that does not move is not promoted, pinned or not")
        .containsExactly(new TagChange("web", "web", "1.3.0@" + D1, "1.5.0@" + D2));
  }

  @Test
  void aMalformedDigestIsRefusedInEveryEnvironment() {
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "apps/web/overlays/dev/kustomization.yaml",
                    images(image("web", "1.5.0", "sha256:ABC")),
                "apps/web/overlays/tst/kustomization.yaml", images(image("web", "1.3.0", D1))));

    assertThatThrownBy(() -> new Planner(kustomize(Set.of())).plan(request("DEV", "TST"), files))
        .isInstanceOf(RequestRejectedException.class)
        .hasFieldOrPropertyWithValue("reason", RejectionReason.INVALID_OVERLAY)
        .hasMessageContaining(
            "application web of service web: the digest 'sha256:ABC' is not valid");
  }

  @Test
  void aDigestTheTargetPinsButTheSourceLacksIsRefusedRatherThanLeftStale() {
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "apps/web/overlays/dev/kustomization.yaml", images(image("web", "1.5.0", null)),
                "apps/web/overlays/tst/kustomization.yaml", images(image("web", "1.3.0", D1))));

    assertThatThrownBy(() -> new Planner(kustomize(Set.of())).plan(request("DEV", "TST"), files))
        .hasFieldOrPropertyWithValue("reason", RejectionReason.INVALID_OVERLAY)
        .hasMessageContaining(
            "image 'web' has a digest here but the value to write (1.5.0) has none");
  }

  @Test
  void argoCdApplicationsArePromotedBetweenClustersByChart() {
    Layout layout =
        Layouts.of(
                new LayoutSettings(
                    "argocdApplication",
                    "registry/environments/{env}/{cluster}/{service}.yaml",
                    Map.of("shop", List.of("frontend", "backend")),
                    Map.of("STG", "eu-stg", "PRD", "eu-prod-1"),
                    null,
                    false,
                    List.of(),
                    Set.of()),
                "")
            .orElseThrow();
    String app =
        """
        kind: Application
        metadata: {name: frontend}
        spec:
          sources:
            - {repoURL: https://git.example.com/values.git, ref: values, targetRevision: main}
            - {repoURL: https://charts.example.com, chart: frontend, targetRevision: %s}
        """;
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "registry/environments/stg/eu-stg/frontend.yaml", app.formatted("1.5.0"),
                "registry/environments/prd/eu-prod-1/frontend.yaml", app.formatted("1.3.0"),
                "registry/environments/stg/eu-stg/backend.yaml",
                    app.formatted("2.0.0").replace("frontend", "backend")));

    PromotionPlan plan = new Planner(layout).plan(request("STG", "PRD"), files);

    assertThat(plan.changes())
        .containsExactly(new TagChange("frontend", "frontend", "1.3.0", "1.5.0"));
    assertThat(plan.edits())
        .singleElement()
        .satisfies(
            edit -> {
              assertThat(edit.path())
                  .isEqualTo("registry/environments/prd/eu-prod-1/frontend.yaml");
              assertThat(edit.after()).isEqualTo(app.formatted("1.5.0"));
            });
    assertThat(plan.warnings())
        .containsExactly(
            "service backend has no PRD overlay (registry/environments/prd/eu-prod-1/backend.yaml); skipped");
  }

  @Test
  void helmValuesPathsAreFoundInServiceDirectoriesOfTheGroup() {
    Layout layout =
        Layouts.of(
                new LayoutSettings(
                    "helmValues",
                    "charts/{group}/{service}/values-{env}.yaml",
                    Map.of(),
                    Map.of(),
                    null,
                    false,
                    List.of("image.tag", "worker.image"),
                    Set.of()),
                "")
            .orElseThrow();
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "charts/shop/web/values-dev.yaml",
                "image:\n  tag: 1.5.0\nworker:\n  image: r.example.com/w:1.5.0@" + D2 + "\n",
                "charts/shop/web/values-tst.yaml",
                "image:\n  tag: 1.3.0\nworker:\n  image: r.example.com/w:1.3.0\n"));

    PromotionPlan plan = new Planner(layout).plan(request("DEV", "TST"), files);

    assertThat(plan.changes())
        .containsExactly(
            new TagChange("web", "image.tag", "1.3.0", "1.5.0"),
            new TagChange("web", "worker.image", "1.3.0", "1.5.0@" + D2));
    assertThat(plan.edits().get(0).after())
        .isEqualTo("image:\n  tag: 1.5.0\nworker:\n  image: r.example.com/w:1.5.0@" + D2 + "\n");
  }

  @Test
  void aGroupTheLayoutDoesNotListIsNotFoundAndTheMessageSaysWhereItLooked() {
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of("apps/web/overlays/dev/kustomization.yaml", images(image("web", "1", null))));
    PromotionRequest payments =
        new RequestValidator(EnvironmentCatalog.defaults())
            .validate(
                new PromotionParameters(
                    "p-2", "payments", "DEV", "TST", null, true, false, null, "alice"));

    assertThatThrownBy(() -> new Planner(kustomize(Set.of())).plan(payments, files))
        .hasFieldOrPropertyWithValue("reason", RejectionReason.GROUP_NOT_FOUND)
        .hasMessage(
            "workload group 'payments' has no service with a DEV overlay under "
                + KUSTOMIZE_PATH
                + " (payments is not a configured group; groups: shop)");
  }

  @Test
  void overlaysCopyImageDigestWithTheTagAndRequireItWhereConfigured() {
    Layout overlays =
        Layouts.of(
                new LayoutSettings(
                    "overlays", null, Map.of(), Map.of(), null, false, List.of(), Set.of("PRD")),
                "workloads")
            .orElseThrow();
    String values = "applications:\n  - name: web\n    image:\n      tag: %s\n      digest: %s\n";
    InMemoryFiles files =
        new InMemoryFiles(
            Map.of(
                "workloads/shop/web/overlays/stg/values.yaml", values.formatted("1.5.0", D2),
                "workloads/shop/web/overlays/prd/values.yaml", values.formatted("1.3.0", D1)));

    PromotionPlan plan = new Planner(overlays).plan(request("STG", "PRD"), files);

    assertThat(plan.changes())
        .containsExactly(new TagChange("web", "web", "1.3.0@" + D1, "1.5.0@" + D2));
    assertThat(plan.version()).isEqualTo("1.5.0");
    assertThat(PromotionTitle.of(plan)).isEqualTo("Promote [STG] v1.5.0 -> [PRD] v1.3.0 (FORCED)");
    assertThat(plan.edits().get(0).after()).isEqualTo(values.formatted("1.5.0", D2));
    InMemoryFiles unpinned =
        new InMemoryFiles(
            Map.of(
                "workloads/shop/web/overlays/stg/values.yaml",
                "applications:\n  - name: web\n    image: {tag: 1.5.0}\n",
                "workloads/shop/web/overlays/prd/values.yaml",
                values.formatted("1.3.0", D1)));
    assertThatThrownBy(() -> new Planner(overlays).plan(request("STG", "PRD"), unpinned))
        .hasFieldOrPropertyWithValue("reason", RejectionReason.DIGEST_REQUIRED);
  }
}
