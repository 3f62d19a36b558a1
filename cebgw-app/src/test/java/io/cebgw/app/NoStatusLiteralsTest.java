package io.cebgw.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statuses have one vocabulary, {@code io.cebgw.core.lifecycle}: the server, the sandbox, the web pages, the CLI and
 * the app write no status code of their own (no {@code "399".equals(status)}, no {@code status.startsWith("E")}).
 */
class NoStatusLiteralsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * A customs status code as a string literal: in Java "399", in a template '399'. (1 to 4 are left out: they are
     * appType and appStatus codes too, which are not statuses.)
     */
    private static final Pattern STATUS_LITERAL = Pattern.compile("[\"'](-1|100|120|300|399|500|501|502|503|505|599|600|700|800|899|900)[\"']");
    /** The old ways of telling an exchange error or a processing error from a stored status. */
    private static final Pattern PSEUDO_STATUS_TEST = Pattern.compile("(?i)status\\w*(\\(\\))?\\.startsWith\\(\"(E|-)\"\\)");
    /** Option defaults are numbers, not statuses. */
    private static final Pattern OPTION_DEFAULT = Pattern.compile("defaultValue\\s*=\\s*\"");

    @Test
    void noModuleAboveCoreSpellsAStatusCode() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String module : List.of("cebgw-server", "cebgw-sandbox", "cebgw-cli", "cebgw-app")) {
            Path main = ROOT.resolve(module).resolve("src/main");
            assertThat(main).isDirectory();
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        boolean literal = STATUS_LITERAL.matcher(line).find() && !OPTION_DEFAULT.matcher(line).find();
                        boolean html = file.toString().endsWith(".html");
                        // in a template only expressions count
                        if ((literal && (!html || line.contains("${"))) || PSEUDO_STATUS_TEST.matcher(line).find()) {
                            offences.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(offences).as("status literals outside io.cebgw.core.lifecycle").isEmpty();
    }
}
