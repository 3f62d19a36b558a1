package io.cebgw.server.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Alerts by e-mail over the SMTP server of {@code spring.mail.*} (host, port, username, password, STARTTLS): a plain
 * UTF-8 text mail whose subject is the title and the alert's first words, to the gateway's recipients
 * ({@code cebgw.alerts.email.to}) or an enterprise's own ({@code email.to} of its alert settings).
 */
public record MailChannel(JavaMailSender sender, String from, List<String> to) implements AlertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Override
    public String type() {
        return "email";
    }

    @Override
    public boolean deliver(Alert alert, Instant now) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to.toArray(String[]::new));
        mail.setSubject(alert.title() + " " + firstWords(alert.zh()));
        mail.setText(alert.text() + "\n\n" + BEIJING.format(now) + "（北京时间 / Beijing time）\n");
        try {
            sender.send(mail);
            return true;
        } catch (MailException e) {
            LOG.warn("alert {} to e-mail: {}", alert.key(), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
            return false;
        }
    }

    private static String firstWords(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
