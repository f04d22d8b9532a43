package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.api.ApplicationTag;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Promotions applied with real kubectl, reconciled by the operator running as its ServiceAccount.
 */
class PromotionE2E {
  private static final Path DEV_TO_TST =
      Path.of("src/test/resources/e2e/promotion-dev-to-tst.yaml");
  private static final Path PAYMENTS_PREVIEW =
      Path.of("src/test/resources/e2e/promotion-payments-preview.yaml");
  private static final Path EXAMPLE_PREVIEW = Path.of("deploy/examples/promotion-preview.yaml");
  private static final Path EXAMPLE_APPROVE = Path.of("deploy/examples/promotion-approve.yaml");
  private static final Path EXAMPLE_FORCED = Path.of("deploy/examples/promotion-forced.yaml");

  @RegisterExtension final OperatorFixture cluster = new OperatorFixture();

  @Test
  void anAppliedPromotionSucceedsAndItsCommitIsTheHeadOfTheRepository() {
    GitOpsRepository repo = cluster.repository();
    int commits = repo.log().size();

    assertThat(cluster.apply(DEV_TO_TST).orThrow().stdout())
        .contains("promotion.promotion.gitops.io/tbd-test-dev-to-tst created");
    Promotion done = cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED);

    assertThat(repo.log()).hasSize(commits + 1);
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    RevCommit head = repo.log().get(0);
    assertThat(head.getFooterLines("Promotion-Id")).containsExactly(done.getMetadata().getUid());
    assertThat(head.getFooterLines("Requested-By")).containsExactly("release-manager");
    assertThat(head.getCommitterIdent().getName()).isEqualTo("promotion-operator");
    assertThat(done.getStatus().getChanges())
        .containsExactly(
            new ImageTagChange("backend", "tbd-test-backend", "1.2.0", "1.4.0"),
            new ImageTagChange("frontend", "tbd-test", "1.3.0", "1.5.0"));
    assertThat(repo.read("workloads/tbd-test/frontend/overlays/tst/values.yaml"))
        .contains("tag: \"1.5.0\"");
    assertThat(done.getStatus().getObservedGeneration())
        .isEqualTo(done.getMetadata().getGeneration());
    // The ServiceAccount may create events: kubectl describe shows the run.
    String described =
        cluster
            .kubectl()
            .run("-n", cluster.namespace(), "describe", "promotion", "tbd-test-dev-to-tst")
            .orThrow()
            .stdout();
    assertThat(described).contains("Succeeded", "Promote [DEV] v1.5.0 -> [TST] v1.3.0");
    // preState/postState are rows of {service, app, tag}, not "Tbd - Test:" headings of nested maps
    assertThat(described)
        .containsPattern(
            "Pre State:\\s+App:\\s+tbd-test-backend\\s+Service:\\s+backend\\s+Tag:\\s+1\\.2\\.0")
        .doesNotContain("Tbd - Test:");
    assertThat(done.getStatus().getPostState())
        .contains(new ApplicationTag("frontend", "tbd-test", "1.5.0"));
  }

  @Test
  void promotionsAppliedTogetherLandOneCommitEachInCreationOrder() {
    GitOpsRepository repo = cluster.repository();
    int commits = repo.log().size();
    List<String> pairs = List.of("DEV TST", "TST STG", "STG PRD");
    StringBuilder manifest = new StringBuilder();
    List<String> names = new java.util.ArrayList<>();
    for (String group : List.of("payments", "tbd-test")) {
      for (String pair : pairs) {
        String[] envs = pair.split(" ");
        String name =
            "b"
                + names.size()
                + "-"
                + group
                + "-"
                + envs[0].toLowerCase()
                + "-to-"
                + envs[1].toLowerCase();
        names.add(name);
        manifest
            .append(
                "---\napiVersion: promotion.gitops.io/v1alpha1\nkind: Promotion\nmetadata:\n  name: ")
            .append(name)
            .append("\nspec:\n  workloadGroup: ")
            .append(group)
            .append("\n  sourceEnv: ")
            .append(envs[0])
            .append("\n  targetEnv: ")
            .append(envs[1])
            .append("\n  dryRun: false\n");
      }
    }

    cluster.apply(manifest.toString()).orThrow();
    List<Promotion> done =
        names.stream().map(name -> cluster.awaitPromotion(name, Phase.SUCCEEDED)).toList();

    List<String> pushed =
        done.stream()
            .map(p -> p.getStatus().getCommit())
            .filter(java.util.Objects::nonNull)
            .toList();
    assertThat(pushed)
        .as("every promotion that changed something has a commit of its own")
        .doesNotHaveDuplicates();
    List<RevCommit> log = repo.log();
    assertThat(log).hasSize(commits + pushed.size());
    List<String> oldestFirst =
        new java.util.ArrayList<>(
            log.subList(0, pushed.size()).stream().map(RevCommit::getName).toList());
    java.util.Collections.reverse(oldestFirst);
    assertThat(pushed)
        .as("commits land in creation order (same second: by name)")
        .containsExactlyElementsOf(oldestFirst);
    assertThat(done)
        .allSatisfy(p -> assertThat(p.getStatus().getGit().getRoundTrips()).isPositive());
  }

  @Test
  void aPreviewApprovedWithKubectlPatchPushesExactlyThePreviewedChanges() throws IOException {
    GitOpsRepository repo = cluster.repository();
    String before = repo.head();
    cluster.apply(EXAMPLE_PREVIEW).orThrow();
    Promotion previewed = cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.PREVIEWED);
    assertThat(previewed.getSpec().isDryRun()).as("dryRun defaulted by the API server").isTrue();
    assertThat(previewed.getStatus().getDiff()).contains("+      tag: \"1.5.0\"");
    assertThat(repo.head()).isEqualTo(before);

    cluster
        .kubectl()
        .run(
            "-n",
            cluster.namespace(),
            "patch",
            "promotion",
            "tbd-test-dev-to-tst",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}")
        .orThrow();
    Promotion done = cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED);

    assertThat(done.getStatus().getChanges()).isEqualTo(previewed.getStatus().getChanges());
    assertThat(done.getStatus().getDiff()).isEqualTo(previewed.getStatus().getDiff());
    assertThat(done.getStatus().getPlanFingerprint())
        .isEqualTo(previewed.getStatus().getPlanFingerprint());
    assertThat(repo.log().get(1).getName()).isEqualTo(before);
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    Set<String> previewedFiles = filesIn(previewed.getStatus().getDiff());
    assertThat(previewedFiles).hasSize(2);
    assertThat(filesChangedBy(repo, done.getStatus().getCommit()))
        .as("the previewed overlays and the machine-owned state file, nothing else")
        .containsExactlyInAnyOrderElementsOf(
            concat(previewedFiles, "workloads/promote-state.yaml"));
    // The example's approval patch file is the same merge patch: applying it again changes nothing.
    assertThat(
            cluster
                .kubectl()
                .run(
                    "-n",
                    cluster.namespace(),
                    "patch",
                    "promotion",
                    "tbd-test-dev-to-tst",
                    "--type",
                    "merge",
                    "--patch-file",
                    EXAMPLE_APPROVE.toString())
                .orThrow()
                .stdout())
        .contains("(no change)");
  }

  @Test
  void kubectlGetPromotionsShowsGroupEnvironmentsVersionPhaseAndShortCommit() {
    cluster.apply(DEV_TO_TST).orThrow();
    cluster.apply(PAYMENTS_PREVIEW).orThrow();
    Promotion done = cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED);
    cluster.awaitPromotion("payments-dev-to-tst", Phase.PREVIEWED);

    KubectlTable table =
        KubectlTable.parse(
            cluster
                .kubectl()
                .run("-n", cluster.namespace(), "get", "promotions")
                .orThrow()
                .stdout());

    assertThat(table.header())
        .containsExactly(
            "NAME", "GROUP", "FROM", "TO", "VERSION", "PHASE", "COMMIT", "REQUEST", "AGE");
    Map<String, String> promoted = table.row("tbd-test-dev-to-tst");
    assertThat(promoted)
        .containsEntry("GROUP", "tbd-test")
        .containsEntry("FROM", "DEV")
        .containsEntry("TO", "TST")
        .containsEntry("VERSION", "1.5.0")
        .containsEntry("PHASE", "Succeeded")
        .containsEntry("COMMIT", done.getStatus().getCommit().substring(0, 8));
    assertThat(promoted.get("AGE")).matches("\\d+[smh]\\w*");
    assertThat(table.row("payments-dev-to-tst"))
        .containsEntry("GROUP", "payments")
        .containsEntry("VERSION", "2.3.1")
        .containsEntry("PHASE", "Previewed")
        .containsEntry("COMMIT", "");

    KubectlTable wide =
        KubectlTable.parse(
            cluster
                .kubectl()
                .run("-n", cluster.namespace(), "get", "promo", "-o", "wide")
                .orThrow()
                .stdout());
    assertThat(wide.header())
        .containsExactly(
            "NAME", "GROUP", "FROM", "TO", "VERSION", "PHASE", "COMMIT", "REQUEST", "AGE",
            "MESSAGE", "REPLICA");
    assertThat(wide.row("tbd-test-dev-to-tst").get("MESSAGE"))
        .isEqualTo(done.getStatus().getMessage());
    assertThat(wide.row("tbd-test-dev-to-tst").get("REPLICA"))
        .isNotBlank()
        .isEqualTo(done.getStatus().getReplica());
  }

  @Test
  void theForcedExampleSkipsThePathAndRecordsItsReason() {
    cluster.apply(EXAMPLE_FORCED).orThrow();
    Promotion done = cluster.awaitPromotion("tbd-test-hotfix-dev-to-prd", Phase.SUCCEEDED);
    assertThat(done.getStatus().getTitle()).endsWith("(FORCED)");
    assertThat(cluster.repository().log().get(0).getFooterLines("Forced"))
        .singleElement()
        .asString()
        .startsWith("INC-4711");
    assertThat(cluster.repository().read("workloads/tbd-test/frontend/overlays/prd/values.yaml"))
        .contains("tag: \"1.5.0\"");
  }

  private static Set<String> concat(Set<String> files, String file) {
    Set<String> all = new TreeSet<>(files);
    all.add(file);
    return all;
  }

  private static Set<String> filesIn(String unifiedDiff) {
    Set<String> files = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\+\\+\\+ b/(\\S+)").matcher(unifiedDiff);
    while (m.find()) {
      files.add(m.group(1));
    }
    return files;
  }

  private static Set<String> filesChangedBy(GitOpsRepository repo, String commit)
      throws IOException {
    try (Git git = Git.open(repo.bareDir().toFile());
        RevWalk walk = new RevWalk(git.getRepository());
        ObjectReader reader = git.getRepository().newObjectReader()) {
      Repository db = git.getRepository();
      RevCommit c = walk.parseCommit(db.resolve(commit));
      List<DiffEntry> entries;
      try {
        CanonicalTreeParser parent =
            new CanonicalTreeParser(null, reader, walk.parseCommit(c.getParent(0)).getTree());
        CanonicalTreeParser self = new CanonicalTreeParser(null, reader, c.getTree());
        entries = git.diff().setOldTree(parent).setNewTree(self).call();
      } catch (GitAPIException e) {
        throw new IOException(e);
      }
      Set<String> files = new TreeSet<>();
      entries.forEach(e -> files.add(e.getNewPath()));
      return files;
    }
  }
}
