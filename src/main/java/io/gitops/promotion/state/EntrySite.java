package io.gitops.promotion.state;

/**
 * Where the entry of one group in one environment is in the state file's text.
 *
 * @param keyColumn column of the group's key
 * @param value the region of the entry's mapping, from its first key to the end of its last value
 */
record EntrySite(int keyColumn, TextRegion value) {}
