package io.gitops.promotion.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a replica may work on, with a fake clock: a Lease counts until its renew deadline, not
 * longer.
 */
class RepositoryLeasesTest {
  private Instant now = Instant.parse("2026-12-04T06:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final RepositoryLeases leases =
      RepositoryLeases.shared("replica-1", List.of("argocd", "team-b"), clock);

  @Test
  void aLeaseCountsUntilItsRenewDeadlineUnlessRenewed() {
    leases.acquired("team-b", now.plusSeconds(10));

    now = now.plusSeconds(9);
    assertThat(leases.holds("team-b")).isTrue();
    assertThat(leases.mayWrite("team-b")).isTrue();
    now = now.plusSeconds(1);
    assertThat(leases.holds("team-b")).isFalse();
    assertThat(leases.held()).isEmpty();

    leases.renewed("team-b", now.plusSeconds(10));
    assertThat(leases.holds("team-b")).isTrue();
  }

  @Test
  void aRenewalNeverShortensAndNeverRevivesARevokedLease() {
    leases.acquired("argocd", now.plusSeconds(10));
    leases.renewed("argocd", now.plusSeconds(5));
    now = now.plusSeconds(7);
    assertThat(leases.holds("argocd")).isTrue();

    leases.revoke("argocd");
    leases.renewed("argocd", now.plusSeconds(10));
    assertThat(leases.holds("argocd")).isFalse();
  }

  @Test
  void resourcesOfAnUnknownRepositoryBelongToTheFirstRepositorysHolder() {
    assertThat(leases.holds(null)).isFalse();

    leases.acquired("argocd", now.plus(Duration.ofSeconds(10)));

    assertThat(leases.holds(null)).isTrue();
    assertThat(leases.holds("team-b")).isFalse();
    assertThat(leases.held()).containsExactly("argocd");
  }

  @Test
  void takingALeaseTellsTheListenersAfterTheRepositoryCountsAsHeld() {
    List<String> woken = new ArrayList<>();
    leases.onAcquired(repository -> woken.add(repository + ":" + leases.holds(repository)));

    leases.acquired("team-b", now.plusSeconds(10));

    assertThat(woken).containsExactly("team-b:true");
  }

  @Test
  void withoutLeasesEveryRepositoryIsWorkedOn() {
    RepositoryLeases everything = RepositoryLeases.everything("pod-1");

    assertThat(everything.holds("anything")).isTrue();
    assertThat(everything.holds(null)).isTrue();
    assertThat(everything.replica()).isEqualTo("pod-1");
  }
}
