package io.gitops.promotion.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.Planner;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.yaml.OverlayFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRepositoryIT {
  private static final RepositoryShape SHAPE = RepositoryShape.uniform(2, 3, 2, 40, 7L);

  @TempDir Path dir;

  @Test
  void generatesTheShapeAskedFor() throws Exception {
    SyntheticRepository repo = SyntheticRepository.generate(SHAPE, dir.resolve("a.git"));

    assertThat(commitCount(repo.bareDir())).isEqualTo(40);
    assertThat(repo.groups()).hasSize(2);
    Map<String, String> files = files(repo.bareDir());
    assertThat(files).containsKey("workloads/promote-state.yaml");
    for (String group : repo.groups()) {
      assertThat(repo.services(group)).hasSize(3);
      for (String service : repo.services(group)) {
        String prefix = "workloads/" + group + "/" + service + "/";
        assertThat(files).containsKey(prefix + "base/values.yaml");
        for (String env : List.of("dft", "dev", "tst", "stg", "prd")) {
          OverlayFile overlay =
              OverlayFile.parse(files.get(prefix + "overlays/" + env + "/values.yaml"));
          assertThat(overlay.applications())
              .hasSize(2)
              .allSatisfy(app -> assertThat(app.tag()).isNotBlank());
        }
      }
    }
    assertThat(files).hasSize(1 + 1 + 2 * 3 * 6);
  }

  @Test
  void theSameSeedGivesTheSameRepository() throws Exception {
    SyntheticRepository first = SyntheticRepository.generate(SHAPE, dir.resolve("a.git"));
    SyntheticRepository second = SyntheticRepository.generate(SHAPE, dir.resolve("b.git"));
    SyntheticRepository other =
        SyntheticRepository.generate(
            RepositoryShape.uniform(2, 3, 2, 40, 8L), dir.resolve("c.git"));

    assertThat(head(second.bareDir())).isEqualTo(head(first.bareDir()));
    assertThat(head(other.bareDir())).isNotEqualTo(head(first.bareDir()));
  }

  @Test
  void aBumpMakesEveryApplicationOfTheGroupPromotable() throws Exception {
    SyntheticRepository repo = SyntheticRepository.generate(SHAPE, dir.resolve("a.git"));
    String group = repo.groups().get(1);

    repo.bumpTags(group, "dev");

    assertThat(commitCount(repo.bareDir())).isEqualTo(41);
    PromotionPlan plan;
    try (GitWorkspace ws =
        GitWorkspace.open(
            new GitRemote(repo.bareDir().toUri().toString(), "main", GitCredentials.none()),
            dir.resolve("clone.git"))) {
      ws.sync();
      plan =
          new Planner(OverlaysLayout.defaults())
              .plan(
                  new RequestValidator(EnvironmentCatalog.defaults())
                      .validate(
                          new PromotionParameters(
                              "p", group, "DEV", "TST", null, true, false, null, "bench")),
                  ws.files());
    }
    assertThat(plan.changes()).hasSize(3 * 2);
    assertThat(plan.edits()).hasSize(3);
    assertThat(plan.warnings()).isEmpty();
  }

  private static int commitCount(Path bare) throws IOException {
    try (Repository repo = open(bare);
        RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
      int count = 0;
      for (var ignored : walk) {
        count++;
      }
      return count;
    }
  }

  private static ObjectId head(Path bare) throws IOException {
    try (Repository repo = open(bare)) {
      return repo.resolve("refs/heads/main");
    }
  }

  private static Map<String, String> files(Path bare) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Repository repo = open(bare);
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        files.put(
            tree.getPathString(),
            new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Repository open(Path bare) throws IOException {
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
  }
}
