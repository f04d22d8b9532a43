package io.gitops.promotion.engine;

import io.gitops.promotion.layout.RepositoryFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The files of one commit held in a map, path -> text, for planner tests with no Git at all. */
record InMemoryFiles(Map<String, String> files) implements RepositoryFiles {
  InMemoryFiles {
    files = new TreeMap<>(files);
  }

  @Override
  public Optional<String> read(String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public List<String> directories(String path) {
    String prefix = path.isEmpty() ? "" : path + "/";
    return files.keySet().stream()
        .filter(f -> f.startsWith(prefix))
        .map(f -> f.substring(prefix.length()))
        .filter(rest -> rest.contains("/"))
        .map(rest -> rest.substring(0, rest.indexOf('/')))
        .distinct()
        .sorted()
        .toList();
  }

  @Override
  public Optional<Instant> since(String path, Predicate<String> holds) {
    return read(path).map(text -> Instant.EPOCH);
  }

  /** One commit and no history: nothing before it. */
  @Override
  public Optional<String> beforeLastChange(String path) {
    return Optional.empty();
  }
}
