package io.gitops.promotion.layout;

import io.gitops.promotion.yaml.ImageTagGrammar;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value a promotion copies for one application, as one string: a tag ({@code 1.5.0}), a tag
 * pinned to a digest ({@code 1.5.0@sha256:<64 hex>}), a digest alone ({@code sha256:<64 hex>}), or,
 * when a layout copies the image name as well, a reference ({@code
 * harbor.example.com/shop/web:1.5.0}). The state file, the changes table and the status show it as
 * it is, so a digest shows with its tag; a rollback hands the same string back to the layout, which
 * splits it again.
 *
 * @param name the image name, null when not copied
 * @param tag null when only a digest is copied
 * @param digest null when the application is not pinned
 */
public record ImageVersion(String name, String tag, String digest) {
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+([._-]+[a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");

  /**
   * What a digest of any algorithm looks like, so that {@code sha512:<hex>} is a (refused) digest,
   * not name:tag.
   */
  private static final Pattern DIGEST_LIKE =
      Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}");

  public static ImageVersion parse(String value) {
    if (value == null) {
      return new ImageVersion(null, null, null);
    }
    int at = value.indexOf('@');
    String digest = at < 0 ? null : value.substring(at + 1);
    String rest = at < 0 ? value : value.substring(0, at);
    if (at < 0 && (value.startsWith("sha256:") || DIGEST_LIKE.matcher(value).matches())) {
      return new ImageVersion(null, null, value);
    }
    int colon = rest.lastIndexOf(':');
    int slash = rest.lastIndexOf('/');
    if (colon > slash) {
      return new ImageVersion(rest.substring(0, colon), rest.substring(colon + 1), digest);
    }
    if (slash >= 0) {
      return new ImageVersion(rest, null, digest);
    }
    return new ImageVersion(null, rest.isEmpty() ? null : rest, digest);
  }

  /** The one string this version is written as; see the class comment. */
  public String value() {
    String pinned = tag == null ? digest : digest == null ? tag : tag + "@" + digest;
    if (name == null) {
      return pinned;
    }
    return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  public boolean pinned() {
    return digest != null;
  }

  /**
   * Why the value cannot be copied: a tag outside the OCI grammar, a digest that is not {@code
   * sha256:} and 64 lower-case hex digits, an image name that is not one. Empty when it can.
   */
  public static Optional<String> problem(String value) {
    ImageVersion version = parse(value);
    if (version.name() != null && !NAME.matcher(version.name()).matches()) {
      return Optional.of("the image name '" + version.name() + "' is not a valid image name");
    }
    String unnamed =
        version.name() == null
            ? value
            : value.substring(version.name().length()).replaceFirst("^[:@]", "");
    return ImageTagGrammar.problemWithDigest(unnamed);
  }
}
