package io.cebgw.core.registry;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.Problem;
import io.cebgw.core.problem.ProblemCode;
import io.cebgw.core.problem.TransportProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One registry of problems: each code once, both languages with the same arguments, the docs generated from it. */
class ProblemRegistryTest {
    private static final Path DOC = Path.of("..", "docs", "problems.md");
    private static final String HEADING = "# Problem codes\n\n"
            + "Every code the gateway, its transports, its key sources and its command line report, with the HTTP status an API\n"
            + "answers with (– where none does) and whether trying again unchanged can help. Validation findings are in\n"
            + "[validation.md](validation.md), signature verdicts in [signing.md](signing.md). Generated from\n"
            + "`io.cebgw.core.registry.ProblemRegistry`; `ProblemRegistryTest` fails when this file differs (it writes the\n"
            + "expected text to `cebgw-core/target/problems.md`).\n\n";
    private static final Pattern ARGUMENT = Pattern.compile("%(\\d)\\$s|%s");

    @Test
    void everyCodeIsListedOnceWellFormedAndWithAnHttpStatusThatExists() {
        Set<String> seen = new HashSet<>();
        for (ProblemCode p : ProblemRegistry.all()) {
            assertThat(seen.add(p.code())).as("%s appears twice", p.code()).isTrue();
            assertThat(p.code()).matches("(CEB|GW)-[A-Z]\\d{3}");
            assertThat(p.httpStatus()).as(p.code()).satisfiesAnyOf(s -> assertThat(s).isZero(), s -> assertThat(s).isBetween(400, 599));
            assertThat(p.zhTemplate()).as(p.code()).isNotBlank().isNotEqualTo(p.enTemplate());
            assertThat(p.enTemplate()).as(p.code()).isNotBlank();
        }
        assertThat(ProblemRegistry.all()).hasSizeGreaterThan(100);
        assertThat(ProblemRegistry.byCode("CEB-T020")).contains(TransportProblem.CREDENTIALS_REFUSED);
    }

    @Test
    void bothLanguagesTakeTheSameArguments() {
        for (ProblemCode p : ProblemRegistry.all()) {
            assertThat(arguments(p.zhTemplate())).as(p.code()).isEqualTo(arguments(p.enTemplate()));
            Object[] args = {"A1", "A2", "A3", "A4"};
            Problem filled = p.with(args);
            assertThat(filled.zh()).as(p.code()).doesNotContain("%");
            assertThat(filled.describe(Locale.ENGLISH)).startsWith(p.code() + " ");
        }
    }

    @Test
    void aLocalizedArgumentReadsInEachLanguage() {
        Problem p = TransportProblem.BAD_VALUE.with("poll-millis", new Localized("毫秒数", "milliseconds"), "soon");
        assertThat(p.zh()).isEqualTo("传输配置 poll-millis 应为毫秒数，实为 soon");
        assertThat(p.en()).isEqualTo("the transport setting poll-millis should be milliseconds, not soon");
        assertThat(p.describe(Locale.CHINA)).startsWith("CEB-T002 传输配置");
        assertThat(p.describe(Locale.ROOT)).as("Chinese unless English is asked for").startsWith("CEB-T002 传输配置");
    }

    @Test
    void retryHelpsOnlyWherePassingFailuresAreNamed() {
        Set<String> retryable = new TreeSet<>();
        ProblemRegistry.all().stream().filter(ProblemCode::retryable).forEach(p -> retryable.add(p.code()));
        assertThat(retryable).containsExactly("CEB-K009", "CEB-K010", "CEB-K011", "CEB-K036", "CEB-T000", "GW-H503");
    }

    @Test
    void theDocsListEveryCode() throws IOException {
        String expected = HEADING + ProblemRegistry.markdown();
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "problems.md"), expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("docs/problems.md is out of date: copy cebgw-core/target/problems.md over it").isEqualTo(expected);
    }

    private static Set<String> arguments(String template) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(template);
        while (m.find()) {
            args.add(m.group(1) == null ? "1" : m.group(1));
        }
        return args;
    }
}
