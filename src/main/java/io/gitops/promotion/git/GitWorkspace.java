package io.gitops.promotion.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * A local clone of one branch of a remote repository, reused across promotions: it is fetched and
 * reset to the remote head before each use instead of cloned again. Not thread-safe; callers hold one
 * writer per workspace.
 */
public final class GitWorkspace implements AutoCloseable {
  private final GitRemote remote;
  private final Git git;
  private final GitTransport transport;
  private final String remoteRef;

  private GitWorkspace(GitRemote remote, Git git, GitTransport transport) {
    this.remote = remote;
    this.git = git;
    this.transport = transport;
    this.remoteRef = "refs/remotes/origin/" + remote.branch();
  }

  /** Opens the clone in {@code dir}, cloning the remote first when the directory holds none. */
  public static GitWorkspace open(GitRemote remote, Path dir) {
    GitTransport transport = new GitTransport(remote, dir.resolveSibling(dir.getFileName() + ".ssh"));
    try {
      if (Files.isDirectory(dir.resolve(".git"))) {
        return new GitWorkspace(remote, Git.open(dir.toFile()), transport);
      }
      Files.createDirectories(dir);
      Git cloned = transport.configure(Git.cloneRepository()
              .setURI(remote.url())
              .setBranch(remote.branch())
              .setDirectory(dir.toFile()))
          .call();
      return new GitWorkspace(remote, cloned, transport);
    } catch (GitAPIException e) {
      deleteQuietly(dir);
      throw GitFailures.translate("clone " + remote.displayUrl(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fetches the branch and makes the work tree exactly the remote head, dropping any local leftovers. */
  public String sync() {
    try {
      call("fetch " + remote.displayUrl(), transport.configure(git.fetch()
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/heads/" + remote.branch() + ":" + remoteRef))
          .setRemoveDeletedRefs(true)));
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(remoteRef).call();
      git.clean().setCleanDirectories(true).setForce(true).call();
      return head();
    } catch (GitAPIException e) {
      throw GitFailures.translate("reset to " + remoteRef, e);
    }
  }

  public Path workTree() {
    return git.getRepository().getWorkTree().toPath();
  }

  /** Writes a file of the work tree; path relative to the repository root. */
  public void write(String relativePath, String content) {
    Path file = workTree().resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file of the work tree, empty when it does not exist. */
  public Optional<String> read(String relativePath) {
    Path file = workTree().resolve(relativePath);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits exactly the given paths (staged as {@code git add} would) and returns the new commit's
   * id; see {@link PackedCommit}.
   */
  public String commit(Collection<String> paths, String message, PersonIdent author) {
    return PackedCommit.create(git.getRepository(), paths, message, author);
  }

  /**
   * Pushes the local branch. Returns false when the remote rejected it because the branch moved
   * (fetch, re-plan and try again); any other refusal throws.
   */
  public boolean push() {
    Iterable<PushResult> results = call("push to " + remote.displayUrl(), transport.configure(git.push()
        .setRemote("origin")
        .setRefSpecs(new RefSpec("refs/heads/" + remote.branch() + ":refs/heads/" + remote.branch()))));
    boolean pushed = true;
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        switch (update.getStatus()) {
          case OK, UP_TO_DATE -> { }
          case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> pushed = false;
          default -> throw new GitAccessException("push to " + remote.displayUrl() + " refused: "
              + update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"), false, null);
        }
      }
    }
    return pushed;
  }

  /**
   * Finds a commit on the remote branch carrying the trailer {@code key: value}, looking back no
   * further than commits made before {@code notBefore} (with some clock skew allowed).
   */
  public Optional<String> findCommitWithTrailer(String key, String value, Instant notBefore) {
    long oldest = notBefore.minusSeconds(600).getEpochSecond();
    try (RevWalk walk = new RevWalk(git.getRepository())) {
      ObjectId start = git.getRepository().resolve(remoteRef);
      if (start == null) {
        return Optional.empty();
      }
      walk.markStart(walk.parseCommit(start));
      for (RevCommit commit : walk) {
        if (commit.getCommitTime() < oldest) {
          return Optional.empty();
        }
        if (commit.getFooterLines(key).contains(value)) {
          return Optional.of(commit.getName());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file as a commit holds it, empty when the commit has no such file. */
  public Optional<String> readAt(String commitId, String relativePath) {
    Repository repo = git.getRepository();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = TreeWalk.forPath(repo, relativePath, walk.parseCommit(ObjectId.fromString(commitId)).getTree())) {
      if (tree == null) {
        return Optional.empty();
      }
      return Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first parent of a commit of this repository, empty for a root commit. */
  public Optional<String> parentOf(String commitId) {
    try (RevWalk walk = new RevWalk(git.getRepository())) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      return commit.getParentCount() == 0 ? Optional.empty() : Optional.of(commit.getParent(0).getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The unified diff a commit made under a path prefix, leaving one file out. */
  public String diffOf(String commitId, String pathPrefix, String excludedPath) {
    Repository repo = git.getRepository();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RevWalk walk = new RevWalk(repo); DiffFormatter formatter = new DiffFormatter(out)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      formatter.setRepository(repo);
      formatter.setPathFilter(AndTreeFilter.create(PathFilter.create(pathPrefix.replaceAll("/$", "")),
          PathFilter.create(excludedPath).negate()));
      formatter.format(commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0)).getTree(), commit.getTree());
      formatter.flush();
      return out.toString(StandardCharsets.UTF_8).replaceAll("(?m)^(diff --git|index) .*\n", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message of a commit of this repository. */
  public String message(String commitId) {
    try (RevWalk walk = new RevWalk(git.getRepository())) {
      return walk.parseCommit(ObjectId.fromString(commitId)).getFullMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String head() {
    try {
      ObjectId id = git.getRepository().resolve("HEAD");
      return id == null ? null : id.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRemote remote() {
    return remote;
  }

  @Override
  public void close() {
    git.close();
  }

  private static <T> T call(String what, TransportCommand<?, T> command) {
    try {
      return command.call();
    } catch (GitAPIException e) {
      throw GitFailures.translate(what, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a failed clone leaves a directory that the next open clones into again
    }
  }
}
