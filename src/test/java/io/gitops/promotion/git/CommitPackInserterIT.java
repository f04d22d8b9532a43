package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packs a commit writes are packs C Git accepts ({@code git fsck --strict}, {@code git
 * verify-pack}) and JGit reads back byte for byte, with stored trees of more than one zlib block
 * and deflated blobs.
 */
class CommitPackInserterIT {
  @TempDir Path dir;

  @Test
  void writesAPackThatCGitVerifiesAndJGitReadsBack() throws Exception {
    File gitDir = dir.resolve("repo.git").toFile();
    byte[] small =
        "applications:\n  - name: web\n    image:\n      tag: \"1.2.3\"\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] random = new byte[200_000];
    new Random(11).nextBytes(random);
    ObjectId smallId;
    ObjectId randomId;
    ObjectId bigTree;
    ObjectId commit;
    try (Repository repo = FileRepositoryBuilder.create(gitDir)) {
      repo.create(true);
      try (CommitPackInserter inserter = BareRepositories.packInserter(repo)) {
        smallId = inserter.insert(Constants.OBJ_BLOB, small);
        assertThat(inserter.insert(Constants.OBJ_BLOB, small)).isEqualTo(smallId);
        randomId = inserter.insert(Constants.OBJ_BLOB, random);
        // 3,000 entries: a tree of about 110 KB, stored as two zlib blocks.
        TreeFormatter big = new TreeFormatter();
        for (int i = 0; i < 3_000; i++) {
          big.append(
              String.format("svc-%05d", i), FileMode.REGULAR_FILE, i % 2 == 0 ? smallId : randomId);
        }
        bigTree = inserter.insert(big);
        TreeFormatter root = new TreeFormatter();
        root.append("random.bin", FileMode.REGULAR_FILE, randomId);
        root.append("services", FileMode.TREE, bigTree);
        root.append("values.yaml", FileMode.REGULAR_FILE, smallId);
        ObjectId rootTree = inserter.insert(root);
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(rootTree);
        PersonIdent who = new PersonIdent("operator", "op@example.com");
        builder.setAuthor(who);
        builder.setCommitter(who);
        builder.setMessage("one pack\n");
        commit = inserter.insert(builder);
        inserter.flush();
        try (ObjectReader reader = repo.newObjectReader()) {
          assertThat(reader.open(smallId).getBytes()).isEqualTo(small);
        }
      }
      var update = repo.updateRef("refs/heads/main");
      update.setNewObjectId(commit);
      update.forceUpdate();
    }

    File[] packs = new File(gitDir, "objects/pack").listFiles((d, n) -> n.endsWith(".pack"));
    assertThat(packs).hasSize(1);
    assertThat(git(gitDir, "fsck", "--strict", "--no-dangling")).isZero();
    assertThat(git(gitDir, "verify-pack", packs[0].getAbsolutePath().replace(".pack", ".idx")))
        .isZero();

    try (Repository fresh = new FileRepositoryBuilder().setGitDir(gitDir).build();
        ObjectReader reader = fresh.newObjectReader()) {
      assertThat(reader.open(smallId).getBytes()).isEqualTo(small);
      assertThat(reader.open(randomId).getBytes()).isEqualTo(random);
      assertThat(reader.open(bigTree).getSize()).isGreaterThan(0xFFFF);
      assertThat(reader.open(commit).getType()).isEqualTo(Constants.OBJ_COMMIT);
    }
  }

  @Test
  void aFlushWithNothingInsertedWritesNoPack() throws Exception {
    File gitDir = dir.resolve("empty.git").toFile();
    try (Repository repo = FileRepositoryBuilder.create(gitDir)) {
      repo.create(true);
      try (ObjectInserter inserter = BareRepositories.packInserter(repo)) {
        inserter.flush();
      }
    }
    assertThat(new File(gitDir, "objects/pack").list()).isEmpty();
  }

  private static int git(File gitDir, String... args) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of("git", "--git-dir=" + gitDir.getAbsolutePath()));
    command.addAll(java.util.List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
