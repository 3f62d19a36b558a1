package io.cebgw.core.problem;

import io.cebgw.core.finding.Localized;

import java.util.Locale;

/**
 * A problem the gateway, a transport, a key source or the command line can report (validation findings have
 * {@link io.cebgw.core.finding.FindingCode}): a stable code, the HTTP status an API answers with where one applies,
 * message templates in zh-CN and en with positional arguments ({@code %1$s} …), and whether trying again can help.
 * Every code is listed once in {@link ProblemRegistry}; a code never means two things.
 */
public interface ProblemCode {
    /** {@code CEB-T001}, {@code GW-D404} …. */
    String code();

    /** The HTTP status an API answers with, or 0 where no API reports it. */
    int httpStatus();

    /** The Chinese message template. */
    String zhTemplate();

    /** The English message template. */
    String enTemplate();

    /** Whether a later attempt of the same thing may succeed without anybody changing anything. */
    boolean retryable();

    /** The problem with its arguments filled in; a {@link Localized} argument reads in each language its own way. */
    default Problem with(Object... args) {
        return new Problem(this, String.format(Locale.ROOT, zhTemplate(), language(args, true)),
                String.format(Locale.ROOT, enTemplate(), language(args, false)));
    }

    private static Object[] language(Object[] args, boolean zh) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Localized l) {
                out[i] = zh ? l.zh() : l.en();
            }
        }
        return out;
    }
}
