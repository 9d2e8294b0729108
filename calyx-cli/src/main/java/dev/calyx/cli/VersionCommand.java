package dev.calyx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** {@code calyx version}: the build's version, the JVM and the kernel it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print calyx, Java and kernel versions.")
public final class VersionCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, description = "Output format: text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    String output;

    public static String calyxVersion() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    static Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("calyx", calyxVersion());
        m.put("java", Runtime.version().toString());
        m.put("kernel", System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        return m;
    }

    @Override
    public Integer call() throws Exception {
        switch (output) {
            case "json" -> System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(facts()));
            case "text" -> facts().forEach((k, v) -> System.out.printf("%-7s %s%n", k + ":", v));
            default -> throw new IllegalArgumentException("--output: unknown format \"" + output
                    + "\" (use text or json)");
        }
        return 0;
    }

    /** Lets {@code calyx --version} print the same facts. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return facts().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
        }
    }
}
