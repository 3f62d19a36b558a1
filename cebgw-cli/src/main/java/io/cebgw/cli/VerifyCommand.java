package io.cebgw.cli;

import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.Notice;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.verify.VerifyReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"严格验签：摘要、签名值、算法、KeyName、证书信任（只信任 --trust 指定的证书或 CA）/",
                "verify strictly: digest, signature value, algorithms, KeyName, and trust (only certificates or CAs given with --trust)."},
        footer = {"", "Examples / 示例:",
                "  ./cebgw verify signed.xml --trust cert.pem",
                "  ./cebgw verify received.dxp.xml --trust /etc/cebgw/trust/ --lenient   诊断其他工具生成的报文 / diagnose other tools' output",
                "", "Exit codes / 退出码: 0 valid, 1 invalid (reason printed), 2 unreadable or bad arguments."})
final class VerifyCommand implements Callable<Integer> {
    private static final Set<VerifyReason> UNREADABLE = Set.of(VerifyReason.UNREADABLE, VerifyReason.DTD_PRESENT);

    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "FILE", description = "已签名报文（裸报文或 DxpMsg），- 表示标准输入 / the signed message, - for standard input")
    String file;

    @Option(names = "--trust", paramLabel = "CERT|DIR",
            description = "受信任的证书或 CA（PEM/DER 文件或目录，可重复；默认 CEBGW_TRUST）/ trusted certificate or CA, file or directory, repeatable (default: CEBGW_TRUST)")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--lenient", description = "宽松模式：接受已知的非规范写法并给出警告 / accept known non-spec variants with a warning")
    boolean lenient;

    @Option(names = "--json", description = "以 JSON 输出结果 / print the verdict as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        byte[] input = root.readInput(file);
        if (input == null) {
            return ExitCode.UNREADABLE;
        }
        TrustAnchors anchors;
        try {
            anchors = TrustAnchors.load(trustPaths());
        } catch (KeySourceException e) {
            root.err.println("cebgw: " + e.describe(root.language().locale()));
            return ExitCode.UNREADABLE;
        }
        Verdict verdict = new CebVerifier(anchors, lenient ? VerifyProfile.LENIENT : VerifyProfile.STRICT).verify(input);
        Locale locale = root.language().locale();
        if (json) {
            root.out.println(json(verdict, locale));
        } else {
            print(verdict, locale);
        }
        if (verdict.valid()) {
            return ExitCode.OK;
        }
        return verdict.reason().filter(UNREADABLE::contains).isPresent() ? ExitCode.UNREADABLE : ExitCode.FINDINGS;
    }

    private List<Path> trustPaths() {
        if (!trust.isEmpty()) {
            return trust;
        }
        String env = System.getenv("CEBGW_TRUST");
        return env == null || env.isBlank() ? List.of() : List.of(Path.of(env));
    }

    private void print(Verdict verdict, Locale locale) {
        Language lang = root.language();
        String signer = verdict.certificate() == null ? ""
                : "  " + lang.pick("证书", "certificate") + " " + CertNo.of(verdict.certificate()) + " "
                + verdict.certificate().getSubjectX500Principal().getName();
        (verdict.valid() ? root.out : root.err).println(file + ": "
                + (verdict.valid() ? lang.pick("签名有效", "signature valid") : lang.pick("签名无效", "signature INVALID")) + signer);
        verdict.failure().ifPresent(n -> root.err.println("  " + n.describe(locale)));
        for (Notice warning : verdict.warnings()) {
            root.err.println("  " + lang.pick("警告 ", "warning ") + warning.describe(locale));
        }
    }

    private static String json(Verdict verdict, Locale locale) {
        StringBuilder out = new StringBuilder("{\"valid\":").append(verdict.valid())
                .append(",\"summary\":").append(JsonText.quote(verdict.summary()));
        verdict.failure().ifPresent(n -> out.append(",\"code\":").append(JsonText.quote(n.reason().code()))
                .append(",\"message\":").append(JsonText.quote(n.describe(locale))));
        out.append(",\"warnings\":[");
        for (int i = 0; i < verdict.warnings().size(); i++) {
            Notice w = verdict.warnings().get(i);
            out.append(i == 0 ? "" : ",").append("{\"code\":").append(JsonText.quote(w.reason().code()))
                    .append(",\"message\":").append(JsonText.quote(w.describe(locale))).append('}');
        }
        out.append(']');
        if (verdict.certificate() != null) {
            out.append(",\"certNo\":").append(JsonText.quote(CertNo.of(verdict.certificate())))
                    .append(",\"subject\":").append(JsonText.quote(verdict.certificate().getSubjectX500Principal().getName()));
        }
        return out.append('}').toString();
    }
}
