package io.cebgw.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code -o/--output} option shared by the commands that produce a document (a picocli mixin): writes the
 * result to the file, atomically (temp file then rename), or to standard output when no file is given.
 */
final class Output {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "写入文件 / write to a file instead of standard output")
    Path file;

    void write(byte[] bytes, PrintStream stdout) throws IOException {
        if (file == null) {
            stdout.write(bytes);
            stdout.flush();
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
