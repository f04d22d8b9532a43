package io.gitops.promotion.git;

/** How to authenticate to a Git remote. Secret values never appear in {@link #toString()}. */
public sealed interface GitCredentials {

  /** Anonymous access, or a {@code file://} remote. */
  record None() implements GitCredentials {}

  /** HTTPS basic authentication; a token goes in the password with any non-empty username. */
  record UsernamePassword(String username, String password) implements GitCredentials {
    @Override
    public String toString() {
      return "UsernamePassword[username=" + username + ", password=***]";
    }
  }

  /** SSH with a private key (OpenSSH or PEM text) and the server's known_hosts lines. */
  record SshKey(String privateKey, String knownHosts) implements GitCredentials {
    @Override
    public String toString() {
      return "SshKey[privateKey=***, knownHosts=" + (knownHosts == null ? "none" : "set") + "]";
    }
  }

  static GitCredentials none() {
    return new None();
  }
}
