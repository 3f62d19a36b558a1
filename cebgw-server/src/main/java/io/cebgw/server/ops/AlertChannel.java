package io.cebgw.server.ops;

import java.time.Instant;

/** Where alerts go: a chat robot or webhook ({@link RobotChannel}), e-mail ({@link MailChannel}). */
public interface AlertChannel {
    /** dingtalk, wecom, feishu, webhook, email. */
    String type();

    /** Tells the channel; false (and one log line, naming no secret) when it did not take the alert. */
    boolean deliver(Alert alert, Instant now);
}
