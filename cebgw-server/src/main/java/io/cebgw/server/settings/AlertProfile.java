package io.cebgw.server.settings;

import io.cebgw.core.settings.SecretException;
import io.cebgw.core.settings.SecretRef;
import org.springframework.boot.convert.DurationStyle;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * An enterprise's own alert settings (properties text; each one optional): its thresholds, which replace the
 * gateway's, and its own channels, which get its alerts besides the gateway's. Robot addresses and secrets are
 * written as references ({@code .env} or {@code .file}), never themselves, as everywhere in the gateway:
 * <pre>
 * receipt-overdue=45m
 * receipt-overdue.CEB603=2h
 * transport-failing=10m
 * selftest-max-age=30d
 * email.to=ops@example.com, boss@example.com
 * dingtalk.url.file=/etc/cebgw/alerts/dingtalk.url
 * dingtalk.secret.env=DINGTALK_SECRET
 * </pre>
 */
public record AlertProfile(Optional<Duration> receiptOverdue, Map<String, Duration> receiptOverdueByType, Optional<Duration> transportFailing,
                           Optional<Duration> selfTestMaxAge, List<String> emailTo, Map<String, Robot> robots) {
    public static final AlertProfile NONE = new AlertProfile(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of());
    /** {@code receipt-overdue.CEB603=60m}: the threshold for one message type. */
    private static final java.util.regex.Pattern BY_TYPE = java.util.regex.Pattern.compile("receipt-overdue\\.(CEB\\d{3})");
    private static final Set<String> DURATIONS = Set.of("receipt-overdue", "transport-failing", "selftest-max-age");
    private static final List<String> ROBOTS = List.of("dingtalk", "wecom", "feishu", "webhook");

    /** A robot of the enterprise's: where its address and its signing secret come from. */
    public record Robot(String type, SecretRef url, SecretRef secret) {
    }

    /** A profile that cannot be used, and why (zh, en). */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String zh;

        Invalid(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public static AlertProfile parse(String text) throws Invalid {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid("告警配置无法读取：" + e.getMessage(), "the alert settings cannot be read: " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k.strip(), p.getProperty(k).strip()));
        for (String key : settings.keySet()) {
            if (!known(key)) {
                throw new Invalid("告警配置中没有 " + key + "（可用：receipt-overdue[.CEB603]、transport-failing、selftest-max-age、email.to、"
                        + "<dingtalk|wecom|feishu|webhook>.url.env/.file、.secret.env/.file）",
                        "no alert setting " + key + " (known: receipt-overdue[.CEB603], transport-failing, selftest-max-age, email.to, "
                                + "<dingtalk|wecom|feishu|webhook>.url.env/.file, .secret.env/.file)");
            }
        }
        Map<String, Robot> robots = new TreeMap<>();
        for (String type : ROBOTS) {
            try {
                SecretRef url = SecretRef.from(settings, type + ".url");
                if (url.kind() != SecretRef.Kind.NONE) {
                    robots.put(type, new Robot(type, url, SecretRef.from(settings, type + ".secret")));
                }
            } catch (SecretException e) {
                throw new Invalid("告警配置 " + type + "：.env 和 .file 只能写一个", "alert setting " + type + ": write .env or .file, not both");
            }
        }
        List<String> to = new ArrayList<>();
        for (String address : settings.getOrDefault("email.to", "").split("[,;\\s]+")) {
            if (!address.isBlank()) {
                if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new Invalid("email.to 中的地址无效：" + address, "not an e-mail address in email.to: " + address);
                }
                to.add(address);
            }
        }
        Map<String, Duration> byType = new TreeMap<>();
        for (String key : settings.keySet()) {
            java.util.regex.Matcher m = BY_TYPE.matcher(key);
            if (m.matches()) {
                byType.put(m.group(1), duration(settings, key).orElseThrow(() -> new Invalid(key + " 为空", key + " is empty")));
            }
        }
        return new AlertProfile(duration(settings, "receipt-overdue"), Map.copyOf(byType), duration(settings, "transport-failing"),
                duration(settings, "selftest-max-age"), List.copyOf(to), Map.copyOf(robots));
    }

    private static boolean known(String key) {
        if (DURATIONS.contains(key) || "email.to".equals(key) || BY_TYPE.matcher(key).matches()) {
            return true;
        }
        int dot = key.indexOf('.');
        return dot > 0 && ROBOTS.contains(key.substring(0, dot))
                && Set.of("url.env", "url.file", "secret.env", "secret.file").contains(key.substring(dot + 1));
    }

    private static Optional<Duration> duration(Map<String, String> settings, String key) throws Invalid {
        String value = settings.get(key);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = DurationStyle.detectAndParse(value);
            if (d.isNegative()) {
                throw new IllegalArgumentException(value);
            }
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            throw new Invalid(key + " 应为时长，如 30m、2h、7d，实为 " + value, key + " should be a duration such as 30m, 2h or 7d, not " + value);
        }
    }
}
