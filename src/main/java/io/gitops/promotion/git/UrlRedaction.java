package io.gitops.promotion.git;

import java.util.regex.Pattern;

/**
 * Removes credentials from Git and GitLab URLs, alone or inside any text (an exception message, a
 * command line echoed by a parse error), so that no secret reaches a terminal, a log or a status.
 *
 * <p>Redacted, in every form a user may write or a library may echo:
 *
 * <ul>
 *   <li>the whole user-info of a URL with a scheme ({@code https://user:pass@host/x}, {@code
 *       ssh://user:pw@host/x}, {@code https://oauth2:TOKEN@host}, {@code https://TOKEN@host}): it
 *       ends at the <em>last</em> {@code @} of the URL, because a password may hold a raw {@code @}
 *       or {@code /} that its writer did not percent-encode;
 *   <li>the password of an scp-like address ({@code user:SECRET@host:group/x.git} becomes {@code
 *       user@host:group/x.git}); the user name of {@code git@host:x.git} is not a secret and stays;
 *   <li>the value of any query parameter whose name speaks of a secret ({@code private_token},
 *       {@code access_token}, {@code token}, {@code password}, {@code secret}, {@code key}, {@code
 *       sig}, {@code auth} ...), which becomes {@code ***}.
 * </ul>
 *
 * <p>It errs on the side of removing too much: a URL whose path holds an {@code @} loses what comes
 * before it, which is harmless in a message.
 */
public final class UrlRedaction {

  /** A scheme, then everything up to the URL's last {@code @}: the user-info and what hides it. */
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^\\s'\"<>`]*@");

  /** {@code user:password@host:path}, the password possibly holding raw {@code @}s. */
  private static final Pattern SCP_PASSWORD =
      Pattern.compile("(?<![^\\s'\"(<=\\[])([A-Za-z0-9._~%+-]+):[^\\s'\"<>`]*@([A-Za-z0-9.-]+:)");

  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)([?&;][A-Za-z0-9_.-]*(?:token|password|passwd|pwd|secret|key|sig|auth|credential)"
              + "[A-Za-z0-9_.-]*=)[^&#\\s'\"<>`()]*");

  private UrlRedaction() {}

  /** The text with every credential of every URL in it removed; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = USER_INFO.matcher(text).replaceAll("$1");
    redacted = SCP_PASSWORD.matcher(redacted).replaceAll("$1@$2");
    return SECRET_PARAMETER.matcher(redacted).replaceAll("$1***");
  }
}
