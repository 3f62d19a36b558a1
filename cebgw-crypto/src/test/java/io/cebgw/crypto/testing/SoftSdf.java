package io.cebgw.crypto.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The software GM/T 0018 device of {@code ../shared/vendor/softsdf} (GmSSL + SoftSDF), built by {@code .ci/run} into
 * {@code $CEBGW_SOFTSDF} (default {@code ~/.cache/cebgw-softsdf}). SoftSDF keeps its keys in the working directory of
 * the process: the SDF tests run in a JVM whose working directory is a device folder of its own (the failsafe
 * execution {@code sdf}), and {@link #key} creates a key there. Without the build a developer's run skips with a
 * notice; with CI=true it fails.
 */
public final class SoftSdf {
    private SoftSdf() {
    }

    /** The build's folder (lib/libsoftsdf.so, bin/softsdfinit). */
    public static Path home() {
        String configured = System.getenv("CEBGW_SOFTSDF");
        Path home = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "cebgw-softsdf");
        if (!Files.isRegularFile(home.resolve("lib/libsoftsdf.so"))) {
            String notice = "the software SDF device is not built in " + home + " (../shared/vendor/softsdf/build.sh " + home + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(notice + "; CI=true, so this is a failure");
            }
            System.err.println("NOTICE: skipping — " + notice);
            Assumptions.abort(notice);
        }
        return home;
    }

    public static String library() {
        return home().resolve("lib/libsoftsdf.so").toString();
    }

    /** Creates signing key {@code index} with its password in the device folder (the working directory), once. */
    public static void key(int index, String password) throws IOException, InterruptedException {
        Path device = Path.of("").toAbsolutePath();
        if (Files.exists(device.resolve("sm2sign-" + index + ".pem"))) {
            return;
        }
        ExternalTool.Result made = ExternalTool.run(device, home().resolve("bin/softsdfinit").toString(), "-kek", "1", "-key", Integer.toString(index),
                "-pass", password);
        if (made.exitCode() != 0 || !Files.exists(device.resolve("sm2sign-" + index + ".pem"))) {
            throw new IOException("softsdfinit failed in " + device + ": " + made.output());
        }
    }
}
