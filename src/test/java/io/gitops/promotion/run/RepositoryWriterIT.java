package io.gitops.promotion.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionChange;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer lands a change only after every older one, even when the younger one was handed over
 * first; and it writes nothing once its fence (the repository's Lease) says it may not.
 */
class RepositoryWriterIT {
  @TempDir Path dir;

  @Test
  void aYoungerChangeHandedOverFirstWaitsForTheOlderAndBothLandInOrderInOneBatch()
      throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    int commits = repo.log().size();
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("po", "po@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    CountDownLatch landed = new CountDownLatch(2);
    try (RepositoryWriters writers = new RepositoryWriters(loop, 50);
        GitWorkspace workspace =
            GitWorkspace.open(
                new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
                dir.resolve("cache.git"))) {
      RepositoryWriter writer = writers.of("argocd");
      writer.submit(
          new RepositoryWriter.Submission(
              "younger",
              "2",
              change(validator, "younger", "payments"),
              () -> workspace,
              landed::countDown,
              () -> !writer.holds("older")));
      assertThat(writer.holds("younger")).isTrue();

      writer.submit(
          new RepositoryWriter.Submission(
              "older",
              "1",
              change(validator, "older", "tbd-test"),
              () -> workspace,
              landed::countDown,
              () -> false));

      assertThat(landed.await(60, TimeUnit.SECONDS)).isTrue();
      PromotionResult older = (PromotionResult) writer.take("older").orElseThrow().orThrow();
      PromotionResult younger = (PromotionResult) writer.take("younger").orElseThrow().orThrow();
      assertThat(List.of(repo.log().get(1).getName(), repo.log().get(0).getName()))
          .containsExactly(older.commit(), younger.commit());
      assertThat(repo.log()).hasSize(commits + 2);
    }
  }

  @Test
  void aWithdrawnQueuedChangeIsNeverLanded() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    int commits = repo.log().size();
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("po", "po@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    CountDownLatch olderLanded = new CountDownLatch(1);
    AtomicInteger withdrawnWoken = new AtomicInteger();
    try (RepositoryWriters writers = new RepositoryWriters(loop, 50);
        GitWorkspace workspace =
            GitWorkspace.open(
                new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
                dir.resolve("cache.git"))) {
      RepositoryWriter writer = writers.of("argocd");
      writer.submit(
          new RepositoryWriter.Submission(
              "withdrawn",
              "2",
              change(validator, "withdrawn", "payments"),
              () -> workspace,
              withdrawnWoken::incrementAndGet,
              () -> !writer.holds("older")));

      assertThat(writer.withdraw("withdrawn")).as("queued, not being landed").isFalse();
      assertThat(writer.holds("withdrawn")).isFalse();
      writer.submit(
          new RepositoryWriter.Submission(
              "older",
              "1",
              change(validator, "older", "tbd-test"),
              () -> workspace,
              olderLanded::countDown,
              () -> false));

      assertThat(olderLanded.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.take("older")).isPresent();
      assertThat(writer.take("withdrawn")).isEmpty();
      assertThat(withdrawnWoken).hasValue(0);
      assertThat(repo.log()).hasSize(commits + 1);
    }
  }

  @Test
  void aFenceClosedBetweenCommitAndPushStopsTheBatchWithNothingPushed() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    String head = repo.head();
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("po", "po@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    AtomicInteger asked = new AtomicInteger();
    // the Lease is held when the batch starts (fetch, plan, commit) and lost before the push
    WriteFence fence = repository -> repository.equals("argocd") && asked.getAndIncrement() == 0;
    CountDownLatch landed = new CountDownLatch(1);
    try (RepositoryWriters writers = new RepositoryWriters(loop, 50, fence);
        GitWorkspace workspace =
            GitWorkspace.open(
                new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
                dir.resolve("cache.git"))) {
      RepositoryWriter writer = writers.of("argocd");
      writer.submit(
          new RepositoryWriter.Submission(
              "p",
              "1",
              change(validator, "p", "tbd-test"),
              () -> workspace,
              landed::countDown,
              () -> false));

      assertThat(landed.await(60, TimeUnit.SECONDS)).isTrue();
      RepositoryWriter.Finished finished = writer.take("p").orElseThrow();
      assertThat(finished.batchFailure())
          .isInstanceOf(WriteFencedException.class)
          .hasMessage(
              "this replica no longer holds the Lease of repository 'argocd'; its next holder lands the change");
      assertThat(asked).hasValue(2);
      assertThat(repo.head()).isEqualTo(head);
      assertThat(writer.isLanding()).isFalse();
    }
  }

  @Test
  void abandoningForgetsWhatWasQueuedAndLanded() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("po", "po@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    CountDownLatch landed = new CountDownLatch(1);
    try (RepositoryWriters writers = new RepositoryWriters(loop, 50, repository -> false);
        GitWorkspace workspace =
            GitWorkspace.open(
                new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
                dir.resolve("cache.git"))) {
      RepositoryWriter writer = writers.of("argocd");
      writer.submit(
          new RepositoryWriter.Submission(
              "p",
              "1",
              change(validator, "p", "tbd-test"),
              () -> workspace,
              landed::countDown,
              () -> false));
      assertThat(landed.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.holds("p")).isTrue();

      writer.abandon();

      assertThat(writer.holds("p")).isFalse();
      assertThat(writer.take("p")).isEmpty();
    }
  }

  @Test
  void aFragmentedCacheIsCompactedOnlyOnceTheBatchIsLandedAndItsChangesWoken() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("po", "po@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    Path cache = dir.resolve("cache.git");
    AtomicInteger packsWhenWoken = new AtomicInteger(-1);
    CountDownLatch landed = new CountDownLatch(1);
    try (RepositoryWriters writers = new RepositoryWriters(loop, 50);
        GitWorkspace workspace =
            GitWorkspace.open(
                new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), cache)) {
      fragment(cache, 45);
      RepositoryWriter writer = writers.of("argocd");
      writer.submit(
          new RepositoryWriter.Submission(
              "p-1",
              "1",
              change(validator, "p-1", "tbd-test"),
              () -> workspace,
              () -> {
                packsWhenWoken.set(packs(cache));
                landed.countDown();
              },
              () -> false));

      assertThat(landed.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(packsWhenWoken.get()).as("packs when the change was woken").isGreaterThan(45);
      assertThat(writer.take("p-1").orElseThrow().orThrow()).isInstanceOf(PromotionResult.class);
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> packs(cache) <= 2);
    }
  }

  /** Adds {@code count} packs of one blob each, as many fetches and commits would leave. */
  private static void fragment(Path bare, int count) throws IOException {
    try (Repository git = FileRepositoryBuilder.create(bare.toFile())) {
      for (int i = 0; i < count; i++) {
        try (ObjectInserter inserter =
            ((ObjectDirectory) git.getObjectDatabase()).newPackInserter()) {
          inserter.insert(
              Constants.OBJ_BLOB, ("blob " + i + "\n").getBytes(StandardCharsets.UTF_8));
          inserter.flush();
        }
      }
    }
  }

  private static int packs(Path bare) {
    try (Stream<Path> files = Files.list(bare.resolve("objects/pack"))) {
      return (int) files.filter(f -> f.toString().endsWith(".pack")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static PromotionChange change(RequestValidator validator, String id, String group) {
    return new PromotionChange(
        validator.validate(
            new PromotionParameters(id, group, "DEV", "TST", null, false, false, null, "alice")),
        OverlaysLayout.defaults(),
        Clock.systemUTC(),
        null,
        null);
  }
}
