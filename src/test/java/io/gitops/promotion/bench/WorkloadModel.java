package io.gitops.promotion.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The content of a synthetic GitOps repository as data: groups, services, applications and each
 * application's image tag per environment. History steps change it; {@link OverlayTemplate} renders
 * it to files. Mutable, single-threaded, deterministic from the random source it is built with.
 */
final class WorkloadModel {
  static final List<String> ENVIRONMENTS = List.of("dft", "dev", "tst", "stg", "prd");
  static final int DFT = 0;
  static final int DEV = 1;
  static final int TST = 2;
  static final int STG = 3;
  static final int PRD = 4;

  private static final String[] GROUP_WORDS = {
    "payments",
    "checkout",
    "identity",
    "catalog",
    "search",
    "billing",
    "shipping",
    "ledger",
    "pricing",
    "loyalty",
    "support",
    "reporting"
  };
  private static final String[] SERVICE_WORDS = {
    "api",
    "gateway",
    "orders",
    "accounts",
    "invoices",
    "notifier",
    "scheduler",
    "inventory",
    "profile",
    "session",
    "audit",
    "export",
    "import",
    "ledger",
    "quotes",
    "rates",
    "refunds",
    "reports",
    "search",
    "tokens",
    "users",
    "webhooks",
    "worker",
    "frontend",
    "backend",
    "admin",
    "cache",
    "events",
    "files",
    "mailer"
  };
  private static final String[] APP_SUFFIXES = {
    "", "-worker", "-cron", "-migrations", "-consumer", "-sidecar"
  };

  enum TagQuote {
    DOUBLE,
    SINGLE,
    PLAIN
  }

  /** How one service's overlays are written; real repositories are not uniform. */
  record Style(
      TagQuote quote, boolean tagComment, boolean documentStart, int extraEnv, boolean resources) {}

  static final class App {
    final String name;
    final String imageRepository;
    final int projectId;
    final boolean ingress;
    final ImageVersion[] tags = new ImageVersion[ENVIRONMENTS.size()];

    App(String name, String imageRepository, int projectId, boolean ingress) {
      this.name = name;
      this.imageRepository = imageRepository;
      this.projectId = projectId;
      this.ingress = ingress;
    }
  }

  static final class Service {
    final String group;
    final String name;
    final Style style;
    final List<App> apps = new ArrayList<>();
    final int[] replicas = {1, 1, 2, 2, 3};

    Service(String group, String name, Style style) {
      this.group = group;
      this.name = name;
      this.style = style;
    }

    String overlayPath(int env) {
      return "workloads/"
          + group
          + "/"
          + name
          + "/overlays/"
          + ENVIRONMENTS.get(env)
          + "/values.yaml";
    }

    String basePath() {
      return "workloads/" + group + "/" + name + "/base/values.yaml";
    }
  }

  final List<String> groups = new ArrayList<>();

  /** Every service, group after group. */
  final List<Service> services = new ArrayList<>();

  /** Where each group's services start in {@link #services}, and one past the last. */
  private final List<Integer> groupStarts = new ArrayList<>(List.of(0));

  private WorkloadModel() {}

  static WorkloadModel create(RepositoryShape shape, SplittableRandom random) {
    WorkloadModel model = new WorkloadModel();
    int projectId = 1000;
    for (int g = 0; g < shape.groups(); g++) {
      String group = numbered(GROUP_WORDS, g);
      model.groups.add(group);
      for (int s = 0; s < shape.groupSizes().get(g); s++) {
        Service service = new Service(group, numbered(SERVICE_WORDS, s), randomStyle(random));
        for (int a = 0; a < shape.appsPerService(); a++) {
          String name = group + "-" + service.name + numbered(APP_SUFFIXES, a);
          App app =
              new App(
                  name,
                  "harbor.example.com/" + group + "/" + name,
                  projectId++,
                  random.nextInt(100) < (a == 0 ? 70 : 20));
          initialTags(app, random);
          service.apps.add(app);
        }
        model.services.add(service);
      }
      model.groupStarts.add(model.services.size());
    }
    return model;
  }

  List<Service> servicesOf(int group) {
    return services.subList(groupStarts.get(group), groupStarts.get(group + 1));
  }

  /**
   * {@code words[i]}, with a numeric suffix once the words run out, so names stay unique and plain.
   */
  static String numbered(String[] words, int i) {
    String word = words[i % words.length];
    return i < words.length ? word : word + "-" + (i / words.length + 1);
  }

  private static Style randomStyle(SplittableRandom random) {
    int q = random.nextInt(100);
    TagQuote quote = q < 60 ? TagQuote.DOUBLE : q < 75 ? TagQuote.SINGLE : TagQuote.PLAIN;
    return new Style(
        quote,
        random.nextInt(100) < 70,
        random.nextInt(100) < 20,
        1 + random.nextInt(5),
        random.nextInt(100) < 80);
  }

  /** PRD oldest, then STG, TST, DEV strictly ahead of TST, and DFT on a release candidate. */
  private static void initialTags(App app, SplittableRandom random) {
    ImageVersion prd =
        ImageVersion.release(1 + random.nextInt(3), random.nextInt(10), random.nextInt(6));
    ImageVersion stg = random.nextBoolean() ? prd : prd.nextPatch();
    ImageVersion tst = random.nextBoolean() ? stg.nextPatch() : stg.nextMinor();
    ImageVersion dev = random.nextInt(4) == 0 ? tst.nextMinor() : tst.nextPatch();
    app.tags[PRD] = prd;
    app.tags[STG] = stg;
    app.tags[TST] = tst;
    app.tags[DEV] = dev;
    app.tags[DFT] = dev.nextCandidate();
  }
}
