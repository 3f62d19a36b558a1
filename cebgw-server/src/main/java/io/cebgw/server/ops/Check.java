package io.cebgw.server.ops;

import java.util.Locale;

/**
 * One finding of {@link Doctor}: what was checked, on what, how it went, and what to do about it (zh and en).
 *
 * @param area    what kind of thing (数据库, 传输, 签名密钥 …)
 * @param target  which one (the default transport, an enterprise's DXPID, a folder)
 * @param outcome pass, warn (works, but soon will not or is not fit for production), fail
 * @param detail  what was found
 * @param remedy  what to do; empty when it passed
 */
public record Check(Text area, String target, Outcome outcome, Text detail, Text remedy) {
    /** How a check went; only {@link #FAIL} keeps {@code doctor} from exiting 0. */
    public enum Outcome {
        PASS("通过", "pass"), WARN("注意", "warn"), FAIL("失败", "FAIL");

        private final Text label;

        Outcome(String zh, String en) {
            this.label = new Text(zh, en);
        }

        public Text label() {
            return label;
        }
    }

    /** A text in Chinese and English. */
    public record Text(String zh, String en) {
        public static final Text NONE = new Text("", "");

        public String in(Locale locale) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
        }

        /** Both, for a log line or a health detail. */
        public String both() {
            return zh.equals(en) ? zh : zh + " / " + en;
        }
    }

    static Check pass(Text area, String target, Text detail) {
        return new Check(area, target, Outcome.PASS, detail, Text.NONE);
    }

    static Check warn(Text area, String target, Text detail, Text remedy) {
        return new Check(area, target, Outcome.WARN, detail, remedy);
    }

    static Check fail(Text area, String target, Text detail, Text remedy) {
        return new Check(area, target, Outcome.FAIL, detail, remedy);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
