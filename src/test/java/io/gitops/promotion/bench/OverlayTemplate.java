package io.gitops.promotion.bench;

import static io.gitops.promotion.bench.WorkloadModel.ENVIRONMENTS;

import io.gitops.promotion.bench.WorkloadModel.App;
import io.gitops.promotion.bench.WorkloadModel.Service;

/**
 * Renders a service's {@code values.yaml} files the way people write them: header comments,
 * environment-specific fields that are never promoted (names, namespaces, replicas, log levels,
 * ingress hosts, TLS), and tags quoted in the service's own style.
 */
final class OverlayTemplate {
  private static final String[] LOG_LEVELS = {"debug", "debug", "info", "info", "warn"};
  private static final String[] EXTRA_ENV = {
    "JAVA_OPTS: \"-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError\"",
    "OTEL_EXPORTER_OTLP_ENDPOINT: \"http://otel-collector.observability:4317\"",
    "FEATURE_FLAGS: \"new-checkout,fast-search\"",
    "TZ: Europe/Amsterdam",
    "DB_POOL_SIZE: \"20\""
  };

  private OverlayTemplate() {}

  static String overlay(Service service, int env) {
    String envDir = ENVIRONMENTS.get(env);
    String envName = envDir.toUpperCase(java.util.Locale.ROOT);
    StringBuilder y = new StringBuilder(1024);
    if (service.style.documentStart()) {
      y.append("---\n");
    }
    y.append("# ")
        .append(service.group)
        .append('/')
        .append(service.name)
        .append(": ")
        .append(envName)
        .append(
            " overlay. Image tags are written by promotion-operator; everything else is ours.\n");
    y.append("fullnameOverride: \"")
        .append(service.name)
        .append('-')
        .append(envDir)
        .append("\"  # Environment-specific, NOT promoted\n");
    y.append("namespace: \"").append(service.group).append('-').append(envDir).append("\"\n");
    y.append("replicaCount: ").append(service.replicas[env]).append('\n');
    y.append('\n').append("applications:\n");
    for (App app : service.apps) {
      application(y, service, app, env, envDir, envName);
    }
    return y.toString();
  }

  private static void application(
      StringBuilder y, Service service, App app, int env, String envDir, String envName) {
    y.append("  - name: \"").append(app.name).append("\"\n");
    y.append("    image:\n");
    y.append("      repository: \"").append(app.imageRepository).append("\"\n");
    y.append("      tag: ").append(quoted(service, app.tags[env].toString()));
    if (service.style.tagComment()) {
      y.append("  # promoted from the previous environment");
    }
    y.append('\n');
    y.append("      pullPolicy: IfNotPresent\n");
    y.append("    gitlabProjectId: ").append(app.projectId).append('\n');
    y.append("    env:\n");
    y.append("      ENV: \"").append(envName).append("\"\n");
    y.append("      LOG_LEVEL: ").append(LOG_LEVELS[env]).append('\n');
    for (int i = 0; i < service.style.extraEnv(); i++) {
      y.append("      ").append(EXTRA_ENV[i]).append('\n');
    }
    if (service.style.resources()) {
      y.append("    resources:\n      requests:\n        cpu: ")
          .append(100 * (env + 1))
          .append("m\n")
          .append("        memory: ")
          .append(env < 2 ? "256Mi" : "512Mi")
          .append('\n')
          .append("      limits:\n        memory: ")
          .append(env < 2 ? "512Mi" : "1Gi")
          .append('\n');
    }
    y.append("    service:\n      http:\n        port: \"8080\"\n");
    if (app.ingress) {
      String host = app.name + (env == WorkloadModel.PRD ? "" : "-" + envDir) + ".apps.example.com";
      y.append("    ingress:\n      enabled: true\n      annotations:\n")
          .append("        nginx.ingress.kubernetes.io/proxy-body-size: \"10m\"\n")
          .append("      hosts:\n        - host: \"")
          .append(host)
          .append("\"\n")
          .append("          paths:\n            - path: /\n              pathType: Prefix\n")
          .append("      tls:\n        - secretName: ")
          .append(app.name)
          .append('-')
          .append(envDir)
          .append("-tls\n")
          .append("          hosts:\n            - \"")
          .append(host)
          .append("\"\n");
    }
  }

  static String base(Service service) {
    return "# Shared values of "
        + service.group
        + "/"
        + service.name
        + "; environment overlays override them.\n"
        + "replicaCount: 1\n"
        + "podSecurityContext:\n  runAsNonRoot: true\n"
        + "resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n"
        + "probes:\n  liveness: /actuator/health/liveness\n  readiness: /actuator/health/readiness\n";
  }

  private static String quoted(Service service, String tag) {
    return switch (service.style.quote()) {
      case DOUBLE -> "\"" + tag + "\"";
      case SINGLE -> "'" + tag + "'";
      case PLAIN -> tag;
    };
  }
}
