package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.config.VerificationConfig;
import io.gitops.promotion.verify.ApplicationState;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argo CD's {@code Application}s, watched by an informer in the namespaces verification is
 * configured for: every change of one wakes the promotions being verified, which read the
 * informer's cache.
 */
final class ArgoApplications {
  static final GroupVersionKind APPLICATION =
      new GroupVersionKind("argoproj.io", "v1alpha1", "Application");

  private final Set<String> namespaces;
  private final Set<ResourceID> verifying = ConcurrentHashMap.newKeySet();
  private InformerEventSource<GenericKubernetesResource, Promotion> informer;

  ArgoApplications(Set<String> namespaces) {
    this.namespaces = Set.copyOf(namespaces);
  }

  /** The informer, or none when no repository is verified. */
  List<InformerEventSource<GenericKubernetesResource, Promotion>> eventSources(
      EventSourceContext<Promotion> context) {
    if (namespaces.isEmpty()) {
      return List.of();
    }
    informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(APPLICATION, Promotion.class)
                .withName("argocd-applications")
                .withNamespaces(namespaces)
                .withSecondaryToPrimaryMapper(application -> Set.copyOf(verifying))
                .build(),
            context);
    return List.of(informer);
  }

  void watching(Promotion promotion) {
    verifying.add(ResourceID.fromResource(promotion));
  }

  void done(Promotion promotion) {
    verifying.remove(ResourceID.fromResource(promotion));
  }

  /** The Applications of the promoted services: by name template, or by label selector. */
  List<ApplicationState> of(
      VerificationConfig config, String group, List<String> services, String env) {
    if (informer == null) {
      return List.of();
    }
    List<ApplicationState> found = new ArrayList<>();
    if (config.nameTemplate() != null) {
      for (String service : services) {
        config
            .name(group, service, env)
            .flatMap(name -> informer.get(new ResourceID(name, config.namespace())))
            .map(ArgoApplications::state)
            .ifPresent(found::add);
      }
      return found;
    }
    Map<String, String> wanted = labels(config.selector(group, env).orElse(""));
    informer
        .list(
            config.namespace(),
            app ->
                app.getMetadata().getLabels() != null
                    && app.getMetadata().getLabels().entrySet().containsAll(wanted.entrySet()))
        .map(ArgoApplications::state)
        .sorted(java.util.Comparator.comparing(ApplicationState::name))
        .forEach(found::add);
    return found;
  }

  /** Equality selectors only: {@code key=value,key2=value2}. */
  private static Map<String, String> labels(String selector) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (String term : selector.split(",")) {
      String[] kv = term.split("=", 2);
      if (kv.length == 2) {
        labels.put(kv[0].trim(), kv[1].trim());
      }
    }
    return labels;
  }

  @SuppressWarnings("unchecked")
  private static ApplicationState state(GenericKubernetesResource app) {
    Map<String, Object> status = (Map<String, Object>) app.getAdditionalProperties().get("status");
    Map<String, Object> sync = status == null ? null : (Map<String, Object>) status.get("sync");
    Map<String, Object> health = status == null ? null : (Map<String, Object>) status.get("health");
    return new ApplicationState(
        app.getMetadata().getName(),
        sync == null ? null : (String) sync.get("revision"),
        sync == null ? null : (String) sync.get("status"),
        health == null ? null : (String) health.get("status"));
  }
}
