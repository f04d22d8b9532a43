package io.gitops.promotion.config;

import static io.gitops.promotion.config.DeployManifests.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Deployment runs the operator as the configuration and the Dockerfile expect it to run. */
class DeploymentManifestTest {
  static final Deployment DEPLOYMENT = only("deployment.yaml", Deployment.class);
  static final PodSpec POD = DEPLOYMENT.getSpec().getTemplate().getSpec();
  static final Container OPERATOR = POD.getContainers().get(0);
  static final OperatorConfig CONFIG = DeployManifestsTest.deployedConfig();

  static VolumeMount mountAt(String path) {
    return OPERATOR.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
  }

  static Volume volume(String name) {
    return POD.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void runsTheOperatorCommandOnTheMountedConfigMap() {
    assertThat(POD.getServiceAccountName()).isEqualTo("promotion-operator");
    assertThat(OPERATOR.getArgs())
        .containsExactly("operator", "--config", "/etc/promotion-operator/operator.yaml");
    assertThat(OPERATOR.getEnv())
        .as("the replica's identity in Leases and on status")
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("POD_NAME");
              assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            });
    VolumeMount config = mountAt("/etc/promotion-operator");
    assertThat(config.getReadOnly()).isTrue();
    assertThat(volume(config.getName()).getConfigMap().getName())
        .isEqualTo(only("configmap.yaml", ConfigMap.class).getMetadata().getName());
  }

  @Test
  void runsAsNonRootOnAReadOnlyRootWithWritableGitCacheAndTmp() {
    assertThat(POD.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(POD.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(OPERATOR.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(OPERATOR.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(OPERATOR.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    for (String path : List.of(CONFIG.git().cacheDir().toString(), "/tmp")) {
      assertThat(volume(mountAt(path).getName()).getEmptyDir()).as(path).isNotNull();
    }
  }

  @Test
  void probesAndMetricsUseTheConfiguredPort() {
    int port = CONFIG.httpPort();
    assertThat(OPERATOR.getPorts())
        .filteredOn(p -> p.getName().equals("http"))
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(port));
    assertThat(OPERATOR.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(OPERATOR.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(OPERATOR.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    ServicePort metrics = only("service.yaml", Service.class).getSpec().getPorts().get(0);
    assertThat(metrics.getName()).isEqualTo("http-metrics");
    assertThat(metrics.getPort()).isEqualTo(port);
    assertThat(metrics.getTargetPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void theGitLabWebhookHasItsPortAServiceAndPeersThatReachEveryReplica() {
    WebhookSettings webhook = CONFIG.webhook();
    assertThat(webhook.enabled()).isTrue();
    assertThat(OPERATOR.getPorts())
        .filteredOn(p -> p.getName().equals("webhook"))
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(webhook.port()));
    List<Service> services =
        DeployManifests.read(DeployManifests.DIR.resolve("webhook-service.yaml")).stream()
            .map(Service.class::cast)
            .toList();
    assertThat(services).hasSize(2);
    for (Service service : services) {
      assertThat(service.getSpec().getSelector())
          .isEqualTo(DEPLOYMENT.getSpec().getSelector().getMatchLabels());
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
          .isEqualTo("webhook");
    }
    Service peers = services.get(1);
    assertThat(peers.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(webhook.peers())
        .isEqualTo(
            peers.getMetadata().getName() + "." + peers.getMetadata().getNamespace() + ".svc");
  }

  @Test
  void requestsAndLimitsResources() {
    assertThat(OPERATOR.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(OPERATOR.getResources().getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void theImageRunsTheSameUserAndCommand() throws Exception {
    String dockerfile = java.nio.file.Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile)
        .contains("USER 10001:10001")
        .contains("\"-jar\", \"/app/promotion-operator.jar\"]")
        .contains("CMD [\"operator\", \"--config\", \"/etc/promotion-operator/operator.yaml\"]");
  }
}
