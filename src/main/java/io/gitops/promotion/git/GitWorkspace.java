package io.gitops.promotion.git;

import io.gitops.promotion.layout.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * A bare repository holding one branch of a remote, reused across runs: it is fetched, never
 * checked out, reset or cleaned. Files are read from commits' trees, new commits are made from
 * blobs and the trees on their paths only, and pushed with the fetched head as the expected old
 * value, so the push is a compare-and-swap on the remote branch. Not thread-safe; callers hold one
 * writer per workspace.
 */
public final class GitWorkspace implements AutoCloseable {
  private final GitRemote remote;
  private final Repository repo;
  private final GitTransport transport;
  private final WorkspaceLock lock;
  private final int depth;
  private final String remoteRef;
  private final TransferCounter transfers = new TransferCounter();
  private ObjectId fetched;
  private ObjectId tip;

  /** Bytes of the packs written by the commits made since the fetch: what a push offers. */
  private long packedSinceFetch;

  private GitWorkspace(
      GitRemote remote, Repository repo, GitTransport transport, WorkspaceLock lock, int depth) {
    this.remote = remote;
    this.repo = repo;
    this.transport = transport;
    this.lock = lock;
    this.depth = depth;
    this.remoteRef = "refs/remotes/origin/" + remote.branch();
  }

  /**
   * Opens the bare repository in {@code dir} with the branch's whole history, creating it when
   * there is none.
   */
  public static GitWorkspace open(GitRemote remote, Path dir) {
    return open(remote, dir, 0);
  }

