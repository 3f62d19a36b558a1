package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.core.problem.CommandProblem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway's configuration as {@code serve}, {@code doctor} and {@code archive verify} all read it: Spring Boot's
 * own places (./application.properties, ./config/, CEBGW_* and SPRING_* environment variables), a file named with
 * {@code --config}, and settings on the command line ({@code --server.port=8080}), later ones winning.
 */
final class GatewaySettings {
    private static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w.\\-\\[\\]]*=.*", Pattern.DOTALL);

    @Option(names = "--config", paramLabel = "FILE",
            description = "配置文件（.properties 或 .yml），可写多个，后者优先，如 /etc/cebgw/application.properties / settings files, later ones win")
    List<Path> config = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "--property=value", description = "Spring Boot 配置，如 --server.port=8080 / Spring Boot properties")
    List<String> properties = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * The Spring arguments, after checking that each is a setting and that the file can be read. Settings written as
     * options ({@code --server.port=8080}) reach the command as its unmatched words (picocli keeps those per command).
     */
    List<String> arguments(List<String> unmatched) {
        List<String> all = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path file : config) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CebgwCommand.ProblemParameterException(spec.commandLine(), CommandProblem.CONFIG_FILE.with(file));
            }
            files.add("file:" + file.toAbsolutePath());
        }
        if (!files.isEmpty()) {
            all.add("--spring.config.additional-location=" + String.join(",", files));
        }
        for (String s : concat(unmatched, properties)) {
            if (!SETTING.matcher(s).matches()) {
                throw new CebgwCommand.ProblemParameterException(spec.commandLine(), CommandProblem.SPRING_SETTING.with(s));
            }
            all.add(s);
        }
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
