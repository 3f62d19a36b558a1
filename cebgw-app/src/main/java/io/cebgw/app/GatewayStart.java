package io.cebgw.app;

import io.cebgw.server.GatewayApplication;
import io.cebgw.server.ops.StartupFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's Spring context started for a command, or the configuration mistake that kept it from starting, in
 * one line (never an internal error).
 *
 * @param context the started context, or null
 * @param mistake why it did not start, or null
 */
record GatewayStart(ConfigurableApplicationContext context, String mistake) {
    /** What a command that only looks (doctor, archive verify) adds: no web server, no background jobs, no migrations, quiet logs. */
    static final List<String> LOOK_ONLY = List.of("--spring.main.web-application-type=none", "--cebgw.workers=false", "--cebgw.sandbox=false",
            "--spring.flyway.enabled=false", "--logging.level.root=WARN", "--logging.level.io.cebgw=WARN",
            "--logging.level.org.springframework.context=ERROR", "--logging.level.org.springframework.boot.diagnostics=OFF",
            "--logging.level.org.springframework.boot.SpringApplication=OFF");

    static GatewayStart of(List<String> arguments) {
        try {
            return new GatewayStart(GatewayApplication.start(arguments.toArray(String[]::new)), null);
        } catch (RuntimeException e) {
            return new GatewayStart(null, mistake(e));
        }
    }

    static GatewayStart lookOnly(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(LOOK_ONLY);
        return of(all);
    }

    boolean started() {
        return context != null;
    }

    /** The analysis of a configuration mistake, or the innermost cause's message. */
    private static String mistake(RuntimeException e) {
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(e);
        if (analysis != null) {
            return analysis.getDescription();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
