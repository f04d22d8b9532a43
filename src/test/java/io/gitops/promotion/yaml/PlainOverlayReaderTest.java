package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * The fast reader against {@link OverlayReader} (snakeyaml-engine): whenever it reads a file, it
 * reads exactly what snakeyaml-engine reads; whenever snakeyaml-engine refuses a file or warns
 * about it, the fast reader leaves it to snakeyaml-engine.
 */
class PlainOverlayReaderTest {

  /** What the fast reader did with a text, checked against the snakeyaml-engine reader. */
  private static boolean readsAsSnakeyaml(String text) {
    Optional<List<ApplicationEntry>> fast = PlainOverlayReader.read(text);
    List<ApplicationEntry> slow = null;
    List<String> warnings = List.of();
    Exception refused = null;
    try {
      OverlayReader reader = new OverlayReader(text);
      slow = reader.read();
      warnings = reader.warnings();
    } catch (Exception e) {
      refused = e;
    }
    if (fast.isEmpty()) {
      return false;
    }
    assertThat(refused).as("snakyaml refuses what the fast reader read:\n%s", text).isNull();
    assertThat(warnings).as("snakeyaml warns about:\n%s", text).isEmpty();
    assertThat(fast.get()).as("entries of:\n%s", text).isEqualTo(slow);
    return true;
  }

