package io.gitops.promotion.state;

import java.util.Map;
import java.util.Optional;

/**
 * The shape of a state file found by {@link StateIndexer}: where its mappings and entries are,
 * without their contents. It is what lets a read decode one entry and a write splice one entry
 * without building the tree of all the others.
 *
 * @param root null when the file holds no document (empty, or comments only)
 * @param environments null when there is no {@code environments} key
 * @param legacy the single entry of a legacy flat file, null for the nested format
 */
record StateLayout(
    Form form,
    MappingSite root,
    MappingSite environments,
    Map<String, EnvironmentSite> environmentsByName,
    LegacyEntry legacy) {

  /** Which format the file is in. */
  enum Form {
    EMPTY,
    NESTED,
    LEGACY
  }

  /** One environment's mapping and the entries of its groups. */
  record EnvironmentSite(MappingSite mapping, Map<String, EntrySite> groups) {}

  /** The pipeline's flat file: its root mapping is the entry of one group in one environment. */
  record LegacyEntry(String environment, String group, TextRegion region) {}

  static StateLayout empty() {
    return new StateLayout(Form.EMPTY, null, null, Map.of(), null);
  }

  Optional<EntrySite> entry(String environment, String group) {
    EnvironmentSite site = environmentsByName.get(environment);
    return site == null ? Optional.empty() : Optional.ofNullable(site.groups().get(group));
  }
}
