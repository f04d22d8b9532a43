package io.gitops.promotion.argocd;

import static io.gitops.promotion.argocd.LuaHealthCheck.CUSTOMIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The argocd-cm patch carries exactly the health.lua files, byte for byte, under the keys Argo CD
 * reads, and the kustomize Component applies it to argocd-cm in whatever namespace Argo CD runs.
 */
class ArgoCdConfigMapPatchTest {
  static final Path DIR = Path.of("deploy", "argocd");
  static final List<String> KINDS = List.of("Promotion", "PromotionRollback");

  @Test
  void patchHoldsEachHealthScriptByteForByte() throws IOException {
    ConfigMap patch =
        Serialization.unmarshal(
            Files.readString(DIR.resolve("argocd-cm-patch.yaml")), ConfigMap.class);
    assertThat(patch.getData())
        .containsOnlyKeys(KINDS.stream().map(ArgoCdConfigMapPatchTest::healthKey).toList());
    for (String kind : KINDS) {
      assertThat(patch.getData().get(healthKey(kind)))
          .as(
              "%s differs from %s/health.lua: run deploy/argocd/generate-argocd-cm-patch.sh",
              healthKey(kind), kind)
          .isEqualTo(Files.readString(CUSTOMIZATIONS.resolve(kind).resolve("health.lua")));
    }
  }

  @Test
  void patchNamesArgoCdsConfigMapWithoutPinningItsNamespace() throws IOException {
    ConfigMap patch =
        Serialization.unmarshal(
            Files.readString(DIR.resolve("argocd-cm-patch.yaml")), ConfigMap.class);
    assertThat(patch.getMetadata().getName()).isEqualTo("argocd-cm");
    assertThat(patch.getMetadata().getNamespace()).isNull();
  }

  @Test
  void kustomizeComponentPatchesArgocdCmWhereverItIs() throws IOException {
    JsonNode kustomization = new YAMLMapper().readTree(DIR.resolve("kustomization.yaml").toFile());
    assertThat(kustomization.get("kind").asText()).isEqualTo("Component");
    assertThat(kustomization.get("patches")).hasSize(1);
    JsonNode patch = kustomization.get("patches").get(0);
    assertThat(patch.get("path").asText()).isEqualTo("argocd-cm-patch.yaml");
    assertThat(patch.get("target").get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(patch.get("target").get("name").asText()).isEqualTo("argocd-cm");
    assertThat(patch.get("target").has("namespace")).isFalse();
  }

  /** Argo CD's key for a group and kind: {@code resource.customizations.health.<group>_<kind>}. */
  static String healthKey(String kind) {
    return "resource.customizations.health.promotion.gitops.io_" + kind;
  }
}