  @Test
  void readsEveryOverlayOfTheTestResourcesAsSnakeyamlDoes() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .toList();
    }
    int read = 0;
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (readsAsSnakeyaml(text) && text.contains("applications:")) {
        read++;
      }
    }
    assertThat(files).hasSizeGreaterThan(50);
    assertThat(read).as("overlays with applications read by the fast reader").isGreaterThan(20);
  }

  @Test
  void readsEveryGeneratedOverlayAsSnakeyamlDoesAndMostPlainOnesItself() {
    Random random = new Random(20261204);
    int plainRead = 0;
    int plain = 0;
    int mutatedRead = 0;
    int mutated = 0;
    for (int i = 0; i < 3000; i++) {
      String overlay = OverlayGenerator.overlay(random);
      plain++;
      if (readsAsSnakeyaml(overlay)) {
        plainRead++;
      }
      String variant = OverlayGenerator.mutate(overlay, random);
      mutated++;
      if (readsAsSnakeyaml(variant)) {
        mutatedRead++;
      }
    }
    assertThat(plainRead).as("plain overlays read by the fast reader").isEqualTo(plain);
    // some mutations stay in the subset (a comment, CRLF), most leave it
    assertThat(mutatedRead).isBetween(mutated / 20, mutated - mutated / 5);
  }

  @Test
  void aQuotedTagIsLocatedWithItsQuotesAndAnEmptyOneRightAfterItsColon() {
    String text =
        "applications:\r\n"
            + "- name: web # the site\r\n"
            + "  image:\r\n"
            + "    repository: registry/web\r\n"
            + "    tag: \"1.5.0\"   # promoted\r\n"
            + "- name: api\r\n"
            + "  image:\r\n"
            + "    tag:\r\n";
    List<ApplicationEntry> entries = PlainOverlayReader.read(text).orElseThrow();

    assertThat(entries).hasSize(2);
    TagSite web = entries.get(0).tagSite();
    assertThat(text.substring(web.start(), web.end())).isEqualTo("\"1.5.0\"");
    assertThat(web.style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
    assertThat(web.position()).isEqualTo(new SourcePosition(5, 5));
    assertThat(entries.get(0).position()).isEqualTo(new SourcePosition(2, 3));
    TagSite api = entries.get(1).tagSite();
    assertThat(api.start()).isEqualTo(api.end());
    assertThat(text.charAt(api.start() - 1)).isEqualTo(':');
    assertThat(entries.get(1).application().tag()).isNull();
    assertThat(readsAsSnakeyaml(text)).isTrue();
  }

  @Test
  void leavesToSnakeyamlWhatItDoesNotFullyUnderstand() {
    List<String> outside =
        List.of(
            "applications:\n- name: web\n  image:\n    tag: &t 1.0\n",
            "applications:\n- name: web\n  image:\n    tag: !!str 1.0\n",
            "applications:\n- name: web\n  image:\n    tag: |\n      1.0\n",
            "applications:\n- name: web\n  image:\n    tag: \"1.\\u0030\"\n",
            "applications:\n- name: web\n  image:\n    tag: 1.0\n      continued\n",
            "applications:\n- name: web\n  image: {repository: r, tag: 1.0}\n",
            "applications:\n- name: web\n- name: web\n",
            "applications:\n- name: web\n  name: api\n",
            "a: 1\n---\napplications: []\n",
            "\uFEFFapplications: []\n",
            "applications:\n\t- name: web\n",
            "applications:\n- name: web\n  image:\n    tag: 1.0\r  x: 1\n",
            "applications: ~\n",
            "applications:\n- web\n");
    for (String text : outside) {
      assertThat(PlainOverlayReader.read(text)).as(text).isEmpty();
      readsAsSnakeyaml(text);
    }
  }

  /** Overlays as people write them, and ways to write them that leave the plain subset. */
  static final class OverlayGenerator {
    private static final String[] TAGS = {
      "1.5.0",
      "\"1.5.0\"",
      "'1.5.0'",
      "1.10",
      "v2.3.4-rc.1",
      "\"\"",
      "~",
      "null",
      "",
      "'it''s'",
      "sha256:0a1b",
      "1.0.0 # pinned",
      "\"1.0\"  # quoted",
      "-1",
      "2024.01.02"
    };

    private OverlayGenerator() {}

    static String overlay(Random random) {
      StringBuilder y = new StringBuilder();
      if (random.nextInt(3) == 0) {
        y.append("# ").append("group/service: TST overlay\n");
      }
      if (random.nextInt(3) == 0) {
        y.append("---\n");
      }
      y.append("fullnameOverride: \"svc-tst\"  # not promoted\n");
      y.append("replicaCount: ").append(random.nextInt(5)).append('\n');
      if (random.nextBoolean()) {
        y.append("resources: {}\ntolerations: []\n");
      }
      if (random.nextBoolean()) {
        y.append("ingress:\n  enabled: true\n  hosts:\n    - host: svc.example.com\n")
            .append("      paths:\n        - /\n  annotations:\n")
            .append("    cert-manager.io/cluster-issuer: letsencrypt\n");
      }
      y.append("\napplications:\n");
      String item = random.nextBoolean() ? "" : "  ";
      String in = item + "  ";
      int apps = 1 + random.nextInt(3);
      for (int a = 0; a < apps; a++) {
        y.append(item).append("- name: app-").append(a).append('\n');
        if (random.nextBoolean()) {
          y.append(in).append("gitlabProjectId: ").append(100 + a).append('\n');
        }
        int choice = random.nextInt(8);
        if (choice == 0) {
          y.append(in).append("image:\n");
        } else if (choice == 1) {
          y.append(in).append("image: {}\n");
        } else {
          String deeper = in + (random.nextBoolean() ? "  " : "    ");
          y.append(in).append("image:\n");
          y.append(deeper).append("repository: registry.example.com/team/app-").append(a);
          y.append('\n');
          y.append(deeper).append("tag: ").append(TAGS[random.nextInt(TAGS.length)]).append('\n');
          if (random.nextInt(4) == 0) {
            y.append(deeper).append("digest: sha256:abcdef\n");
          }
          if (random.nextInt(3) == 0) {
            y.append(deeper).append("pullPolicy: IfNotPresent\n");
          }
        }
        if (random.nextBoolean()) {
          y.append(in).append("env:\n");
          y.append(in).append("  - name: LOG_LEVEL\n").append(in).append("    value: \"info\"\n");
          y.append(in).append("  - name: TZ\n").append(in).append("    value: Europe/Amsterdam\n");
        }
        if (random.nextInt(4) == 0) {
          y.append('\n').append(in).append("# a comment between keys\n");
        }
      }
      if (random.nextBoolean()) {
        y.append("podAnnotations:\n  prometheus.io/scrape: \"true\"\n");
      }
      return y.toString();
    }

    static String mutate(String overlay, Random random) {
      List<String> lines = new ArrayList<>(List.of(overlay.split("\n", -1)));
      int at = 1 + random.nextInt(Math.max(1, lines.size() - 2));
      String line = lines.get(at);
      switch (random.nextInt(22)) {
        case 0 -> lines.set(at, line.replaceFirst("^( *)", "$1\t"));
        case 1 -> lines.set(at, line.replace(": ", ": &anchor "));
        case 2 -> lines.add(at, "other: *anchor");
        case 3 -> lines.set(at, line.replace(": ", ": !!str "));
        case 4 -> lines.add(at + 1, line.replaceAll("\\S.*", "") + "    continued");
        case 5 -> lines.add(at, line);
        case 6 -> lines.add("---\napplications: []");
        case 7 -> {
          return overlay.replace("\n", "\r\n");
        }
        case 8 -> {
          return "\uFEFF" + overlay;
        }
        case 9 -> lines.add(at, " # an odd comment");
        case 10 -> lines.set(at, line + "   ");
        case 11 -> lines.set(at, line.replace(": ", ":"));
        case 12 -> lines.set(at, line.replace("app-", "äpp-"));
        case 13 -> lines.set(at, line.replace(": ", ": \"esc\\\"aped\" "));
        case 14 -> lines.set(at, line + "\r");
        case 15 -> lines.add(at, "...");
        case 16 -> lines.add(at, "? complex");
        case 17 -> lines.add(at, line.replaceAll("\\S.*", "") + "<<: {a: 1}");
        case 18 -> lines.set(at, " " + line);
        case 19 -> lines.set(at, line.replaceFirst("^  ", ""));
        case 20 -> lines.set(at, line.replace(": ", ": [a, b] "));
        default -> lines.set(at, line.replace(": ", ": | "));
      }
      return String.join("\n", lines);
    }
  }
}