  /**
   * Opens the bare repository in {@code dir}, creating it when there is none; a directory that
   * holds anything else, or a repository made for another remote or branch, is refused untouched.
   *
   * @param depth how many commits of history each fetch brings, 0 for all of them
   */
  public static GitWorkspace open(GitRemote remote, Path dir, int depth) {
    WorkspaceLock lock = WorkspaceLock.acquire(dir);
    try {
      Repository repo = BareRepositories.openOrCreate(dir, remote);
      return new GitWorkspace(remote, repo, new GitTransport(remote), lock, depth);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Fetches the branch; local commits not pushed are dropped. Returns the remote head. */
  public String sync() {
    CheckedOutBranch.refuse(remote);
    Set<String> packs = BareRepositories.packNames(repo);
    try {
      FetchCommand fetch =
          Git.wrap(repo)
              .fetch()
              .setRemote(remote.url())
              .setRefSpecs(new RefSpec("+refs/heads/" + remote.branch() + ":" + remoteRef))
              .setRemoveDeletedRefs(true);
      if (depth > 0) {
        fetch.setDepth(depth);
      } else if (java.nio.file.Files.exists(repo.getDirectory().toPath().resolve("shallow"))) {
        fetch.setUnshallow(true);
      }
      transport.configure(fetch).call();
    } catch (GitAPIException e) {
      throw GitFailures.translate("fetch " + remote.displayUrl(), e, remote.timeouts());
    } finally {
      transfers.fetched(BareRepositories.bytesOfPacksAddedSince(repo, packs));
    }
    try {
      fetched = repo.resolve(remoteRef);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (fetched == null) {
      throw new GitAccessException(
          "fetch " + remote.displayUrl() + " failed: branch " + remote.branch() + " not found",
          true,
          null);
    }
    tip = fetched;
    packedSinceFetch = 0;
    return fetched.getName();
  }

  /** The files of the local tip: the fetched head with any commits made since on top. */
  public RepositoryFiles files() {
    return filesAt(tip.getName());
  }

  /** The files of a commit of this repository. */
  public RepositoryFiles filesAt(String commitId) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      return new CommitFiles(repo.newObjectReader(), commit, commit.getTree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits new contents of the given files on top of the local tip, without a work tree: the new
   * blobs, the trees on their paths and the commit go into one pack. Returns the new commit's id,
   * which becomes the tip.
   *
   * @param contents new content of each file, by path from the repository root
   */
  public String commit(Map<String, String> contents, String message, PersonIdent author) {
    try (CommitPackInserter inserter = BareRepositories.packInserter(repo);
        ObjectReader reader = inserter.newReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit parent = walk.parseCommit(tip);
      Map<String, ObjectId> blobs = new LinkedHashMap<>();
      for (Map.Entry<String, String> file : contents.entrySet()) {
        blobs.put(
            file.getKey(),
            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
      }
      ObjectId tree = new TreeRewriter(reader, inserter).rewrite(parent.getTree(), blobs);
      if (tree.equals(parent.getTree())) {
        throw new GitTransientException("commit failed: the files hold no change", null);
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentId(parent);
      commit.setAuthor(author);
      commit.setCommitter(author);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      tip = id;
      packedSinceFetch += inserter.bytesWritten();
      return id.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pushes the local tip to the branch, expecting the branch still at the fetched head. Any commit
   * made since the fetch goes in this one push. Once pushed, the remote-tracking ref names the
   * pushed tip, so the next fetch tells the server this repository has those objects (with the
   * fetched head instead, the server sent each pushed commit back with the next fetch).
   */
  public PushOutcome push() {
    RemoteRefUpdate update;
    try {
      update =
          new RemoteRefUpdate(
              repo, tip.getName(), "refs/heads/" + remote.branch(), false, remoteRef, fetched);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PushResult result;
    try (Transport connection = Transport.open(repo, new URIish(remote.url()))) {
      transport.configure(connection);
      result = connection.push(NullProgressMonitor.INSTANCE, List.of(update));
    } catch (TransportException | org.eclipse.jgit.errors.NotSupportedException e) {
      throw GitFailures.translate("push to " + remote.displayUrl(), e, remote.timeouts());
    } catch (URISyntaxException e) {
      throw new GitAccessException(
          "push to " + remote.displayUrl() + " failed: not a Git URL", true, null);
    }
    transfers.pushed(packedSinceFetch);
    return PushOutcome.of(remote, update, result.getMessages());
  }

  /**
   * Pushes the local tip to another branch of the remote that must not exist yet (a review branch):
   * {@link PushOutcome#BRANCH_MOVED} when it exists by now.
   */
  public PushOutcome pushTipToNewBranch(String branch) {
    return pushTipTo(branch, false, ObjectId.zeroId());
  }

  /**
   * Replaces another branch of the remote (a review branch) with the local tip, only while that
   * branch is still at {@code expected}: {@link PushOutcome#BRANCH_MOVED} when someone pushed to it
   * or deleted it meanwhile.
   */
  public PushOutcome pushTipReplacing(String branch, String expected) {
    return pushTipTo(branch, true, ObjectId.fromString(expected));
  }

  private PushOutcome pushTipTo(String branch, boolean force, ObjectId expected) {
    RemoteRefUpdate update;
    try {
      update =
          new RemoteRefUpdate(repo, tip.getName(), "refs/heads/" + branch, force, null, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PushResult result;
    try (Transport connection = Transport.open(repo, new URIish(remote.url()))) {
      transport.configure(connection);
      result = connection.push(NullProgressMonitor.INSTANCE, List.of(update));
    } catch (TransportException | org.eclipse.jgit.errors.NotSupportedException e) {
      throw GitFailures.translate("push to " + remote.displayUrl(), e, remote.timeouts());
    } catch (URISyntaxException e) {
      throw new GitAccessException(
          "push to " + remote.displayUrl() + " failed: not a Git URL", true, null);
    }
    transfers.pushed(packedSinceFetch);
    return PushOutcome.of(remote, update, result.getMessages());
  }

  /** The head of a branch of the remote as it is now (one round trip), empty when there is none. */
  public Optional<String> remoteBranchHead(String branch) {
    try {
      return transport
          .configure(Git.lsRemoteRepository().setRemote(remote.url()).setHeads(true))
          .call()
          .stream()
          .filter(ref -> ref.getName().equals("refs/heads/" + branch))
          .map(ref -> ref.getObjectId().getName())
          .findFirst();
    } catch (GitAPIException e) {
      throw GitFailures.translate("list branches of " + remote.displayUrl(), e, remote.timeouts());
    }
  }

  /**
   * The branches of the remote whose names start with {@code prefix}, with their heads (one round
   * trip).
   */
  public Map<String, String> remoteBranches(String prefix) {
    try {
      Map<String, String> heads = new LinkedHashMap<>();
      transport
          .configure(Git.lsRemoteRepository().setRemote(remote.url()).setHeads(true))
          .call()
          .stream()
          .filter(ref -> ref.getName().startsWith("refs/heads/" + prefix))
          .forEach(
              ref ->
                  heads.put(
                      ref.getName().substring("refs/heads/".length()),
                      ref.getObjectId().getName()));
      return heads;
    } catch (GitAPIException e) {
      throw GitFailures.translate("list branches of " + remote.displayUrl(), e, remote.timeouts());
    }
  }

  /**
   * Fetches another branch of the remote (e.g. a review branch) with its head's parent, so that its
   * head can be read and diffed here. It is kept as {@code refs/review/<branch>} (its objects stay
   * reachable) and never followed by {@link #sync}.
   *
   * @return the branch's head, empty when the remote has no such branch
   */
  public Optional<String> fetchBranch(String branch) {
    Optional<String> head = remoteBranchHead(branch);
    if (head.isEmpty()) {
      return head;
    }
    Set<String> packs = BareRepositories.packNames(repo);
    try {
      FetchCommand fetch =
          Git.wrap(repo)
              .fetch()
              .setRemote(remote.url())
              .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/review/" + branch));
      if (depth > 0) {
        fetch.setDepth(depth + 1);
      }
      transport.configure(fetch).call();
    } catch (GitAPIException e) {
      throw GitFailures.translate("fetch " + remote.displayUrl(), e, remote.timeouts());
    } finally {
      transfers.fetched(BareRepositories.bytesOfPacksAddedSince(repo, packs));
    }
    return head;
  }

  /** Git round trips and bytes of this workspace so far; callers take differences. */
  public TransferCounter.Totals transfers() {
    return transfers.totals();
  }

  /**
   * The commits on the fetched branch carrying trailers with the given keys, made no earlier than
   * {@code notBefore} (with some clock skew allowed): {@code "key: value"} to the newest such
   * commit. One walk of the recent history serves every change of a batch.
   */
  public Map<String, String> commitsWithTrailers(
      java.util.Collection<String> keys, Instant notBefore) {
    Map<String, String> found = new LinkedHashMap<>();
    if (fetched == null || keys.isEmpty()) {
      return found;
    }
    long oldest = notBefore.minusSeconds(600).getEpochSecond();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(fetched));
      for (RevCommit commit : walk) {
        if (commit.getCommitTime() < oldest) {
          break;
        }
        for (String key : keys) {
          for (String value : commit.getFooterLines(key)) {
            found.putIfAbsent(key + ": " + value, commit.getName());
          }
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file as a commit holds it, empty when the commit has no such file. */
  public Optional<String> readAt(String commitId, String relativePath) {
    return filesAt(commitId).read(relativePath);
  }

  /**
   * Whether {@code later} is {@code commit} or a commit after it; false when either is not fetched.
   */
  public boolean isAtOrAfter(String commit, String later) {
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId base = ObjectId.fromString(commit);
      ObjectId tip = ObjectId.fromString(later);
      if (!repo.getObjectDatabase().has(base) || !repo.getObjectDatabase().has(tip)) {
        return false;
      }
      return walk.isMergedInto(walk.parseCommit(base), walk.parseCommit(tip));
    } catch (IllegalArgumentException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first parent of a commit of this repository, empty for a root commit. */
  public Optional<String> parentOf(String commitId) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      return commit.getParentCount() == 0
          ? Optional.empty()
          : Optional.of(commit.getParent(0).getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The unified diff a commit made under a path prefix, leaving one file out. */
  public String diffOf(String commitId, String pathPrefix, String excludedPath) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RevWalk walk = new RevWalk(repo);
        DiffFormatter formatter = new DiffFormatter(out)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      formatter.setRepository(repo);
      String prefix = pathPrefix.replaceAll("/$", "");
      // A layout whose files start at the repository root has no prefix to filter on.
      formatter.setPathFilter(
          prefix.isEmpty()
              ? PathFilter.create(excludedPath).negate()
              : AndTreeFilter.create(
                  PathFilter.create(prefix), PathFilter.create(excludedPath).negate()));
      formatter.format(
          commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0)).getTree(),
          commit.getTree());
      formatter.flush();
      return out.toString(StandardCharsets.UTF_8).replaceAll("(?m)^(diff --git|index) .*\n", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message of a commit of this repository. */
  public String message(String commitId) {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(ObjectId.fromString(commitId)).getFullMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local tip: the fetched head, or the last commit made on top of it. */
  public String head() {
    return tip == null ? null : tip.getName();
  }

  public GitRemote remote() {
    return remote;
  }

  /** Packs many small packs into one now and then, so reads stay fast in a long-lived cache. */
  public void compactIfFragmented() {
    BareRepositories.compactIfFragmented(repo);
  }

  @Override
  public void close() {
    repo.close();
    transport.close();
    lock.close();
  }
}
