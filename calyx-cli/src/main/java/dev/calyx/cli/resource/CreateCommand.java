package dev.calyx.cli.resource;

import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Resource;
import picocli.CommandLine.Command;

/** {@code calyx create -f ...}: create resources; one that exists already fails. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create resources from manifests; fails for each one that already exists.")
public final class CreateCommand extends ManifestWriteCommand {
    @Override
    String write(Resources resources, Resource resource) {
        resources.create(resource);
        return "created";
    }
}
