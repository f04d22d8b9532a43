package io.gitops.promotion.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Writes a new root tree that differs from a base tree only in the given files: only the trees on
 * the changed paths are read and written again, every other tree and blob is reused by id. A path
 * that crosses or replaces anything but a directory or a regular file is refused.
 */
final class TreeRewriter {
  /** Git's tree order: names compared as bytes, a directory's name as if it ended with '/'. */
  private static final Comparator<Entry> GIT_ORDER = (a, b) -> compare(a.sortKey(), b.sortKey());

  private final ObjectReader reader;
  private final ObjectInserter inserter;

  TreeRewriter(ObjectReader reader, ObjectInserter inserter) {
    this.reader = reader;
    this.inserter = inserter;
  }

  /**
   * @param base the tree to start from, null for an empty one
   * @param blobs new blob of each changed file, by path relative to that tree
   */
  ObjectId rewrite(ObjectId base, Map<String, ObjectId> blobs) throws IOException {
    return rewrite(base, "", blobs);
  }

  private ObjectId rewrite(ObjectId base, String prefix, Map<String, ObjectId> blobs)
      throws IOException {
    Map<String, ObjectId> files = new LinkedHashMap<>();
    Map<String, Map<String, ObjectId>> dirs = new LinkedHashMap<>();
    blobs.forEach(
        (path, blob) -> {
          int slash = path.indexOf('/');
          if (slash < 0) {
            files.put(path, blob);
          } else {
            dirs.computeIfAbsent(path.substring(0, slash), d -> new LinkedHashMap<>())
                .put(path.substring(slash + 1), blob);
          }
        });
    Map<String, Entry> entries = base == null ? new LinkedHashMap<>() : read(base);
    for (Map.Entry<String, ObjectId> file : files.entrySet()) {
      Entry existing = entries.remove(file.getKey());
      if (existing != null && existing.mode() != FileMode.REGULAR_FILE) {
        throw UnsupportedEntry.refuse(prefix + file.getKey(), existing.mode(), "a regular file");
      }
      entries.put(file.getKey(), new Entry(file.getKey(), FileMode.REGULAR_FILE, file.getValue()));
    }
    for (Map.Entry<String, Map<String, ObjectId>> dir : dirs.entrySet()) {
      Entry existing = entries.remove(dir.getKey());
      if (existing != null && existing.mode() != FileMode.TREE) {
        throw UnsupportedEntry.refuse(prefix + dir.getKey(), existing.mode(), "a directory");
      }
      ObjectId tree =
          rewrite(
              existing == null ? null : existing.id(), prefix + dir.getKey() + "/", dir.getValue());
      entries.put(dir.getKey(), new Entry(dir.getKey(), FileMode.TREE, tree));
    }
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(GIT_ORDER);
    TreeFormatter formatter = new TreeFormatter();
    for (Entry e : sorted) {
      formatter.append(e.name(), e.mode(), e.id());
    }
    return inserter.insert(formatter);
  }

  /** The tree's entries by name, in the tree's order. */
  private Map<String, Entry> read(ObjectId tree) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        !parser.eof();
        parser.next()) {
      String name = parser.getEntryPathString();
      entries.put(name, new Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
    }
    return entries;
  }

  private static int compare(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int d = (a[i] & 0xff) - (b[i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return a.length - b.length;
  }

  private record Entry(String name, FileMode mode, ObjectId id, byte[] sortKey) {
    Entry(String name, FileMode mode, ObjectId id) {
      this(
          name,
          mode,
          id,
          (mode == FileMode.TREE ? name + "/" : name).getBytes(StandardCharsets.UTF_8));
    }
  }
}
