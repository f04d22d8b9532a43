package io.gitops.promotion.git;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.yaml.OverlayFormatException;
import io.gitops.promotion.yaml.OverlayText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files of one tree, read from the object database entry by entry: each path is walked one
 * segment at a time, so a symbolic link or submodule anywhere on it is refused by name instead of
 * being resolved, and parsed trees are kept for the life of the snapshot (one promotion).
 */
final class CommitFiles implements RepositoryFiles {
  /** Overlays and state files are small; anything larger is not one of them. */
  private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private final ObjectReader reader;
  private final ObjectId commit;
  private final ObjectId root;
  private final Map<ObjectId, Tree> trees = new HashMap<>();

  CommitFiles(ObjectReader reader, ObjectId commit, ObjectId rootTree) {
    this.reader = reader;
    this.commit = commit;
    this.root = rootTree;
  }

  @Override
  public Optional<Instant> since(String path, Predicate<String> holds) {
    if (read(path).isEmpty()) {
      return Optional.empty();
    }
    Instant since = null;
    try (RevWalk walk = new RevWalk(reader)) {
      walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
      walk.markStart(walk.parseCommit(commit));
      for (RevCommit changed : walk) {
        Optional<String> text = new CommitFiles(reader, changed, changed.getTree()).read(path);
        if (text.isEmpty() || !holds.test(text.get())) {
          break;
        }
        since = changed.getCommitterIdent().getWhenAsInstant();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (since == null) {
      try (RevWalk walk = new RevWalk(reader)) {
        since = walk.parseCommit(commit).getCommitterIdent().getWhenAsInstant();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.of(since);
  }

  @Override
  public Optional<String> beforeLastChange(String path) {
    try (RevWalk walk = new RevWalk(reader)) {
      walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
      walk.markStart(walk.parseCommit(commit));
      RevCommit changed = walk.next();
      if (changed == null || changed.getParentCount() == 0) {
        return Optional.empty();
      }
      RevCommit parent = walk.parseCommit(changed.getParent(0));
      return new CommitFiles(reader, parent, parent.getTree()).read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> read(String path) {
    return entry(path)
        .map(
            found -> {
              if (found.mode() != FileMode.REGULAR_FILE) {
                throw UnsupportedEntry.refuse(path, found.mode(), "a regular file");
              }
              return decode(path, bytes(found.id()));
            });
  }

  @Override
  public List<String> directories(String path) {
    List<String> names = new ArrayList<>();
    for (TreeEntry child : children(path)) {
      if (child.mode() == FileMode.TREE) {
        names.add(child.name());
      } else if (child.mode() == FileMode.SYMLINK || child.mode() == FileMode.GITLINK) {
        throw UnsupportedEntry.refuse(
            join(path, child.name()), child.mode(), "a directory or a regular file");
      }
    }
    return names;
  }

  private List<TreeEntry> children(String path) {
    if (path.isEmpty()) {
      return tree(root).entries();
    }
    Optional<TreeEntry> dir = entry(path);
    if (dir.isEmpty()) {
      return List.of();
    }
    if (dir.get().mode() != FileMode.TREE) {
      if (dir.get().mode() == FileMode.REGULAR_FILE) {
        return List.of();
      }
      throw UnsupportedEntry.refuse(path, dir.get().mode(), "a directory");
    }
    return tree(dir.get().id()).entries();
  }

  /** The entry at a path, walking one segment at a time; empty when any segment is missing. */
  private Optional<TreeEntry> entry(String path) {
    String[] segments = path.split("/");
    ObjectId tree = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      walked.append(i == 0 ? "" : "/").append(segments[i]);
      TreeEntry found = find(tree, segments[i]);
      if (found == null) {
        return Optional.empty();
      }
      if (i == segments.length - 1) {
        return Optional.of(found);
      }
      if (found.mode() == FileMode.REGULAR_FILE || found.mode() == FileMode.EXECUTABLE_FILE) {
        return Optional.empty();
      }
      if (found.mode() != FileMode.TREE) {
        throw UnsupportedEntry.refuse(walked.toString(), found.mode(), "a directory");
      }
      tree = found.id();
    }
    return Optional.empty();
  }

  private TreeEntry find(ObjectId tree, String name) {
    return tree(tree).byName().get(name);
  }

  private Tree tree(ObjectId id) {
    return trees.computeIfAbsent(id, this::parse);
  }

  private Tree parse(ObjectId id) {
    try {
      CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, id);
      List<TreeEntry> entries = new ArrayList<>();
      for (; !parser.eof(); parser.next()) {
        entries.add(
            new TreeEntry(
                parser.getEntryPathString(), parser.getEntryFileMode(), parser.getEntryObjectId()));
      }
      return new Tree(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] bytes(ObjectId blob) {
    try {
      return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Math.toIntExact(MAX_FILE_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strict UTF-8: a file in another encoding is refused with the offset of its first bad byte. */
  static String decode(String path, byte[] bytes) {
    try {
      return OverlayText.decode(bytes);
    } catch (OverlayFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
    }
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** One entry of a tree. */
  record TreeEntry(String name, FileMode mode, ObjectId id) {}

  /** A parsed tree: its entries in Git's order, and by name (a group may hold many services). */
  private record Tree(List<TreeEntry> entries, Map<String, TreeEntry> byName) {
    Tree(List<TreeEntry> entries) {
      this(entries, byName(entries));
    }

    private static Map<String, TreeEntry> byName(List<TreeEntry> entries) {
      Map<String, TreeEntry> byName = new HashMap<>(entries.size() * 2);
      entries.forEach(e -> byName.putIfAbsent(e.name(), e));
      return byName;
    }
  }
}
