package io.gitops.promotion.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a layout finds a service's file in an environment, e.g. {@code
 * apps/{service}/overlays/{env}/kustomization.yaml}: '/'-separated segments of plain characters and
 * the placeholders {@code {group}}, {@code {service}}, {@code {env}} (the environment's {@code
 * dir}) and {@code {cluster}}. Placeholders are replaced by plain names only, and literal segments
 * may be neither {@code .} nor {@code ..}, so an expanded path never leaves the repository.
 */
public record PathTemplate(String text) {
  public static final Set<String> PLACEHOLDERS = Set.of("group", "service", "env", "cluster");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._-]*");

  /** Why the text cannot be a path template; empty when it can. */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    if (text.startsWith("/") || text.contains("\\")) {
      problems.add(
          "'" + text + "' must be a relative path with '/' separators inside the repository");
      return problems;
    }
    for (String segment : text.split("/", -1)) {
      Matcher placeholders = PLACEHOLDER.matcher(segment);
      while (placeholders.find()) {
        if (!PLACEHOLDERS.contains(placeholders.group(1))) {
          problems.add(
              "'"
                  + text
                  + "' has an unknown placeholder {"
                  + placeholders.group(1)
                  + "}; known: {group}, {service}, {env}, {cluster}");
        }
      }
      String literal = PLACEHOLDER.matcher(segment).replaceAll("");
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || !LITERAL.matcher(literal).matches()) {
        problems.add(
            "'"
                + text
                + "' escapes the repository or is not a path of plain names (segment '"
                + segment
                + "')");
      }
    }
    for (String required : List.of("service", "env")) {
      if (!text.contains("{" + required + "}")) {
        problems.add(
            "'"
                + text
                + "' has no {"
                + required
                + "}; each service and environment needs its own file");
      }
    }
    return problems;
  }

  public boolean uses(String placeholder) {
    return text.contains("{" + placeholder + "}");
  }

  /** The path with each placeholder replaced by its value (plain names). */
  public String expand(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for {" + matcher.group(1) + "} in " + text);
      }
      matcher.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(path).toString();
  }

  /**
   * The directories before the first segment with a placeholder, '/'-joined; empty when it starts
   * with one.
   */
  public String root() {
    List<String> literal = new ArrayList<>();
    for (String segment : text.split("/")) {
      if (segment.contains("{")) {
        break;
      }
      literal.add(segment);
    }
    return String.join("/", literal);
  }

  /**
   * The directory whose sub-directories are a group's services: when {@code {service}} is a whole
   * segment and only literals and {@code {group}} come before it. Empty otherwise (the services of
   * a group must then be listed in the configuration).
   */
  public Optional<String> servicesDirectory(String group) {
    List<String> parent = new ArrayList<>();
    for (String segment : text.split("/")) {
      if (segment.equals("{service}")) {
        return Optional.of(String.join("/", parent));
      }
      if (PLACEHOLDER.matcher(segment.replace("{group}", "")).find()) {
        return Optional.empty();
      }
      parent.add(segment.replace("{group}", group));
    }
    return Optional.empty();
  }
}
