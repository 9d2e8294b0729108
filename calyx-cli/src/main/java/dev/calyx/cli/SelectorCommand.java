package dev.calyx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.model.selector.Selector;
import dev.calyx.model.selector.SelectorParseException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code calyx selector EXPR [--labels k=v,…]…}: parses a Calico selector, prints its canonical form (and
 * unique id, the IP-set name Calico derives from it) and whether it matches each label set given. A selector
 * that does not parse is shown with a caret under the fault, exit 1.
 */
@Command(name = "selector", mixinStandardHelpOptions = true,
        description = {"Parse a Calico selector, print its canonical form, and test it against label sets.",
            "Example: calyx selector \"app == 'web' && env != 'prod'\" --labels app=web,env=dev --labels app=db"})
public final class SelectorCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The selector, e.g. \"app == 'web'\" (quote it).")
    String expression;

    @Option(names = "--labels", paramLabel = "k=v[,k=v...]",
            description = "A label set to test (repeatable); \"\" is the empty set. Values cannot hold ','.")
    List<String> labelSets = new ArrayList<>();

    @Option(names = {"-o", "--output"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "text")
    Format output;

    @Override
    public Integer call() throws Exception {
        List<Map<String, String>> sets = new ArrayList<>();
        for (String s : labelSets) {
            sets.add(parseLabels(s));
        }
        Selector selector;
        try {
            selector = Selector.parse(expression);
        } catch (SelectorParseException e) {
            return reportError(e);
        }
        if (output == Format.json) {
            printJson(selector, sets);
        } else {
            printText(selector, sets);
        }
        return 0;
    }

    private int reportError(SelectorParseException e) throws Exception {
        if (output == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error", e.reason());
            json.put("position", e.position());
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            PrintStream err = System.err;
            err.println("calyx selector: invalid selector at position " + e.position() + ":");
            err.println(e.render());
        }
        return 1;
    }

    private static void printText(Selector selector, List<Map<String, String>> sets) {
        System.out.println("canonical: " + selector.canonical());
        System.out.println("unique id: " + selector.uniqueId());
        for (Map<String, String> labels : sets) {
            System.out.printf("%-9s %s%n", selector.matches(labels) ? "match" : "no match", render(labels));
        }
    }

    private static void printJson(Selector selector, List<Map<String, String>> sets) throws Exception {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, String> labels : sets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("labels", labels);
            m.put("match", selector.matches(labels));
            matches.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("canonical", selector.canonical());
        json.put("matches", matches);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static String render(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "(no labels)";
        }
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    /** {@code k=v,k2=v2} in order; a later duplicate key wins, as in a YAML map. */
    private Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.isBlank()) {
            return labels;
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--labels: \"" + pair + "\" in \"" + text
                        + "\" is not key=value");
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return labels;
    }
}
