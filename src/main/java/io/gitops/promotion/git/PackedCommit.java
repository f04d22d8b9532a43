package io.gitops.promotion.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * One commit of chosen work-tree paths, written the fast way: the index is read and written once,
 * and blobs, trees and the commit go into one pack instead of a loose file each, so a push can send
 * the pack's data as it is.
 */
final class PackedCommit {
  private PackedCommit() {}

  /**
   * Commits exactly the given paths (staged as {@code git add} would, filters and line-ending rules
   * applied) and returns the new commit's id. The blobs, trees and commit go into one pack, not one
   * loose file each, and the index is read and written once: for a group of hundreds of services
   * this halves the commit and lets the push send the pack's data as it is.
   */
  static String create(Repository repo, Collection<String> paths, String message, PersonIdent author) {
    try (ObjectInserter inserter = repo instanceof FileRepository file
            ? file.getObjectDatabase().newPackInserter() : repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      DirCache index = repo.lockDirCache();
      try {
        stage(repo, index, paths, inserter);
        ObjectId head = repo.resolve(Constants.HEAD);
        ObjectId tree = index.writeTree(inserter);
        if (head != null && tree.equals(walk.parseCommit(head).getTree())) {
          throw new GitTransientException("commit failed: the paths hold no change", null);
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (head != null) {
          commit.setParentId(head);
        }
        commit.setAuthor(author);
        commit.setCommitter(author);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        index.write();
        index.commit();
        moveHead(repo, head, id, message);
        return id.getName();
      } finally {
        index.unlock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the work-tree content of the paths into the index; a path with no file is left as it is. */
  private static void stage(Repository repo, DirCache index, Collection<String> paths, ObjectInserter inserter)
      throws IOException {
    DirCacheEditor editor = index.editor();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.setOperationType(TreeWalk.OperationType.CHECKIN_OP);
      walk.setRecursive(true);
      walk.setFilter(PathFilterGroup.createFromStrings(paths));
      int indexTree = walk.addTree(new DirCacheIterator(index));
      FileTreeIterator files = new FileTreeIterator(repo);
      files.setDirCacheIterator(walk, indexTree);
      int fileTree = walk.addTree(files);
      while (walk.next()) {
        DirCacheIterator indexed = walk.getTree(indexTree, DirCacheIterator.class);
        WorkingTreeIterator file = walk.getTree(fileTree, WorkingTreeIterator.class);
        if (file == null || (indexed == null && file.isEntryIgnored())) {
          continue;
        }
        FileMode mode = file.getIndexFileMode(indexed);
        long length = file.getEntryLength();
        Instant modified = file.getEntryLastModifiedInstant();
        ObjectId blob;
        try (InputStream content = file.openEntryStream()) {
          blob = inserter.insert(Constants.OBJ_BLOB, file.getEntryContentLength(), content);
        }
        editor.add(new DirCacheEditor.PathEdit(walk.getPathString()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(mode);
            entry.setLength(length);
            entry.setLastModified(modified);
            entry.setObjectId(blob);
          }
        });
      }
    }
    editor.finish();
  }

  private static void moveHead(Repository repo, ObjectId from, ObjectId to, String message) throws IOException {
    RefUpdate update = repo.updateRef(Constants.HEAD);
    update.setNewObjectId(to);
    update.setExpectedOldObjectId(from == null ? ObjectId.zeroId() : from);
    update.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
    RefUpdate.Result result = update.update();
    if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
      throw new GitTransientException("commit failed: HEAD could not be moved (" + result + ")", null);
    }
  }
}
