package io.cebgw.server.ops;

import io.cebgw.core.signing.SigningException;
import io.cebgw.core.transport.TransportException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import java.util.Locale;

/**
 * A configuration mistake that stops the start-up (a transport that refuses the password, a key that does not open) is
 * reported as what it is — its code and its text in Chinese and English, and where to mend it — instead of a stack
 * trace (Spring Boot prints this analysis and keeps the trace for debug logging).
 */
public final class StartupFailureAnalyzer implements FailureAnalyzer {
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransportException e) {
                return new FailureAnalysis(e.describe(Locale.CHINA) + " / " + e.describe(Locale.ENGLISH),
                        "检查默认传输的设置（cebgw.transport.*，或环境变量 CEBGW_TRANSPORT_*）及其密码文件或环境变量，见 docs/zh/transports.md；"
                                + "\nCheck the default transport's settings (cebgw.transport.*) and its password file or variable (docs/transports.md).", e);
            }
            if (t instanceof java.sql.SQLException e && unreachable(e)) {
                return new FailureAnalysis("数据库无法连接 / cannot reach the database: " + e.getMessage(),
                        "检查 spring.datasource.url、用户名和环境变量 SPRING_DATASOURCE_PASSWORD，确认数据库已启动（docs/zh/install.md）；"
                                + "\nCheck spring.datasource.url, the user and SPRING_DATASOURCE_PASSWORD, and that the database runs.", e);
            }
            if (t instanceof SettingMistake e) {
                return invalidSetting(e.getMessage(), e);
            }
            if (t instanceof org.springframework.boot.context.properties.bind.BindException e) {
                String setting = e.getProperty() == null ? e.getName().toString() : e.getProperty().getName() + "=" + e.getProperty().getValue();
                return invalidSetting(setting + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
            }
            if (t instanceof SigningException e) {
                return new FailureAnalysis(e.describe(Locale.CHINA) + " / " + e.describe(Locale.ENGLISH),
                        "检查签名配置（密钥文件路径、口令文件或环境变量），见 docs/zh/signing.md；\nCheck the signing profile (key path, password file or variable), docs/signing.md.", e);
            }
        }
        return null;
    }

    private static FailureAnalysis invalidSetting(String what, Throwable cause) {
        return new FailureAnalysis("设置无效 / invalid setting: " + what,
                "改正该设置（docs/server.md 列出全部设置）；\nCorrect the setting (docs/server.md lists them all).", cause);
    }

    /** A connection failure (SQL state class 08) or refused credentials (28), not a mistake in a statement. */
    private static boolean unreachable(java.sql.SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28"));
    }
}
