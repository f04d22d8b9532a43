package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops.promotion.git.UrlRedaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes Kubernetes Events on a resource, so {@code kubectl describe} shows its transitions, and
 * logs each as one line with the run's kind, name, namespace, repository, phase and reason as
 * fields. Every message passes through {@link UrlRedaction}: an event may quote a failure that
 * quotes a URL.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "promotion-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final RunSubjects subjects;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this(client, clock, RunSubjects.AS_WRITTEN);
  }

  public EventRecorder(KubernetesClient client, Clock clock, RunSubjects subjects) {
    this.client = client;
    this.clock = clock;
    this.subjects = subjects;
  }

  public void normal(HasMetadata resource, String reason, String message) {
    record(resource, "Normal", reason, message);
  }

  public void warning(HasMetadata resource, String reason, String message) {
    record(resource, "Warning", reason, message);
  }

  private void record(HasMetadata resource, String type, String reason, String text) {
    String message = UrlRedaction.redact(text);
    log(resource, type, reason, message);
    String now = Instant.now(clock).toString();
    String namespace = resource.getMetadata().getNamespace();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                resource.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(resource.getMetadata().getName())
                    .withNamespace(namespace)
                    .withUid(resource.getMetadata().getUid())
                    .withResourceVersion(resource.getMetadata().getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy; losing one must not fail or repeat a promotion.
      LOG.warn(
          "could not record event {} on {}/{}: {}",
          reason,
          namespace,
          resource.getMetadata().getName(),
          e.getCode());
    }
  }

  private void log(HasMetadata resource, String type, String reason, String message) {
    LoggingEventBuilder line = "Warning".equals(type) ? LOG.atWarn() : LOG.atInfo();
    line =
        line.addKeyValue("kind", resource.getKind())
            .addKeyValue("name", resource.getMetadata().getName())
            .addKeyValue("namespace", resource.getMetadata().getNamespace());
    Optional<RunSubject> run = subjects.of(resource);
    if (run.isPresent()) {
      line =
          line.addKeyValue("repository", run.get().repository())
              .addKeyValue("phase", run.get().phase());
    }
    line.addKeyValue("reason", reason).log(message);
  }
}
