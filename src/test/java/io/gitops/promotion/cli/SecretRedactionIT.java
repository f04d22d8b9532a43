package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever form a credential takes in {@code --repo}, a command that cannot reach the remote prints
 * neither it nor any part of it, in text or JSON, on stdout or stderr. Every remote is a closed
 * port (or an SSH port) on the loopback address, so each run fails fast without the network.
 */
class SecretRedactionIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:SEC@RETPASS@127.0.0.1:1/x.git | RETPASS",
        "https://user:SECRETPASS@127.0.0.1:1/x.git | SECRETPASS",
        "user:SECRETPASS@127.0.0.1:x.git | SECRETPASS",
        "ssh://user:SSHPASS@127.0.0.1:1/x.git | SSHPASS",
        "https://127.0.0.1:1/x.git?private_token=PRIVTOKEN | PRIVTOKEN",
        "https://127.0.0.1:1/x.git?access_token=ACCESSTOKEN | ACCESSTOKEN",
        "https://oauth2:OAUTHTOKEN@127.0.0.1:1/x.git | OAUTHTOKEN",
      })
  void anUnreachableRemoteNeverShowsItsSecret(String url, String secret) {
    for (String output : new String[] {"text", "json"}) {
      CliRun promote =
          CliRun.of(
              Map.of(),
              "promote",
              "--repo",
              url,
              "--group",
              "tbd-test",
              "--from",
              "DEV",
              "--to",
              "TST",
              "--output",
              output);
      CliRun rollback =
          CliRun.of(
              Map.of(),
              "rollback",
              "--repo",
              url,
              "--group",
              "tbd-test",
              "--env",
              "TST",
              "--dry-run=true",
              "--output",
              output);

      assertThat(promote.code()).as(promote.both()).isEqualTo(1);
      assertThat(promote.both()).isNotBlank().doesNotContain(secret).doesNotContain("SEC@");
      assertThat(rollback.code()).as(rollback.both()).isEqualTo(1);
      assertThat(rollback.both()).isNotBlank().doesNotContain(secret).doesNotContain("SEC@");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:SEC@RETPASS@127.0.0.1:1/x.git | RETPASS",
        "user:SECRETPASS@127.0.0.1:x.git | SECRETPASS",
      })
  void aCommandLineErrorThatEchoesTheUrlShowsNoSecretEither(String url, String secret) {
    CliRun run =
        CliRun.of(
            "promote",
            "--repo",
            url,
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            url,
            "--output",
            "json");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument");
    assertThat(run.both()).doesNotContain(secret);
  }
}
