package dev.skein.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code skein --version}: the version from the jar's manifest (or "dev" when run from classes). */
final class Version implements IVersionProvider {
    @Override public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"skein " + (v == null ? "0.1.0-dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
