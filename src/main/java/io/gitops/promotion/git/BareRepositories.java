package io.gitops.promotion.git;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The on-disk side of a {@link GitWorkspace}: creating or opening the bare repository, the record
 * of which remote and branch it was made for, and the few measurements and upkeep it needs.
 */
final class BareRepositories {
  private static final String SECTION = "promotion";
  private static final int MAX_PACKS = 40;

  private BareRepositories() {}

  /**
   * Opens the bare repository this tool made in {@code dir} for the remote's URL and branch, or
   * makes one in a missing or empty directory. Anything else (a work tree, another tool's
   * repository, one made for another remote) is refused and left exactly as it is.
   */
  static Repository openOrCreate(Path dir, GitRemote remote) {
    try {
      if (isEmpty(dir)) {
        Repository repo =
            Git.init()
                .setBare(true)
                .setInitialBranch(remote.branch())
                .setDirectory(dir.toFile())
                .call()
                .getRepository();
        StoredConfig config = repo.getConfig();
        config.setString(SECTION, null, "remote", remote.displayUrl());
        config.setString(SECTION, null, "branch", remote.branch());
        config.save();
        return repo;
      }
      if (!Files.isRegularFile(dir.resolve("HEAD")) || !Files.isDirectory(dir.resolve("objects"))) {
        throw refused(
            dir,
            "it is not a workspace of this tool (a directory that is not an empty one or a bare"
                + " repository this tool made)");
      }
      Repository repo =
          new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().setMustExist(true).build();
      String madeFor = repo.getConfig().getString(SECTION, null, "remote");
      String branch = repo.getConfig().getString(SECTION, null, "branch");
      if (madeFor == null
          || !madeFor.equals(remote.displayUrl())
          || !remote.branch().equals(branch)) {
        repo.close();
        throw refused(
            dir,
            madeFor == null
                ? "it is a Git repository this tool did not make"
                : "it was made for "
                    + madeFor
                    + " branch "
                    + branch
                    + ", not "
                    + remote.displayUrl()
                    + " branch "
                    + remote.branch());
      }
      return repo;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new GitTransientException(
          "creating the workspace " + dir + " failed: " + e.getMessage(), e);
    }
  }

  private static RequestRejectedException refused(Path dir, String why) {
    return new RequestRejectedException(
        RejectionReason.WORKSPACE_REFUSED,
        "workspace " + dir + " is not used: " + why + "; nothing in it was touched");
  }

  private static boolean isEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.allMatch(p -> p.getFileName().toString().equals(WorkspaceLock.FILE_NAME));
    }
  }

  /**
   * One pack per commit, built in memory ({@link CommitPackInserter}), not a loose file per object.
   * Objects are not looked up first: each lookup of an object that is not there yet searches every
   * pack, and an object written twice costs a few bytes.
   */
  static CommitPackInserter packInserter(Repository repo) {
    return new CommitPackInserter(((FileRepository) repo).getObjectDatabase());
  }

  /** The names of the repository's packs: what a fetch adds is what is new after it. */
  static Set<String> packNames(Repository repo) {
    String[] names = packDirectory(repo).list((d, name) -> name.endsWith(".pack"));
    return names == null ? Set.of() : Set.of(names);
  }

  /** Bytes of the packs not among {@code before}: read by name, not by a stat of every pack. */
  static long bytesOfPacksAddedSince(Repository repo, Set<String> before) {
    long bytes = 0;
    for (String name : packNames(repo)) {
      if (!before.contains(name)) {
        bytes += new File(packDirectory(repo), name).length();
      }
    }
    return bytes;
  }

  private static File packDirectory(Repository repo) {
    return new File(repo.getDirectory(), "objects/pack");
  }

  static void compactIfFragmented(Repository repo) {
    File[] packs =
        new File(repo.getDirectory(), "objects/pack")
            .listFiles((d, name) -> name.endsWith(".pack"));
    if (packs == null || packs.length <= MAX_PACKS) {
      return;
    }
    GC gc = new GC((FileRepository) repo);
    // The packs it replaces are this process's own and read by nobody else: drop them at once. With
    // JGit's default (kept for an hour) the count never fell, and every batch repacked again.
    gc.setPackExpireAgeMillis(0);
    try {
      gc.gc().get();
    } catch (IOException | ParseException | GitAPIException | ExecutionException e) {
      throw new GitTransientException(
          "compacting " + repo.getDirectory() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitTransientException("compacting " + repo.getDirectory() + " was interrupted", e);
    }
  }
}
