package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The entry point of the runnable jar behind {@code ./cebgw}. Output is UTF-8 whatever the platform's locale. */
public final class CebgwMain {
    private CebgwMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = CebgwCommand.run(args, out, err, new DemoCommand(), new ServeCommand(), new DoctorCommand(), new ArchiveCommand());
        out.flush();
        err.flush();
        System.exit(code);
    }
}
