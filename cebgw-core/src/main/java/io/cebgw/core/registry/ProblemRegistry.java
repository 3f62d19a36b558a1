package io.cebgw.core.registry;

import io.cebgw.core.problem.CodeTableProblem;
import io.cebgw.core.problem.CommandProblem;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.ProblemCode;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.xml.ReadError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every problem code the gateway, its transports, its key sources and its command line can report, in one list
 * (validation findings are {@link io.cebgw.core.finding.FindingCode}, signature verdicts the verifier's reasons).
 * {@code docs/problems.md} is generated from it and held equal to it by a test.
 */
public final class ProblemRegistry {
    private static final List<ProblemCode> ALL = build();

    private ProblemRegistry() {
    }

    private static List<ProblemCode> build() {
        List<ProblemCode> all = new ArrayList<>();
        all.addAll(List.of(GatewayProblem.values()));
        all.addAll(List.of(TransportProblem.values()));
        all.addAll(List.of(SigningProblem.values()));
        all.addAll(List.of(ReadError.values()));
        all.addAll(List.of(CommandProblem.values()));
        all.addAll(List.of(CodeTableProblem.values()));
        all.sort(Comparator.comparing(ProblemCode::code));
        return List.copyOf(all);
    }

    /** Every code, sorted by code. */
    public static List<ProblemCode> all() {
        return ALL;
    }

    public static Optional<ProblemCode> byCode(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The registry as a Markdown table (what {@code docs/problems.md} holds below its heading). */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| code | HTTP | retry helps | 中文 | English |\n|---|---|---|---|---|\n");
        for (ProblemCode p : ALL) {
            out.append("| `").append(p.code()).append("` | ").append(p.httpStatus() == 0 ? "–" : Integer.toString(p.httpStatus()))
                    .append(" | ").append(p.retryable() ? "yes" : "no").append(" | ").append(cell(p.zhTemplate())).append(" | ")
                    .append(cell(p.enTemplate())).append(" |\n");
        }
        return out.toString();
    }

    /** A template as a table cell: arguments as {@code {1}}, pipes escaped. */
    private static String cell(String template) {
        return template.replaceAll("%(\\d)\\$s", "{$1}").replace("%s", "{1}").replace("|", "\\|");
    }
}
