package io.cebgw.server.api;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on a free local port that takes every mail (RFC 5321's plain dialogue, no TLS) and keeps it with its
 * envelope recipients, parsed as the MIME message a mail client would show.
 */
final class FakeSmtp implements AutoCloseable {
    /** One mail as received: the RCPT TO addresses and the message. */
    record Mail(List<String> recipients, MimeMessage message) {
    }

    private final ServerSocket server;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();

    FakeSmtp() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::serve, "fake-smtp");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Mail> mails() {
        return mails;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                dialogue(s);
            } catch (IOException e) {
                // the server closed or a client went away
            }
        }
    }

    private void dialogue(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        say(out, "220 fake-smtp ready");
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 fake-smtp");
                case "MAIL" -> {
                    recipients.clear();
                    say(out, "250 ok");
                }
                case "RCPT" -> {
                    recipients.add(line.replaceAll(".*<(.*)>.*", "$1"));
                    say(out, "250 ok");
                }
                case "DATA" -> {
                    say(out, "354 end with .");
                    StringBuilder data = new StringBuilder();
                    for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    try {
                        mails.add(new Mail(List.copyOf(recipients), new MimeMessage(Session.getInstance(new Properties()),
                                new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)))));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IOException(e);
                    }
                    say(out, "250 queued");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "250 ok");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
