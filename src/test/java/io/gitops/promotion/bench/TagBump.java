package io.gitops.promotion.bench;

import io.gitops.promotion.yaml.OverlayApplication;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * One CI commit on an existing repository that gives every application in a set of overlays its
 * next patch version, edited with the product's own byte-exact editor.
 */
final class TagBump {
  private static final PersonIdent CI = new PersonIdent("gitlab-ci", "gitlab-ci@example.com");

  private TagBump() {}

  /** Bumps the files whose path starts with {@code prefix} and ends with {@code suffix}. */
  static String commit(Repository repo, String prefix, String suffix, String message)
      throws IOException {
    // One pack, as a push from CI would arrive; loose objects would make the server deflate them on
    // each fetch.
    try (RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = packInserter(repo);
        ObjectReader reader = repo.newObjectReader()) {
      ObjectId headId = repo.resolve(Constants.R_HEADS + SyntheticRepository.BRANCH);
      RevCommit head = walk.parseCommit(headId);
      DirCache index = DirCache.read(reader, head.getTree());
      DirCacheEditor editor = index.editor();
      int edited = 0;
      for (int i = 0; i < index.getEntryCount(); i++) {
        DirCacheEntry entry = index.getEntry(i);
        if (entry.getPathString().startsWith(prefix) && entry.getPathString().endsWith(suffix)) {
          String text =
              new String(reader.open(entry.getObjectId()).getBytes(), StandardCharsets.UTF_8);
          ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bumped(entry.getPathString(), text));
          editor.add(
              new DirCacheEditor.PathEdit(entry.getPathString()) {
                @Override
                public void apply(DirCacheEntry target) {
                  target.setFileMode(entry.getFileMode());
                  target.setObjectId(blob);
                }
              });
          edited++;
        }
      }
      if (edited == 0) {
        throw new IllegalArgumentException("no file matches " + prefix + "*" + suffix);
      }
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentId(head);
      PersonIdent ident = new PersonIdent(CI, Instant.now(), ZoneOffset.UTC);
      commit.setAuthor(ident);
      commit.setCommitter(ident);
      commit.setMessage(message + "\n");
      ObjectId tip = inserter.insert(commit);
      inserter.flush();
      BranchUpdate.fastForward(repo, head, tip);
      return tip.getName();
    }
  }

  private static ObjectInserter packInserter(Repository repo) {
    return repo instanceof FileRepository file
        ? file.getObjectDatabase().newPackInserter()
        : repo.newObjectInserter();
  }

  private static byte[] bumped(String path, String text) {
    try {
      OverlayFile overlay = OverlayFile.parse(text);
      Map<String, String> next = new LinkedHashMap<>();
      for (OverlayApplication app : overlay.applications()) {
        if (app.tag() != null) {
          next.put(app.name(), ImageVersion.nextPatchOf(app.tag()));
        }
      }
      return overlay.withTags(next).getBytes(StandardCharsets.UTF_8);
    } catch (OverlayFormatException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
  }
}
