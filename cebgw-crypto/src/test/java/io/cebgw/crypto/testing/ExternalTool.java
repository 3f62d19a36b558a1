package io.cebgw.crypto.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an independent tool (openssl, xmlsec1, softhsm2-util) for interoperability tests. A missing tool skips
 * the test with a visible notice on a developer machine; with CI=true it fails (.ci/run installs them).
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public record Result(int exitCode, String output) {
    }

    public static void require(String executable) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return;
            }
        }
        String notice = executable + " is not installed (Debian package: " + packageOf(executable) + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(notice + "; CI=true, so this is a failure");
        }
        System.err.println("NOTICE: skipping — " + notice);
        Assumptions.abort(notice);
    }

    public static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String packageOf(String executable) {
        return switch (executable) {
            case "softhsm2-util" -> "softhsm2";
            default -> executable;
        };
    }
}
