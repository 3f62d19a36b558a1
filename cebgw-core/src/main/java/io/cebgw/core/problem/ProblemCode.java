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
    /** The code's entry: code, HTTP status, retry, templates. */
    ProblemSpec spec();

    /** {@code CEB-T001}, {@code GW-D404} …. */
    default String code() {
        return spec().code();
    }

    /** The HTTP status an API answers with, or 0 where no API reports it. */
    default int httpStatus() {
        return spec().httpStatus();
    }

    /** The Chinese message template. */
    default String zhTemplate() {
        return spec().zh();
    }

    /** The English message template. */
    default String enTemplate() {
        return spec().en();
    }

    /** Whether a later attempt of the same thing may succeed without anybody changing anything. */
    default boolean retryable() {
        return spec().retryable();
    }

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
