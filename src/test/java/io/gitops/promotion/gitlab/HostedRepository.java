package io.gitops.promotion.gitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
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

  /** The head of a branch, empty when there is no such branch. */
  Optional<String> branchHead(String branch) {
    try (Repository repo = open()) {
      ObjectId id = repo.resolve("refs/heads/" + branch);
      return Optional.ofNullable(id).map(ObjectId::getName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a branch; false when there was none. */
  boolean deleteBranch(String branch) {
    try (Repository repo = open()) {
      if (repo.exactRef("refs/heads/" + branch) == null) {
        return false;
      }
      RefUpdate update = repo.updateRef("refs/heads/" + branch);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.delete();
      if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IllegalStateException("could not delete " + branch + ": " + result);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code ancestor} is {@code descendant} or reachable from it. */
  boolean isAncestor(String ancestor, String descendant) {
    try (Repository repo = open();
        RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(
          walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(descendant)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the source branch's head merges into the target's without a conflict (nothing is
   * written to refs).
   */
  boolean mergesCleanly(String source, String target) {
    try (Repository repo = open()) {
      ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
      return merger.merge(
          repo.resolve("refs/heads/" + target), repo.resolve("refs/heads/" + source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lands the source branch on the target as GitLab's merge methods do: {@code ff} moves the target
   * to the source's head (which must contain the target), {@code squash} makes one commit of the
   * changes on the target with {@code message}, {@code merge} makes a merge commit with {@code
   * message}.
   *
   * @return the commit the target now points at; empty when the merge conflicts
   */
  Optional<String> land(String source, String target, String method, String message, Instant at) {
    try (Repository repo = open();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId targetHead = repo.resolve("refs/heads/" + target);
      ObjectId sourceHead = repo.resolve("refs/heads/" + source);
      ObjectId landed;
      if (method.equals("ff")) {
        if (!walk.isMergedInto(walk.parseCommit(targetHead), walk.parseCommit(sourceHead))) {
          return Optional.empty();
        }
        landed = sourceHead;
      } else {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
        if (!merger.merge(targetHead, sourceHead)) {
          return Optional.empty();
        }
        PersonIdent merger0 =
            new PersonIdent("Administrator", "admin@example.com", at, java.time.ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(merger.getResultTreeId());
        if (method.equals("squash")) {
          commit.setParentId(targetHead);
        } else {
          commit.setParentIds(targetHead, sourceHead);
        }
        commit.setAuthor(merger0);
        commit.setCommitter(merger0);
        commit.setMessage(message);
        landed = inserter.insert(commit);
        inserter.flush();
      }
      RefUpdate update = repo.updateRef("refs/heads/" + target);
      update.setExpectedOldObjectId(targetHead);
      update.setNewObjectId(landed);
      RefUpdate.Result result = update.update(walk);
      if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NO_CHANGE) {
        throw new IllegalStateException("could not move " + target + ": " + result);
      }
      return Optional.of(landed.getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Repository open() throws IOException {
    return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
  }
}
