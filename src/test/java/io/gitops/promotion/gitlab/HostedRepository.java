package io.gitops.promotion.gitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real Git repository a project of {@link FakeGitLabServer} hosts, as GitLab hosts the GitOps
 * repository: its branches and commits are the project's, read when a request names them, so a
 * commit pushed during a test is known to the fake without seeding.
 */
final class HostedRepository {

  private final Path gitDir;

  HostedRepository(Path gitDir) {
    this.gitDir = gitDir;
  }

  /** A full commit SHA or a branch name, as the repository holds it now. */
  Optional<FakeCommit> resolve(String ref) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId id =
          ref.matches("[0-9a-f]{40}")
              ? ObjectId.fromString(ref)
              : repo.resolve("refs/heads/" + ref);
      if (id == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(id);
      List<String> parents = Arrays.stream(commit.getParents()).map(RevCommit::getName).toList();
      return Optional.of(
          new FakeCommit(
              commit.getName(),
              commit.getFullMessage(),
              parents,
              commit.getCommitterIdent().getWhenAsInstant()));
    } catch (MissingObjectException unknown) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
