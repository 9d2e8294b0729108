package dev.calyx.cli.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what {@code -f} names: files, directories (recursively, {@code .yaml}/{@code .yml}/{@code .json} in name
 * order, as kubectl does) and {@code -} for standard input.
 */
public final class ManifestSources {
    /** One file's text and the name errors use for it. */
    public record Source(String name, String text) {}

    private ManifestSources() {}

    public static List<Source> read(List<String> args, InputStream stdin) {
        List<Source> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(new Source("<stdin>", readStdin(stdin)));
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                manifestsUnder(p).forEach(f -> out.add(readFile(f)));
            } else if (Files.exists(p)) {
                out.add(readFile(p));
            } else {
                throw new IllegalArgumentException(arg + ": no such file or directory");
            }
        }
        return out;
    }

    private static List<Path> manifestsUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    private static Source readFile(Path p) {
        try {
            return new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String readStdin(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("<stdin>: " + e.getMessage(), e);
        }
    }
}
