package io.gitops.promotion.gitlabhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * The hook's secret token, compared with the one a delivery carries ({@code X-Gitlab-Token}) in
 * time that depends on neither (both are hashed first, so not even the length shows). Read at each
 * delivery, so a rotated Secret takes effect at once; the token itself goes nowhere else.
 */
public final class SecretToken {
  private final Supplier<String> expected;

  /**
   * @param expected reads the configured token; throws when it cannot be read
   */
  public SecretToken(Supplier<String> expected) {
    this.expected = expected;
  }

  /**
   * @throws RuntimeException when the configured token cannot be read
   */
  public boolean matches(String given) {
    String token = expected.get();
    if (given == null || token == null || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sha256(token), sha256(given));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
