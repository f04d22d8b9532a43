package io.gitops.promotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.e2e.CommandResult;
import io.gitops.promotion.e2e.ExternalCommand;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image tarball Jib writes at package time (target/jib-image.tar, no Docker daemon): its
 * configuration runs the operator as a non-root user on the health port with OCI labels, and its
 * file system really runs it (layers unpacked and chroot'ed, as a container runtime would). Run by
 * Failsafe after package (see pom.xml), not by Surefire.
 */
class ImageTarballIT {
  private static final Path TARBALL = Path.of("target/jib-image.tar");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir static Path layout;
  private static JsonNode manifest;
  private static JsonNode config;

  @BeforeAll
  static void readTheImage() throws IOException {
    assertThat(TARBALL).as("built by mvn package (jib:buildTar)").exists();
    run(List.of("tar", "-xf", TARBALL.toAbsolutePath().toString(), "-C", layout.toString()))
        .orThrow();
    assertThat(layout.resolve("oci-layout")).as("an OCI image layout").exists();
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    manifest = blob(index.at("/manifests/0/digest").asText());
    config = blob(manifest.at("/config/digest").asText()).get("config");
  }

  @Test
  void runsTheOperatorAsANonRootUser() {
    assertThat(config.get("User").asText()).isEqualTo("10001:10001");
    assertThat(texts(config.get("Entrypoint")))
        .startsWith("/opt/java/bin/java")
        .endsWith("io.gitops.promotion.cli.Main");
    assertThat(texts(config.get("Cmd")))
        .containsExactly("operator", "--config", "/etc/promotion-operator/operator.yaml");
    assertThat(texts(config.get("Env"))).contains("HOME=/tmp");
  }

  @Test
  void exposesTheMetricsAndHealthPort() {
    assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
  }

  @Test
  void carriesTheOpenContainersLabels() {
    JsonNode labels = config.get("Labels");
    assertThat(labels.get("org.opencontainers.image.title").asText())
        .isEqualTo("promotion-operator");
    assertThat(labels.get("org.opencontainers.image.version").asText())
        .isNotBlank()
        .doesNotContain("${");
    assertThat(labels.get("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.get("org.opencontainers.image.description").asText()).isNotBlank();
  }

  @Test
  void itsFileSystemRunsTheEntrypointAsTheImageUser(@TempDir Path root) throws IOException {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "unpacking with owners and chroot need root (CI runs as root)");
    for (JsonNode layer : manifest.get("layers")) {
      run(List.of(
              "tar",
              "-xzf",
              blobPath(layer.get("digest").asText()).toString(),
              "-C",
              root.toString()))
          .orThrow();
    }
    Files.createDirectories(root.resolve("proc"));
    // a container's root directory is world-readable; a JUnit temporary directory is not
    Files.setPosixFilePermissions(
        root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    CommandResult version = runInImage(root, "--version");
    assertThat(version.exitCode()).as(version.describe()).isZero();

    // A dry-run promotion: JGit, the YAML editor and the planner on the image's own runtime.
    GitOpsRepository.create(root.resolve("srv"), "gitops.git", GitOpsRepository.EXAMPLE);
    CommandResult preview =
        runInImage(
            root,
            "promote",
            "--repo",
            "/srv/gitops.git",
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST");
    assertThat(preview.exitCode()).as(preview.describe()).isZero();
    assertThat(preview.stdout()).as(preview.describe()).contains("Preview [DEV]");
  }

  /**
   * The image's entrypoint with these arguments, as its user, in a chroot with /proc like a
   * container's.
   */
  private static CommandResult runInImage(Path root, String... args) {
    String script =
        "mount -t proc proc \"$1\"/proc && shift && exec chroot --userspec=10001:10001 \"$@\"";
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--fork",
                "sh",
                "-c",
                script,
                "sh",
                root.toString(),
                root.toString()));
    command.addAll(texts(config.get("Entrypoint")));
    command.addAll(List.of(args));
    return run(command);
  }

  private static JsonNode blob(String digest) throws IOException {
    return JSON.readTree(blobPath(digest).toFile());
  }

  private static Path blobPath(String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static CommandResult run(List<String> command) {
    return new ExternalCommand(Path.of("").toAbsolutePath(), Map.of(), TIMEOUT, false).run(command);
  }
}
