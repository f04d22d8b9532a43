package io.gitops.promotion.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"promotion-operator " + (version == null ? "development" : version)};
  }
}
