package io.cebgw.server.document;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.signing.SigningException;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.sandbox.SelfTest;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.transports.PrivateExchange;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Onboarding step 4: one 9710 and one 9810 flow signed with the enterprise's own key, answered by a sandbox in this
 * process — over the AMQP connection its documents take (its own profile's, else the gateway's default; temporary queues
 * beside the real ones) where that is AMQP, else over a temporary folder; the report names which, and nothing of the run
 * is left behind.
 */
public final class JointSelfTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Signers signers;
    private final EnterpriseStore enterprises;
    private final Clock clock;
    private final TransportSpec defaultTransport;

    /** The outcome and the printed report (its first line names the transport). */
    public record Result(boolean passed, String report) {
    }

    /** @param defaultTransport the route of enterprises without a profile of their own */
    public JointSelfTest(Signers signers, EnterpriseStore enterprises, Clock clock, TransportSpec defaultTransport) {
        this.signers = signers;
        this.enterprises = enterprises;
        this.clock = clock;
        this.defaultTransport = defaultTransport;
    }

    public Result run(EnterpriseRow e, Locale locale) throws Exception {
        boolean english = "en".equals(locale.getLanguage());
        SelfTest.Report report;
        String over;
        try (PrivateExchange exchange = PrivateExchange.beside(ownTransport(e))) {
            over = exchange.describe(english);
            report = new SelfTest(e.dxpId(), e.customsCode(), signers.signer(e), signers.certificate(e), SelfTest.Ends.open(exchange::open),
                    TIMEOUT).run();
        } catch (SigningException ex) {
            throw ValidationFailed.of(GatewayProblem.CANNOT_SIGN, new Localized(ex.describe(Locale.CHINA), ex.describe(Locale.ENGLISH)));
        } catch (TransportException ex) {
            throw ValidationFailed.of(GatewayProblem.CANNOT_ROUTE, new Localized(ex.describe(Locale.CHINA), ex.describe(Locale.ENGLISH)));
        }
        enterprises.recordSelfTest(e.id(), report.passed(), clock.instant());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        out.println((english ? "transport: " : "传输：") + over);
        report.print(out, locale);
        return new Result(report.passed(), text.toString(StandardCharsets.UTF_8));
    }

    /**
     * The route the enterprise's documents take: its own profile when it has one that parses (a broken one is the
     * doctor's and step 5's to report), else the gateway's default.
     */
    private TransportSpec ownTransport(EnterpriseRow e) {
        if (e.transportProfile() == null || e.transportProfile().isBlank()) {
            return defaultTransport;
        }
        try {
            return TransportSpec.parse(e.transportProfile(), "transport profile of " + e.dxpId());
        } catch (TransportException ex) {
            return null;
        }
    }
}
