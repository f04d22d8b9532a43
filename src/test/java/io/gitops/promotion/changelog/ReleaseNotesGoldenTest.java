package io.gitops.promotion.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commits in, release description out, compared byte for byte with {@code
 * src/test/resources/changelog/<case>/expected.md}.
 */
class ReleaseNotesGoldenTest {

  private final CommitClassifier classifier = new CommitClassifier();

  @Test
  void reproducesTheSpecificationExample() throws IOException {
    String notes =
        ReleaseNotes.render(
            "Promotion: tbd-test [DEV] v1.5.0 → [TST] v1.3.0",
            List.of(
                new ReleasedApplication("frontend", "tbd-test", "1.3.0", "1.5.0"),
                new ReleasedApplication("backend", "tbd-test-backend", "1.2.0", "1.4.0")),
            List.of(
                changelog(
                    "tbd-test",
                    "1.3.0",
                    "1.5.0",
                    commit("feat: add user dashboard"),
                    merge("Merge branch 'feature/dashboard' into 'main'"),
                    commit("fix: resolve login timeout"),
                    commit("docs: describe the dashboard"),
                    commit("feat: add health check endpoint"),
                    commit("chore(release): 1.5.0")),
                changelog(
                    "tbd-test-backend",
                    "1.2.0",
                    "1.4.0",
                    commit("test: cover info endpoint"),
                    commit("feat: add /api/info endpoint"))));

    assertThat(notes).isEqualTo(expected("spec-example"));
  }

  @Test
  void rendersBreakingChangesScopesRemovalsAndQuietApplications() throws IOException {
    String notes =
        ReleaseNotes.render(
            "Promotion: shop [DEV] v2.0.0 → [STG] v1.4.0",
            List.of(
                new ReleasedApplication("frontend", "shop", "1.4.0", "2.0.0"),
                new ReleasedApplication("api", "shop-api", "3.1.0", "4.0.0"),
                new ReleasedApplication("admin", "shop-admin", "0.9.0", "0.9.1"),
                new ReleasedApplication("worker", "shop-worker", null, "1.0.0")),
            List.of(
                changelog(
                    "shop",
                    "1.4.0",
                    "2.0.0",
                    commit("feat(cart)!: replace checkout flow"),
                    commit("fix(cart): keep items after login"),
                    commit("refactor: Drop jQuery"),
                    merge("Merge branch 'feature/cart' into 'main'"),
                    commit("perf(images): lazy-load thumbnails"),
                    commit("chore(deps): bump react"),
                    commit("Revert \"feat: add wishlist\"")),
                changelog(
                    "shop-api",
                    "3.1.0",
                    "4.0.0",
                    new CommitMessage(
                        "a1",
                        "feat: add /v2/orders",
                        "feat: add /v2/orders\n\nBREAKING CHANGE: clients must send a page",
                        1),
                    commit("feat(orders)!: remove /v1/orders"),
                    commit("Tune connection pool")),
                changelog(
                    "shop-admin",
                    "0.9.0",
                    "0.9.1",
                    commit("docs: fix typo"),
                    commit("ci: cache maven"))));

    assertThat(notes).isEqualTo(expected("breaking-and-scopes"));
  }

  private ApplicationChangelog changelog(
      String application, String from, String to, CommitMessage... commits) {
    return new ApplicationChangelog(
        application, from, to, classifier.classifyAll(Arrays.asList(commits)));
  }

  private static CommitMessage commit(String title) {
    return new CommitMessage("0a1b2c3", title, title + "\n", 1);
  }

  private static CommitMessage merge(String title) {
    return new CommitMessage("4d5e6f7", title, title + "\n", 2);
  }

  private static String expected(String goldenCase) throws IOException {
    String path = "/changelog/" + goldenCase + "/expected.md";
    try (InputStream in = ReleaseNotesGoldenTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
