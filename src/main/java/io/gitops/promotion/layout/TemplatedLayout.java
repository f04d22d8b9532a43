package io.gitops.promotion.layout;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.engine.PlainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A layout whose files are found by a {@link PathTemplate} and whose groups are either listed in
 * the configuration or the directories at {@code {group}}: what kustomize, Argo CD Application and
 * Helm values repositories share. What a file holds is the {@link ValuesFormat}'s business.
 */
final class TemplatedLayout implements Layout {
  private final String kind;
  private final PathTemplate template;
  private final LayoutSettings settings;
  private final ValuesFormat format;

  TemplatedLayout(LayoutSettings settings, ValuesFormat format) {
    this.kind = settings.kind();
    this.template = new PathTemplate(settings.path());
    this.settings = settings;
    this.format = format;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String root() {
    return template.root();
  }

  @Override
  public String stateFile() {
    return settings.stateFile() == null ? LayoutSettings.DEFAULT_STATE_FILE : settings.stateFile();
  }

  @Override
  public String groupLocation(String group) {
    if (!settings.groups().isEmpty()) {
      return settings.groups().containsKey(group)
          ? template.text() + " (services " + String.join(", ", settings.groups().get(group)) + ")"
          : template.text()
              + " ("
              + group
              + " is not a configured group; groups: "
              + String.join(", ", new TreeSet<>(settings.groups().keySet()))
              + ")";
    }
    return template.text()
        + " (services: the directories of "
        + template.servicesDirectory(group).orElse("?")
        + ")";
  }

  @Override
  public Set<String> requireDigest() {
    return settings.requireDigest();
  }

  @Override
  public List<String> services(RepositoryFiles files, String group, List<String> warnings) {
    List<String> listed = settings.groups().get(group);
    if (listed == null && !settings.groups().isEmpty()) {
      return List.of();
    }
    Optional<String> directory = template.servicesDirectory(group);
    List<String> names =
        listed != null ? listed : directory.map(files::directories).orElse(List.of());
    List<String> services = new ArrayList<>();
    for (String name : names) {
      if (PlainName.isPlain(name)) {
        services.add(name);
      } else {
        warnings.add("'" + name + "' of group " + group + " is not a plain service name; skipped");
      }
    }
    return services.stream().sorted().toList();
  }

  @Override
  public String valuesPath(String group, String service, Environment env) {
    return template.expand(
        Map.of("group", group, "service", service, "env", env.dir(), "cluster", cluster(env)));
  }

  /** The environment's cluster; environment names compare ignoring case, as everywhere else. */
  private String cluster(Environment env) {
    return settings.clusters().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(env.name()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(env.dir());
  }

  @Override
  public ValuesFile parse(String path, String text) {
    return format.parse(path, text);
  }
}
