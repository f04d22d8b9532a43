package io.gitops.promotion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * A synthetic GitOps repository in the specification's layout, generated from a {@link
 * RepositoryShape} into a bare repository whose branch {@code main} has exactly {@code commits}
 * commits: an initial one with every file, then history that deploys to DEV and DFT, promotes parts
 * of groups and scales services. Objects are written straight into one pack and then repacked with
 * deltas, as a server's repository would be after {@code git gc}.
 */
public final class SyntheticRepository {
  public static final String BRANCH = "main";

  private final RepositoryShape shape;
  private final Path bareDir;
  private final Map<String, List<String>> servicesByGroup;

  private SyntheticRepository(
      RepositoryShape shape, Path bareDir, Map<String, List<String>> servicesByGroup) {
    this.shape = shape;
    this.bareDir = bareDir;
    this.servicesByGroup = servicesByGroup;
  }

  /** Generates the repository into {@code bareDir}, which must not exist or be empty. */
  public static SyntheticRepository generate(RepositoryShape shape, Path bareDir) {
    SplittableRandom random = new SplittableRandom(shape.seed());
    WorkloadModel model = WorkloadModel.create(shape, random);
    try {
      requireEmpty(bareDir);
      try (Repository repo = FileRepositoryBuilder.create(bareDir.toFile())) {
        repo.create(true);
        RefUpdate head = repo.updateRef(Constants.HEAD);
        head.disableRefLog();
        head.link(Constants.R_HEADS + BRANCH);
        ObjectId tip;
        try (PackInserter inserter =
            ((FileRepository) repo).getObjectDatabase().newPackInserter()) {
          inserter.checkExisting(false);
          // the repack below compresses everything again, with deltas
          inserter.setCompressionLevel(1);
          tip = new HistoryWriter(model, inserter, random).write(shape.commits());
          inserter.flush();
        }
        BranchUpdate.force(repo, tip);
        repackWithDeltas((FileRepository) repo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SyntheticRepository(shape, bareDir, names(model));
  }

  /**
   * A repository generated earlier from {@code shape} (names come from the shape, not the files).
   */
  public static SyntheticRepository existing(RepositoryShape shape, Path bareDir) {
    if (!Files.isDirectory(bareDir.resolve("objects"))) {
      throw new IllegalArgumentException(bareDir + " is not a bare repository");
    }
    return new SyntheticRepository(
        shape, bareDir, names(WorkloadModel.create(shape, new SplittableRandom(shape.seed()))));
  }

  /** A copy of the repository in {@code dir}, to use and change while this one stays pristine. */
  public SyntheticRepository copyTo(Path dir) {
    try {
      requireEmpty(dir);
      BenchFiles.copyTree(bareDir, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SyntheticRepository(shape, dir, servicesByGroup);
  }

  /**
   * Sets {@code gc.auto = 0}, so that pushes to the repository never start a repack in this JVM.
   */
  public void disableAutomaticGc() {
    try (Repository repo = FileRepositoryBuilder.create(bareDir.toFile())) {
      repo.getConfig().setInt("gc", null, "auto", 0);
      repo.getConfig().save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> names(WorkloadModel model) {
    Map<String, List<String>> services = new LinkedHashMap<>();
    for (int g = 0; g < model.groups.size(); g++) {
      services.put(model.groups.get(g), model.servicesOf(g).stream().map(s -> s.name).toList());
    }
    return services;
  }

  public RepositoryShape shape() {
    return shape;
  }

  public Path bareDir() {
    return bareDir;
  }

  /** The workload groups, in generation order. */
  public List<String> groups() {
    return List.copyOf(servicesByGroup.keySet());
  }

  /** The services of a group, sorted by name as the planner lists them. */
  public List<String> services(String group) {
    return servicesByGroup.get(group).stream().sorted().toList();
  }

  /**
   * Commits on {@code main}, as CI would, a new patch version of every application of the group in
   * one environment ({@code "dev"}), so that the next promotion from it changes every service.
   *
   * @return the new head
   */
  public String bumpTags(String group, String envDir) {
    try (Repository repo = FileRepositoryBuilder.create(bareDir.toFile())) {
      return TagBump.commit(
          repo,
          "workloads/" + group + "/",
          "/overlays/" + envDir + "/values.yaml",
          "ci(" + envDir + "): deploy new builds of " + group);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clone of the repository with its work tree, for benchmarks that read files. */
  public Path checkout(Path dir) {
    try (Git ignored =
        Git.cloneRepository()
            .setURI(bareDir.toUri().toString())
            .setBranch(BRANCH)
            .setDirectory(dir.toFile())
            .call()) {
      return dir;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cloning the generated repository failed", e);
    }
  }

  /**
   * The objects were written whole; without this, every history commit would cost a full copy of
   * its group's tree on disk and on the wire. Reusing nothing makes JGit search for deltas.
   */
  private static void repackWithDeltas(FileRepository repo) throws IOException {
    PackConfig config = new PackConfig(repo);
    config.setReuseObjects(false);
    config.setReuseDeltas(false);
    GC gc = new GC(repo);
    gc.setPackConfig(config);
    try {
      gc.gc().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while repacking", e);
    } catch (ExecutionException | java.text.ParseException | GitAPIException e) {
      throw new IllegalStateException("repacking the generated repository failed", e);
    }
  }

  private static void requireEmpty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty");
        }
      }
    }
  }
}
