package io.cebgw.server.ops;

import io.cebgw.server.settings.AlertProfile;
import io.cebgw.core.settings.SecretException;
import io.cebgw.core.settings.SecretRef;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An enterprise's own alert channels, read from its alert settings when an alert is sent (a changed file or setting
 * applies at once): its robots, with their addresses and secrets read from the referenced variables or files, and
 * e-mail to its recipients when the gateway has an SMTP server. A reference that cannot be read is logged, naming the
 * enterprise and the setting, never a secret.
 */
public final class EnterpriseAlertChannels implements Function<String, List<AlertChannel>> {
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseAlertChannels.class);
    private final EnterpriseStore enterprises;
    private final Function<List<String>, AlertChannel> mailFactory;
    private final UnaryOperator<String> environment;

    /**
     * @param mail        makes the e-mail channel to these recipients, or null when no SMTP server is configured
     * @param environment resolves {@code .env} references
     */
    public EnterpriseAlertChannels(EnterpriseStore enterprises, Function<List<String>, AlertChannel> mail, UnaryOperator<String> environment) {
        this.enterprises = enterprises;
        this.mailFactory = mail;
        this.environment = environment;
    }

    @Override
    public List<AlertChannel> apply(String dxpId) {
        Optional<EnterpriseRow> e = enterprises.byDxpId(dxpId);
        if (e.isEmpty()) {
            return List.of();
        }
        AlertProfile profile;
        try {
            profile = AlertProfile.parse(enterprises.alertProfile(e.get().id()).orElse(null));
        } catch (AlertProfile.Invalid ex) {
            LOG.warn("alert settings of {} cannot be used: {}", dxpId, ex.getMessage());
            return List.of();
        }
        List<AlertChannel> channels = new ArrayList<>();
        for (AlertProfile.Robot r : profile.robots().values()) {
            try {
                String secret = new String(r.secret().resolve(environment::apply)).strip();
                channels.add(new RobotChannel(r.type(), new String(r.url().resolve(environment::apply)).strip(), secret.isEmpty() ? null : secret));
            } catch (SecretException ex) {
                LOG.warn("alert channel {} of {} cannot be used: {}", r.type(), dxpId, ex.getMessage());
            }
        }
        if (!profile.emailTo().isEmpty()) {
            if (mailFactory == null) {
                LOG.warn("alert e-mail to the recipients of {}: no SMTP server is configured (spring.mail.host)", dxpId);
            } else {
                channels.add(mailFactory.apply(profile.emailTo()));
            }
        }
        return channels;
    }
}
