package io.gitops.promotion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare GitOps repository for tests, seeded from a directory of files (by default the project's
 * example under {@code hack/example}), with a second clone standing for "someone else" who commits
 * concurrently.
 */
public final class GitOpsRepository {
  public static final Path EXAMPLE = Path.of("hack/example");
  private static final PersonIdent TESTER = new PersonIdent("tester", "tester@example.com");

  private final Path bare;
  private final Path scratch;

  private GitOpsRepository(Path bare, Path scratch) {
    this.bare = bare;
    this.scratch = scratch;
  }

  /** A bare repository {@code <dir>/<name>} whose branch main holds the files of {@code seed}. */
  public static GitOpsRepository create(Path dir, String name, Path seed) {
    Path bare = dir.resolve(name);
    Path scratch = dir.resolve(name + "-other-clone");
    try (Git ignored =
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call();
        Git work = Git.init().setInitialBranch("main").setDirectory(scratch.toFile()).call()) {
      copyTree(seed, scratch);
      work.add().addFilepattern(".").call();
      work.commit()
          .setMessage("Initial GitOps repository")
          .setAuthor(TESTER)
          .setCommitter(TESTER)
          .call();
      work.remoteAdd()
          .setName("origin")
          .setUri(new org.eclipse.jgit.transport.URIish(bare.toUri().toString()))
          .call();
      work.push().setRemote("origin").setRefSpecs(new RefSpec("main:main")).call();
    } catch (GitAPIException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return new GitOpsRepository(bare, scratch);
  }

  public Path bareDir() {
    return bare;
  }

  public String fileUrl() {
    return bare.toUri().toString();
  }

  /** Commits a file change on main as someone else would, straight to the remote. */
  public String commitAsSomeoneElse(String path, String content, String message) {
    try (Git work = Git.open(scratch.toFile())) {
      work.pull().setRemote("origin").setRemoteBranchName("main").call();
      Path file = scratch.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      work.add().addFilepattern(path).call();
      RevCommit commit =
          work.commit().setMessage(message).setAuthor(TESTER).setCommitter(TESTER).call();
      work.push().setRemote("origin").setRefSpecs(new RefSpec("main:main")).call();
      return commit.getName();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Commits one tree entry of any mode straight into the bare repository, as a person with a Git
   * client could: a symbolic link ({@code content} is its target), an executable, or a submodule
   * ({@code content} is ignored; the entry points at an arbitrary commit id).
   */
  public String commitEntry(String path, FileMode mode, String content, String message) {
    return commitEntry(path, mode, content.getBytes(StandardCharsets.UTF_8), message);
  }

  /** As {@link #commitEntry(String, FileMode, String, String)}, with the blob's exact bytes. */
  public String commitEntry(String path, FileMode mode, byte[] content, String message) {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], 0, repo.newObjectReader(), head.getTree());
      builder.finish();
      ObjectId id =
          mode == FileMode.GITLINK
              ? ObjectId.fromString("0123456789abcdef0123456789abcdef01234567")
              : inserter.insert(Constants.OBJ_BLOB, content);
      DirCacheEditor editor = index.editor();
      editor.add(new DirCacheEditor.DeleteTree(path));
      editor.add(
          new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
              entry.setFileMode(mode);
              entry.setObjectId(id);
            }
          });
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentId(head);
      commit.setAuthor(TESTER);
      commit.setCommitter(TESTER);
      commit.setMessage(message);
      ObjectId created = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef("refs/heads/main");
      update.setNewObjectId(created);
      update.setExpectedOldObjectId(head);
      if (update.update() != RefUpdate.Result.FAST_FORWARD) {
        throw new IllegalStateException("main moved while committing " + path);
      }
      return created.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file as the head of main holds it, or null. */
  public String read(String path) {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
      try (TreeWalk tree = TreeWalk.forPath(repo, path, head.getTree())) {
        return tree == null
            ? null
            : new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under a path at the head of main, path -> content. */
  public Map<String, String> snapshot(String prefix) {
    Map<String, String> files = new TreeMap<>();
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        if (tree.getPathString().startsWith(prefix)) {
          files.put(
              tree.getPathString(),
              new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Commits on main, newest first. */
  public List<RevCommit> log() {
    List<RevCommit> commits = new ArrayList<>();
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve("refs/heads/main");
      walk.markStart(walk.parseCommit(head));
      walk.forEach(commits::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commits;
  }

  /** A commit of the repository, on any branch. */
  public RevCommit commit(String id) {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(ObjectId.fromString(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String head() {
    return log().get(0).getName();
  }

  /** The head of a branch, or null when there is no such branch. */
  public String branchHead(String branch) {
    try (Repository repo = Git.open(bare.toFile()).getRepository()) {
      ObjectId id = repo.resolve("refs/heads/" + branch);
      return id == null ? null : id.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits a file change on a branch (made from main when missing) as someone else would, and
   * pushes it.
   */
  public String commitOnBranch(String branch, String path, String content, String message) {
    try (Git work = Git.open(scratch.toFile())) {
      work.fetch()
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
          .call();
      String start = branchHead(branch) != null ? "origin/" + branch : "origin/main";
      work.checkout()
          .setForced(true)
          .setCreateBranch(true)
          .setName("work-" + System.nanoTime())
          .setStartPoint(start)
          .call();
      Path file = scratch.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      work.add().addFilepattern(path).call();
      RevCommit commit =
          work.commit().setMessage(message).setAuthor(TESTER).setCommitter(TESTER).call();
      work.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
      work.checkout().setForced(true).setName("main").call();
      return commit.getName();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
