package dev.calyx.cli.resource;

import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Resource;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code calyx apply -f ...}: create what is missing, update what differs, leave the rest alone. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update resources from manifests (YAML or JSON, multi-document, kind: List).")
public final class ApplyCommand extends ManifestWriteCommand {
    @Override
    String write(Resources resources, Resource resource) {
        return resources.apply(resource).outcome().name().toLowerCase(Locale.ROOT);
    }
}
