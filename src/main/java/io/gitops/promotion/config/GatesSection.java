package io.gitops.promotion.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.gitops.promotion.gate.FreezeWindow;
import io.gitops.promotion.gate.FreezeWindows;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gate.SoakPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code freezeWindows} (named cron windows, {@code deny} or {@code allow}, with a duration,
 * a time zone and the environments they cover) and {@code minSoak} (source environment ->
 * duration). Cron schedules are the five fields of Unix cron, parsed by cron-utils.
 */
final class GatesSection {
  private static final Set<String> WINDOW_KEYS =
      Set.of("name", "kind", "schedule", "duration", "timeZone", "environments");
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private GatesSection() {}

  static Gates read(ConfigNode root, EnvironmentCatalog environments) {
    return new Gates(new FreezeWindows(windows(root, environments)), soak(root, environments));
  }

  private static List<FreezeWindow> windows(ConfigNode root, EnvironmentCatalog environments) {
    List<ConfigNode> nodes = root.objects("freezeWindows");
    if (nodes == null) {
      return List.of();
    }
    List<FreezeWindow> windows = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : nodes) {
      node.allowOnly(WINDOW_KEYS);
      String name = node.requiredString("name");
      if (name != null && !NameRules.isPlain(name)) {
        node.problem("name", "'" + name + "' is not a plain name");
      } else if (name != null && !names.add(name)) {
        node.problem("name", "duplicate window name '" + name + "'");
      }
      String kindText = node.string("kind", "deny");
      FreezeWindow.Kind kind = null;
      if (kindText != null) {
        try {
          kind = FreezeWindow.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          node.problem("kind", "'" + kindText + "' is neither deny nor allow");
        }
      }
      Cron schedule = schedule(node);
      Duration duration = duration(node, "duration", true).orElse(null);
      ZoneId zone = zone(node);
      Set<String> covered = environmentNames(node, environments);
      if (name != null
          && kind != null
          && schedule != null
          && duration != null
          && zone != null
          && !covered.isEmpty()) {
        windows.add(new FreezeWindow(name, kind, schedule, duration, zone, covered));
      }
    }
    return windows;
  }

  private static Cron schedule(ConfigNode node) {
    String text = node.requiredString("schedule");
    if (text == null) {
      return null;
    }
    try {
      return CRON.parse(text).validate();
    } catch (IllegalArgumentException e) {
      node.problem(
          "schedule",
          "'"
              + text
              + "' is not a cron schedule (minute hour day-of-month month day-of-week): "
              + e.getMessage());
      return null;
    }
  }

  private static ZoneId zone(ConfigNode node) {
    String text = node.string("timeZone", "UTC");
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      node.problem("timeZone", "'" + text + "' is not a time zone (e.g. UTC, Europe/Berlin)");
      return null;
    }
  }

  private static Set<String> environmentNames(ConfigNode node, EnvironmentCatalog environments) {
    List<String> names = node.strings("environments");
    if (names == null || names.isEmpty()) {
      node.problem("environments", "at least one environment is required");
      return Set.of();
    }
    Set<String> known = new LinkedHashSet<>();
    for (String name : names) {
      if (environments.find(name).isEmpty()) {
        node.problem("environments", "'" + name + "' is not a configured environment");
      } else {
        known.add(environments.find(name).get().name());
      }
    }
    return known;
  }

  private static SoakPolicy soak(ConfigNode root, EnvironmentCatalog environments) {
    Map<String, String> text = root.stringMap("minSoak");
    if (text == null) {
      return SoakPolicy.none();
    }
    Map<String, Duration> minimum = new LinkedHashMap<>();
    text.forEach(
        (env, value) -> {
          Optional<Duration> duration =
              RollbackWindow.parse(value)
                  .filter(w -> !w.isUnlimited())
                  .map(RollbackWindow::duration);
          if (environments.find(env).isEmpty()) {
            root.problem("minSoak." + env, "'" + env + "' is not a configured environment");
          } else if (duration.isEmpty()) {
            root.problem(
                "minSoak." + env, "'" + value + "' is not a duration such as 30m, 24h or 7d");
          } else {
            minimum.put(environments.find(env).get().name(), duration.get());
          }
        });
    return new SoakPolicy(minimum);
  }

  private static Optional<Duration> duration(ConfigNode node, String key, boolean required) {
    String text = required ? node.requiredString(key) : node.string(key);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Duration> duration =
        RollbackWindow.parse(text).filter(w -> !w.isUnlimited()).map(RollbackWindow::duration);
    if (duration.isEmpty()) {
      node.problem(key, "'" + text + "' is not a duration such as 30m, 62h or 1d");
    }
    return duration;
  }
}
