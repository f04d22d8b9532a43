package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each layout end to end through the command line, on the example repositories of {@code
 * hack/examples/<layout>/} served by a real Git smart-HTTP server with authentication, with the
 * layout read from the example's operator configuration ({@code --config ... --repository shop}).
 */
class LayoutsCommandIT {
  private static final Map<String, String> CREDENTIALS =
      Map.of("GIT_USERNAME", "deployer", "GIT_PASSWORD", "s3cret");
  private static final String D_DEV = "sha256:" + "5e".repeat(32);
  private static final String D_TST = "sha256:" + "3c".repeat(32);

  @TempDir Path dir;

  private static CliRun cli(String layout, String command, String url, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--repo",
                url,
                "--group",
                "shop",
                "--config",
                "hack/examples/" + layout + "/operator.yaml",
                "--repository",
                "shop",
                "--requested-by",
                "alice"));
    args.addAll(Arrays.asList(more));
    return CliRun.of(CREDENTIALS, args.toArray(String[]::new));
  }

  private GitOpsRepository example(String layout) {
    return GitOpsRepository.create(
        dir, layout + ".git", Path.of("hack/examples/" + layout + "/repository"));
  }

  @Test
  void kustomizePromotesTagsAndDigestsAddsAMissingNewTagAndRollsBack() throws Exception {
    GitOpsRepository repo = example("kustomize");
    String web = "apps/web/overlays/tst/kustomization.yaml";
    String api = "apps/api/overlays/tst/kustomization.yaml";
    String webBefore = repo.read(web);
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret")) {
      String url = server.url("kustomize.git");
      String head = repo.head();

      CliRun preview = cli("kustomize", "promote", url, "--from", "DEV", "--to", "TST");
      assertThat(preview.code()).as(preview.both()).isZero();
      assertThat(preview.out())
          .startsWith("Preview [DEV] v1.4.0 -> [TST] (none)")
          .contains("harbor.example.com/shop/web  1.3.0@" + D_TST + "  1.5.0@" + D_DEV)
          .contains("image 'harbor.example.com/shop/api' had no newTag; added after its name")
          .contains("+images: [{name: harbor.example.com/shop/api, newTag: 1.4.0}]");
      assertThat(repo.head()).isEqualTo(head);

      CliRun promoted =
          cli("kustomize", "promote", url, "--from", "DEV", "--to", "TST", "--dry-run=false");
      assertThat(promoted.code()).as(promoted.both()).isZero();
      assertThat(repo.read(web))
          .isEqualTo(webBefore.replace("1.3.0", "1.5.0").replace(D_TST, D_DEV));
      assertThat(repo.read(api))
          .contains("images: [{name: harbor.example.com/shop/api, newTag: 1.4.0}]");
      assertThat(repo.read("promote-state.yaml"))
          .contains("1.5.0@" + D_DEV)
          .contains("1.3.0@" + D_TST);

      CliRun rolledBack =
          CliRun.of(
              CREDENTIALS,
              "rollback",
              "--repo",
              url,
              "--group",
              "shop",
              "--env",
              "TST",
              "--config",
              "hack/examples/kustomize/operator.yaml",
              "--repository",
              "shop",
              "--dry-run=false");
      assertThat(rolledBack.code()).as(rolledBack.both()).isZero();
      assertThat(repo.read(web)).isEqualTo(webBefore);
      assertThat(repo.log()).hasSize(3);
    }
  }

  @Test
  void kustomizeRefusesAnUnpinnedImageIntoAnEnvironmentRequiringDigests() throws Exception {
    GitOpsRepository repo = example("kustomize");
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret")) {
      String head = repo.head();
      CliRun refused =
          cli(
              "kustomize",
              "promote",
              server.url("kustomize.git"),
              "--from",
              "STG",
              "--to",
              "PRD",
              "--dry-run=false");
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err())
          .startsWith(
              "rejected (DigestRequired): PRD requires images pinned to a digest, but"
                  + " application harbor.example.com/shop/api of service api has none");
      assertThat(repo.head()).isEqualTo(head);
    }
  }

  @Test
  void argoCdApplicationsPromoteTheChartVersionBetweenClusters() throws Exception {
    GitOpsRepository repo = example("argocd");
    String frontend = "registry/environments/prd/eu-prod-1/frontend.yaml";
    String backend = "registry/environments/prd/eu-prod-1/backend.yaml";
    String frontendBefore = repo.read(frontend);
    String backendBefore = repo.read(backend);
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret")) {
      CliRun promoted =
          cli(
              "argocd",
              "promote",
              server.url("argocd.git"),
              "--from",
              "STG",
              "--to",
              "PRD",
              "--dry-run=false");
      assertThat(promoted.code()).as(promoted.both()).isZero();
      assertThat(promoted.out()).startsWith("Promote [STG] v1.2.0 -> [PRD] v1.1.0");
      assertThat(repo.read(frontend))
          .isEqualTo(frontendBefore.replace("targetRevision: 1.2.0 ", "targetRevision: 1.3.0 "));
      assertThat(repo.read(backend))
          .isEqualTo(
              backendBefore.replace("targetRevision: \"1.1.0\"", "targetRevision: \"1.2.0\""));
      assertThat(repo.read("promote-state.yaml")).contains("PRD").contains("frontend");
    }
  }

  @Test
  void helmValuesPromoteTagsDigestsAndTheTagOfAnImageReference() throws Exception {
    GitOpsRepository repo = example("helm");
    String web = "charts/shop/web/values-tst.yaml";
    String webBefore = repo.read(web);
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret")) {
      CliRun promoted =
          cli(
              "helm",
              "promote",
              server.url("helm.git"),
              "--from",
              "DEV",
              "--to",
              "TST",
              "--dry-run=false");
      assertThat(promoted.code()).as(promoted.both()).isZero();
      assertThat(repo.read(web))
          .isEqualTo(webBefore.replace("1.3.0", "1.5.0").replace(D_TST, D_DEV));
      assertThat(repo.read("charts/shop/api/values-tst.yaml")).contains("tag: \"1.4.0\"");
    }
  }

  @Test
  void aRepositoryTheConfigurationDoesNotHaveIsARejectedRequest() {
    GitOpsRepository repo = example("helm");
    CliRun unknown =
        CliRun.of(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "shop",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--config",
            "hack/examples/helm/operator.yaml",
            "--repository",
            "payments");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith(
            "rejected (UnknownRepository): --repository 'payments' is not in"
                + " hack/examples/helm/operator.yaml; it has shop");
    CliRun withoutConfig =
        CliRun.of(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "shop",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--repository",
            "shop");
    assertThat(withoutConfig.code()).isEqualTo(2);
    assertThat(withoutConfig.err()).contains("--repository 'shop' needs --config");
  }
}
