package io.gitops.promotion.bench;

import static io.gitops.promotion.bench.WorkloadModel.DEV;
import static io.gitops.promotion.bench.WorkloadModel.DFT;
import static io.gitops.promotion.bench.WorkloadModel.ENVIRONMENTS;

import io.gitops.promotion.bench.WorkloadModel.App;
import io.gitops.promotion.bench.WorkloadModel.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One commit of synthetic history, in the proportions a busy GitOps repository sees: mostly CI
 * deploying new builds to DEV, some release candidates on DFT, promotions of part of a group to the
 * next environment, and now and then a hand-made configuration change.
 *
 * @param author who made the commit: CI, the release bot or a person
 * @param touched the overlays the step changed, as (service, environment index)
 */
record HistoryStep(String author, String message, List<Touched> touched) {
  private static final String[] PEOPLE = {
    "Ana Lima", "Bram de Vries", "Chen Wei", "Dana Kowalski", "Emeka Obi"
  };

  record Touched(Service service, int env) {}

  static HistoryStep next(WorkloadModel model, SplittableRandom random) {
    int roll = random.nextInt(100);
    int group = random.nextInt(model.groups.size());
    List<Service> services = model.servicesOf(group);
    if (roll < 65) {
      return deploy(services, DEV, 1 + random.nextInt(3), random);
    }
    if (roll < 80) {
      return deploy(services, DFT, 1, random);
    }
    if (roll < 92) {
      return promote(model.groups.get(group), services, 2 + random.nextInt(3), random);
    }
    return scale(services.get(random.nextInt(services.size())), random);
  }

  private static HistoryStep deploy(
      List<Service> services, int env, int count, SplittableRandom random) {
    List<Touched> touched = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (Service service : pick(services, count, random)) {
      App app = service.apps.get(random.nextInt(service.apps.size()));
      ImageVersion old = app.tags[env];
      app.tags[env] =
          env == DFT
              ? old.nextCandidate()
              : random.nextInt(10) == 0 ? old.nextMinor() : old.nextPatch();
      body.append("- ")
          .append(app.name)
          .append(": ")
          .append(old)
          .append(" -> ")
          .append(app.tags[env])
          .append('\n');
      touched.add(new Touched(service, env));
    }
    String subject =
        "ci("
            + envName(env)
            + "): deploy "
            + touched.size()
            + " build"
            + (touched.size() == 1 ? "" : "s");
    return new HistoryStep(
        "gitlab-ci",
        subject + "\n\n" + body + "\nPipeline-Id: " + random.nextInt(1_000_000) + "\n",
        touched);
  }

  /** A few services of a group move one environment along the path DEV -> TST -> STG -> PRD. */
  private static HistoryStep promote(
      String group, List<Service> services, int target, SplittableRandom random) {
    List<Touched> touched = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (Service service : pick(services, 1 + random.nextInt(8), random)) {
      for (App app : service.apps) {
        body.append("- ")
            .append(service.name)
            .append('/')
            .append(app.name)
            .append(": ")
            .append(app.tags[target])
            .append(" -> ")
            .append(app.tags[target - 1])
            .append('\n');
        app.tags[target] = app.tags[target - 1];
      }
      touched.add(new Touched(service, target));
    }
    String subject =
        "Promote " + group + " [" + envName(target - 1) + "] -> [" + envName(target) + "]";
    return new HistoryStep(
        "release-bot", subject + "\n\n" + body + "\nRequested-By: release-bot\n", touched);
  }

  private static HistoryStep scale(Service service, SplittableRandom random) {
    int env = random.nextInt(ENVIRONMENTS.size());
    service.replicas[env] = 1 + random.nextInt(6);
    return new HistoryStep(
        PEOPLE[random.nextInt(PEOPLE.length)],
        "chore("
            + service.group
            + "/"
            + service.name
            + "): run "
            + service.replicas[env]
            + " replicas in "
            + envName(env)
            + "\n",
        List.of(new Touched(service, env)));
  }

  private static Set<Service> pick(List<Service> services, int count, SplittableRandom random) {
    Set<Service> picked = new LinkedHashSet<>();
    int wanted = Math.min(count, services.size());
    while (picked.size() < wanted) {
      picked.add(services.get(random.nextInt(services.size())));
    }
    return picked;
  }

  private static String envName(int env) {
    return ENVIRONMENTS.get(env).toUpperCase(Locale.ROOT);
  }
}
