package io.cebgw.server.ops;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.ops.Check.Text;
import io.cebgw.transports.TransportCatalog;

import java.util.Locale;

/**
 * Whether a transport connects, logs in and finds its queues or folders, without sending anything (the plugins'
 * {@code check}), and what to do when it does not. Shared by {@code cebgw doctor}, readiness and onboarding.
 */
public final class TransportProbe {
    static final Text AREA = new Text("传输", "transport");

    private TransportProbe() {
    }

    /** Parses an enterprise's profile and checks it. */
    public static Check profile(String target, String profile) {
        try {
            return spec(target, TransportSpec.parse(profile, "transport profile of " + target));
        } catch (TransportException e) {
            return failed(target, e);
        }
    }

    public static Check spec(String target, TransportSpec spec) {
        try {
            TransportCatalog.check(spec);
            return Check.pass(AREA, target, new Text("已连接并登录（" + spec.type() + "），队列或目录都在",
                    "connected and logged in (" + spec.type() + "), queues or folders found"));
        } catch (TransportException e) {
            return failed(target, e);
        } catch (RuntimeException e) {
            return Check.fail(AREA, target, new Text("检查失败：" + e.getClass().getSimpleName(), "the check failed: " + e.getClass().getSimpleName()),
                    new Text("查看网关日志", "see the gateway's log"));
        }
    }

    private static Check failed(String target, TransportException e) {
        return Check.fail(AREA, target, new Text(e.describe(Locale.CHINA), e.describe(Locale.ENGLISH)), remedy(e));
    }

    static Text remedy(TransportException e) {
        if (e.problem().code() == TransportProblem.CREDENTIALS_REFUSED) {
            return new Text("改正传输配置中的用户名和密码（password.file 或 password.env 所指的内容），改后无需重启",
                    "correct the user and password of the transport (what password.file or password.env holds); no restart needed");
        }
        if (e.problem().code() == TransportProblem.DESTINATION_UNKNOWN) {
            return new Text("在 MQ 上创建队列（或核对 queues、vhost 的写法）", "create the queues on the broker (or check queues and the vhost)");
        }
        if (e.transientFailure()) {
            return new Text("核对地址和端口，确认对方服务已启动、防火墙放行", "check the address and port, that the peer is running and the firewall lets it through");
        }
        return new Text("按错误说明改正传输配置（docs/zh/transports.md）", "correct the transport configuration as the error says (docs/transports.md)");
    }
}
