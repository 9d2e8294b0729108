package dev.calyx.cli.resource;

import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Resource;
import picocli.CommandLine.Command;

/**
 * {@code calyx replace -f ...}: replace existing resources. A manifest carrying {@code metadata.resourceVersion}
 * (as {@code get -o yaml} prints it) is written only if nobody changed the object since.
 */
@Command(name = "replace", mixinStandardHelpOptions = true,
        description = "Replace existing resources from manifests; fails for each one that does not exist "
                + "or whose resourceVersion is stale.")
public final class ReplaceCommand extends ManifestWriteCommand {
    @Override
    String write(Resources resources, Resource resource) {
        resources.replace(resource);
        return "replaced";
    }
}
