package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ./cebgw …} command line written in README.md and docs/ is one the CLI's own parser takes: a reader who
 * copies a documented command is never told "Unknown option". Usage synopses with placeholders ({@code TYPE},
 * {@code [--x]}, {@code a|b}) are not commands and are left out.
 */
class DocumentedCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern COMMAND = Pattern.compile("\\./cebgw((?: [^`#|><;&\\n]*)?)");
    /** A word that stands for a value the reader fills in: TYPE, FILE..., DXPID, KEY. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^[A-Z][A-Z0-9_]+(\\.\\.\\.)?$|^[A-Z]+=[A-Z]+$");

    @Test
    void everyDocumentedCommandParses() throws IOException {
        List<String> commands = documentedCommands();
        assertThat(commands).as("commands found in the docs").hasSizeGreaterThan(40);
        List<String> refused = new ArrayList<>();
        for (String command : commands) {
            List<String> words = words(command);
            CommandLine cli = CebgwCommand.commandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new DemoCommand(), new ServeCommand(),
                    new DoctorCommand(), new ArchiveCommand());
            String unknown = CebgwCommand.unknownCommand(cli, words.toArray(String[]::new));
            if (unknown != null) {
                refused.add(command + "  →  no such command " + unknown);
                continue;
            }
            try {
                cli.parseArgs(words.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                if (!(e instanceof CommandLine.MissingParameterException)) { // a synopsis may leave a required option to the text
                    refused.add(command + "  →  " + e.getMessage());
                }
            }
        }
        assertThat(refused).as("documented commands the CLI refuses").isEmpty();
    }

    @Test
    void anUnknownCommandExitsTwoAndSuggestsTheNearestOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CebgwCommand.run(new String[] {"valdate", "--help"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new DemoCommand(), new ServeCommand(), new ArchiveCommand());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CEB-U001").contains("valdate").contains("validate");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(CebgwCommand.run(new String[] {"healthcheck", "--help"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err2, true, StandardCharsets.UTF_8), new DemoCommand(), new ServeCommand(), new ArchiveCommand())).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("healthcheck").doesNotContain("Usage:");
    }

    @Test
    void serveTakesSpringSettingsAsTheDocsWriteThemAndRefusesOtherWords() {
        CommandLine cli = CebgwCommand.commandLine(System.out, System.err, new ServeCommand());
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--server.port=18500", "--spring.datasource.url=jdbc:h2:mem:x");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.settings.arguments(serve.unmatched)).containsExactly("--server.port=18500", "--spring.datasource.url=jdbc:h2:mem:x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CebgwCommand.run(new String[] {"serve", "--server.port"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ServeCommand());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CEB-U003").contains("--server.port");
    }

    @Test
    void severalConfigurationFilesAreReadInOrder() throws Exception {
        Path shared = Files.createTempFile("cebgw-shared", ".properties");
        Path node = Files.createTempFile("cebgw-node", ".properties");
        CommandLine cli = CebgwCommand.commandLine(System.out, System.err, new ServeCommand());
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--config", shared.toString(), "--config", node.toString(), "--server.port=18501");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.settings.arguments(serve.unmatched)).containsExactly(
                "--spring.config.additional-location=file:" + shared.toAbsolutePath() + ",file:" + node.toAbsolutePath(), "--server.port=18501");
    }

    @Test
    void aConfigurationFileThatIsNotThereIsNamedBeforeAnythingStarts() {
        for (String command : List.of("serve", "doctor")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = CebgwCommand.run(new String[] {command, "--config", "/nonexistent/cebgw.properties"},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    new ServeCommand(), new DoctorCommand());
            assertThat(exit).as(command).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("CEB-U004").contains("/nonexistent/cebgw.properties");
        }
    }

    private static List<String> documentedCommands() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> commands = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = COMMAND.matcher(line);
                while (m.find()) {
                    String command = m.group(1).strip();
                    List<String> words = words(command);
                    if (!command.isEmpty() && !command.contains("[") && !command.contains("…") && !command.contains("...")
                            && words.stream().noneMatch(w -> PLACEHOLDER.matcher(w).matches())) {
                        commands.add(command);
                    }
                }
            }
        }
        return commands;
    }

    /** The words of a command line as a POSIX shell splits them (quotes kept together, quote marks removed). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
