package io.orderkeep.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"orderkeep " + (version == null ? "development" : version)};
    }
}
