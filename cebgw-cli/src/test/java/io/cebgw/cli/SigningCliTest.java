package io.cebgw.cli;

import io.cebgw.crypto.testing.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** keygen → sign → verify → csr → cert show, with the exit codes and messages a script relies on. */
class SigningCliTest {
    @TempDir
    Path dir;
    private Path passwordFile;
    private String out;
    private String err;

    private int run(String... args) {
        CliTest.Run r = CliTest.cebgw(args); // also asserts that no stack trace was printed
        out = r.out();
        err = r.stderr();
        return r.exit();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeEach
    void key() throws Exception {
        passwordFile = dir.resolve("pw.txt");
        Files.writeString(passwordFile, "correct horse\n");
        assertThat(run("keygen", "--alg", "sm2", "--subject", "CN=测试操作员,O=杭州示例,C=CN", "-o", p("key.p12"),
                "--cert-out", p("cert.pem"), "--password-file", passwordFile.toString())).as(err).isZero();
        assertThat(run("example", "CEB603", "--trade-mode", "9710", "-o", p("list.xml"))).isZero();
    }

    @Test
    void signThenVerify() throws Exception {
        assertThat(run("sign", p("list.xml"), "--key", p("key.p12"), "--password-file", passwordFile.toString(), "-o", p("signed.xml")))
                .as(err).isZero();
        assertThat(run("verify", p("signed.xml"), "--trust", p("cert.pem"))).as(err).isZero();
        assertThat(out).contains("签名有效");
        assertThat(run("validate", p("signed.xml"))).as("signed output still validates").isZero();

        assertThat(run("--lang", "en", "verify", p("signed.xml"))).isEqualTo(ExitCode.FINDINGS);
        assertThat(err).contains("CEB-V022").contains("--trust");

        Files.writeString(dir.resolve("tampered.xml"), Files.readString(dir.resolve("signed.xml")).replace("<ceb:qty>", "<ceb:qty>7"));
        assertThat(run("verify", p("tampered.xml"), "--trust", p("cert.pem"), "--json")).isEqualTo(ExitCode.FINDINGS);
        assertThat(out).contains("\"valid\":false").contains("CEB-V012");

        Files.writeString(dir.resolve("dtd.xml"), "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
        assertThat(run("verify", p("dtd.xml"), "--trust", p("cert.pem"))).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).doesNotContain("root:").doesNotContain("Exception");
        assertThat(run("verify", p("nothing.xml"))).isEqualTo(ExitCode.UNREADABLE);
    }

    @Test
    void signsInsideADxpMsg() throws Exception {
        assertThat(run("wrap", p("list.xml"), "--sender", "DXPENT0000012345", "-o", p("list.dxp.xml"))).isZero();
        assertThat(run("sign", p("list.dxp.xml"), "--key", p("key.p12"), "--password-file", passwordFile.toString(), "-o", p("signed.dxp.xml")))
                .as(err).isZero();
        assertThat(Files.readString(dir.resolve("signed.dxp.xml"))).contains("<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\"");
        assertThat(run("verify", p("signed.dxp.xml"), "--trust", p("cert.pem"))).as(err).isZero();
    }

    @Test
    void badKeysAndPasswordsAreClearErrors() throws Exception {
        Files.writeString(dir.resolve("wrong.txt"), "wrong password\n");
        assertThat(run("sign", p("list.xml"), "--key", p("key.p12"), "--password-file", p("wrong.txt"))).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("CEB-K003").doesNotContain("wrong password").doesNotContain("Exception");
        assertThat(run("sign", p("list.xml"), "--key", p("missing.p12"), "--password-file", passwordFile.toString())).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("CEB-K012");
        assertThat(run("sign", p("list.xml"), "--key", p("key.p12"), "--password-env", "CEBGW_TEST_SURELY_UNSET")).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("CEB-K002").contains("CEBGW_TEST_SURELY_UNSET");
        assertThat(run("keygen", "--alg", "dsa", "--subject", "CN=x", "-o", p("x.p12"), "--password-file", passwordFile.toString()))
                .isEqualTo(ExitCode.UNREADABLE);
        assertThat(run("keygen", "--alg", "rsa", "--subject", "CN=x", "-o", p("key.p12"), "--password-file", passwordFile.toString()))
                .as("never overwrites a key without --force").isEqualTo(ExitCode.UNREADABLE);
        Files.writeString(dir.resolve("hsm.properties"), "type=pkcs11\nlibrary=/nonexistent/libpkcs11.so\npin=1234\n");
        assertThat(run("sign", p("list.xml"), "--key", p("hsm.properties"))).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("pin.env");
    }

    @Test
    void certificateRequestAndShow() throws Exception {
        assertThat(run("csr", "--key", p("key.p12"), "--password-file", passwordFile.toString(), "-o", p("new.csr"))).as(err).isZero();
        assertThat(run("csr", "--key", p("key.p12"), "--password-file", passwordFile.toString(), "--renew", p("cert.pem"), "-o", p("renew.csr")))
                .as(err).isZero();
        assertThat(Files.readString(dir.resolve("new.csr"))).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        ExternalTool.require("openssl");
        for (String csr : new String[] {"new.csr", "renew.csr"}) {
            ExternalTool.Result r = ExternalTool.run(dir, "openssl", "req", "-verify", "-noout", "-in", csr, "-vfyopt", "distid:1234567812345678");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
        assertThat(run("cert", "show", p("cert.pem"))).isZero();
        assertThat(out).contains("证书编号").contains("国密 SM2/SM3");
        assertThat(run("cert", "show", p("cert.pem"), "--json")).isZero();
        assertThat(out).contains("\"rules\":\"SM2_FROM_2022_07\"").contains("\"keyAlgorithm\":\"SM2\"");
        assertThat(run("cert", "show", p("list.xml"))).isEqualTo(ExitCode.UNREADABLE);
        assertThat(run("cert", "revoke-request", p("cert.pem"), "--reason", "superseded", "--key", p("key.p12"),
                "--password-file", passwordFile.toString(), "-o", p("revoke"))).as(err).isZero();
        assertThat(dir.resolve("revoke/revocation-request.json.sig")).exists();
        assertThat(Files.readString(dir.resolve("revoke/revocation-request.json"))).contains("\"reason\": \"superseded\"");
    }

    @Test
    void expiringCertificateIsFlagged() throws Exception {
        assertThat(run("keygen", "--alg", "rsa", "--subject", "CN=short,C=CN", "--days", "10", "-o", p("short.p12"),
                "--cert-out", p("short.pem"), "--password-file", passwordFile.toString())).isZero();
        assertThat(run("cert", "show", p("short.pem"))).isEqualTo(ExitCode.FINDINGS);
        assertThat(err).contains("过期");
        assertThat(run("sign", p("list.xml"), "--key", p("short.p12"), "--password-file", passwordFile.toString(), "-o", p("s.xml"))).isZero();
        assertThat(err).contains("天后过期");
    }
}
