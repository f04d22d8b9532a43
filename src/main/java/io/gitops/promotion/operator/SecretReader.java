package io.gitops.promotion.operator;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data of Secrets in the operator's namespace, each kept for a short while: a promotion
 * resolves its repository two or three times (hand-over, after-steps, verification), and 100 of
 * them at once made hundreds of GETs of the same Secret. A rotated Secret is used at most {@link
 * #FRESH} after the change, with no restart; a missing one is never kept.
 */
final class SecretReader {
  static final Duration FRESH = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  SecretReader(KubernetesClient client, String namespace, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
  }

  /**
   * @throws RequestRejectedException {@code CredentialsNotFound} when there is no such Secret
   */
  Map<String, String> data(String secretName) {
    Instant now = clock.instant();
    Read read = reads.get(secretName);
    if (read == null || !now.isBefore(read.at().plus(FRESH))) {
      read = new Read(fetch(secretName), now);
      reads.put(secretName, read);
    }
    return read.data();
  }

  String namespace() {
    return namespace;
  }

  private Map<String, String> fetch(String secretName) {
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new RequestRejectedException(
          RejectionReason.CREDENTIALS_NOT_FOUND,
          "Secret " + namespace + "/" + secretName + " not found");
    }
    Map<String, String> data = new HashMap<>();
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return Map.copyOf(data);
  }

  private record Read(Map<String, String> data, Instant at) {}
}
