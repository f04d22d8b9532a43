package io.gitops.promotion.bench;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * A Git tree kept in memory between commits. Writing it inserts only the directories on the paths
 * changed since the last write, so a history commit that touches one file costs a blob and a
 * handful of trees whatever the size of the repository (a {@code DirCache} would rewrite every
 * tree).
 */
final class IncrementalTree {
  private final Directory root = new Directory();

  /** Sets a file (path with '/') to a blob already inserted. */
  void put(String path, ObjectId blob) {
    Directory dir = root;
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      dir.id = null;
      dir = (Directory) dir.entries.computeIfAbsent(parts[i] + "/", k -> new Directory());
    }
    dir.id = null;
    dir.entries.put(parts[parts.length - 1], blob);
  }

  /** Inserts the changed trees and returns the root tree's id. */
  ObjectId write(ObjectInserter inserter) throws IOException {
    return root.write(inserter);
  }

  /**
   * Entries keyed by name, with a '/' after directory names: then plain string order is Git's tree
   * order (our names are ASCII). The id is null while the directory has unwritten changes.
   */
  private static final class Directory {
    final Map<String, Object> entries = new TreeMap<>();
    ObjectId id;

    ObjectId write(ObjectInserter inserter) throws IOException {
      if (id != null) {
        return id;
      }
      TreeFormatter tree = new TreeFormatter(entries.size() * 48);
      for (Map.Entry<String, Object> entry : entries.entrySet()) {
        String key = entry.getKey();
        if (entry.getValue() instanceof Directory child) {
          tree.append(key.substring(0, key.length() - 1), FileMode.TREE, child.write(inserter));
        } else {
          tree.append(key, FileMode.REGULAR_FILE, (ObjectId) entry.getValue());
        }
      }
      id = inserter.insert(tree);
      return id;
    }
  }
}
