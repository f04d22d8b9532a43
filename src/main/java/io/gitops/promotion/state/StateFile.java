package io.gitops.promotion.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code promote-state.yaml}: the latest promotion of each group into each environment, nested as
 * {@code environments -> <ENV> -> <group> -> {promotion, pre_state, post_state, rollbacks}}.
 * Immutable: a write gives a new file.
 *
 * <p>Reading: the file is indexed once (where each environment and entry is), without building the
 * tree of all entries; {@link #entry} then reads only the entry asked for. Every scalar reads as
 * the string written in the file, as the overlays are read: {@code 1.10}, {@code 010}, {@code 0x1F}
 * and {@code 1e3} stay those strings, and a plain {@code ~} or {@code null} tag is no tag. A file
 * of the wrong shape is refused with a {@link StateFormatException} saying where, never replaced: a
 * root, {@code environments} or environment that is not a mapping (an empty value is an empty
 * mapping), an entry that is not a mapping, a key given twice, several YAML documents; when its
 * entry is read, a field of the wrong kind or a {@code created_at} that is not an instant or lies
 * in the future. "The future" allows {@link #CLOCK_SKEW} for clocks of different machines; beyond
 * that a promotion or rollback cannot have happened yet, so the entry cannot be trusted to decide a
 * rollback window and is refused rather than read.
 *
 * <p>The pipeline's legacy flat format (top-level {@code promotion}, {@code pre_state}, {@code
 * post_state}) is read as the entry of its {@code promotion.target_env} and its single {@code
 * pre_state} group. Writing into a legacy file first nests it without re-rendering it (see {@link
 * LegacyNesting}): its lines, comments included, become that entry, indented under {@code
 * environments: <ENV>: <group>:}; then the write goes on as in a nested file.
 *
 * <p>Writing ({@link #withEntry}) changes only the characters of the entry written (see {@link
 * EntrySplicer}): every other entry and comment keeps its bytes. The entry is written in the plain
 * style of the specification's example, quoting only values that would not read back as the same
 * string (see {@link StateScalars}).
 */
public final class StateFile {

  /** How far in the future a {@code created_at} may lie before the entry is refused. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Far above snakeyaml-engine's 3 MiB default: a repository of thousands of services must never be
   * locked out.
   */
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setSchema(new CoreSchema()).setCodePointLimit(MAX_CODE_POINTS).build();

  private final String text;
  private final Clock clock;
  private StateLayout layout;

  private StateFile(String text, Clock clock, StateLayout layout) {
    this.text = text;
    this.clock = clock;
    this.layout = layout;
  }

  public static StateFile empty() {
    return new StateFile("", Clock.systemUTC(), StateLayout.empty());
  }

  /** Reads a state file, judging {@code created_at} values against the system clock. */
  public static StateFile parse(String text) {
    return parse(text, Clock.systemUTC());
  }

  /**
   * Reads a state file.
   *
   * @param clock what "now" is when deciding whether a {@code created_at} lies in the future
   * @throws StateFormatException when the file is not valid YAML or not of the state file's shape
   */
  public static StateFile parse(String text, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    String source = text == null ? "" : text;
    return new StateFile(source, clock, StateIndexer.index(source, SETTINGS));
  }

  /** Whether the text uses the legacy flat format of the pipeline. */
  public static boolean isLegacy(Map<String, Object> root) {
    return root.containsKey("promotion")
        && root.containsKey("pre_state")
        && !root.containsKey("environments");
  }

  /**
   * The latest promotion recorded for a group in an environment.
   *
   * @throws StateFormatException when that entry is of the wrong shape or dated in the future
   */
  public Optional<StateEntry> entry(String environment, String group) {
    StateLayout shape = layout();
    StateEntry entry;
    if (shape.form() == StateLayout.Form.LEGACY) {
      StateLayout.LegacyEntry legacy = shape.legacy();
      if (!legacy.environment().equals(environment) || !legacy.group().equals(group)) {
        return Optional.empty();
      }
      entry = new EntryDecoder(SETTINGS).decode(text, legacy.region(), group, "the legacy entry");
      requireNotInFuture(entry, legacy.region(), "the legacy entry");
    } else {
      Optional<EntrySite> site = shape.entry(environment, group);
      if (site.isEmpty()) {
        return Optional.empty();
      }
      String path = "environments." + environment + "." + group;
      entry = new EntryDecoder(SETTINGS).decode(text, site.get().value(), group, path);
      requireNotInFuture(entry, site.get().value(), path);
    }
    return Optional.of(entry);
  }

  /**
   * A copy with the entry of the group in the environment replaced, or added; every other entry
   * kept byte for byte.
   *
   * @throws StateFormatException when the mapping the entry goes into is written in flow style
   */
  public StateFile withEntry(String environment, StateEntry entry) {
    StateLayout shape = layout();
    EntrySplicer splicer = new EntrySplicer(text);
    if (shape.form() == StateLayout.Form.LEGACY) {
      String nested = LegacyNesting.nest(text, shape.legacy(), splicer.newline());
      return new StateFile(nested, clock, StateIndexer.index(nested, SETTINGS))
          .withEntry(environment, entry);
    }
    return new StateFile(splicer.write(shape, environment, entry), clock, null);
  }

  public String render() {
    return text;
  }

  /** Indexed when first needed: a file made by {@link #withEntry} is often only rendered. */
  private StateLayout layout() {
    if (layout == null) {
      layout = StateIndexer.index(text, SETTINGS);
    }
    return layout;
  }

  private void requireNotInFuture(StateEntry entry, TextRegion region, String path) {
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    if (isAfter(entry.promotion().createdAt(), latest)) {
      throw new StateFormatException(
          region.position()
              + ": "
              + path
              + ".promotion.created_at "
              + entry.promotion().createdAt()
              + " lies in the future (now is "
              + clock.instant()
              + ")");
    }
    for (RollbackRecord rollback : entry.rollbacks()) {
      if (isAfter(rollback.createdAt(), latest)) {
        throw new StateFormatException(
            region.position()
                + ": "
                + path
                + ".rollbacks: rollback "
                + rollback.id()
                + " has a created_at "
                + rollback.createdAt()
                + " that lies in the future (now is "
                + clock.instant()
                + ")");
      }
    }
  }

  private static boolean isAfter(Instant instant, Instant latest) {
    return instant != null && instant.isAfter(latest);
  }
}
