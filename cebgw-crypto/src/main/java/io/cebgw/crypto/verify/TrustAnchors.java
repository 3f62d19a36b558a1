package io.cebgw.crypto.verify;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.Pem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The certificates a verifier trusts, from configuration only (never from the message's KeyInfo): a signing
 * certificate is trusted when it is one of them, or when one of them (a CA) issued and signed it.
 */
public final class TrustAnchors {
    private final List<X509Certificate> anchors;

    public TrustAnchors(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    public static TrustAnchors none() {
        return new TrustAnchors(List.of());
    }

    /** Certificates from PEM/DER files, or from every {@code .pem .crt .cer .der} file in a directory. */
    public static TrustAnchors load(List<Path> paths) throws KeySourceException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(TrustAnchors::isCertificateFile).sorted().toList()) {
                        all.addAll(Pem.readCertificates(file));
                    }
                } catch (java.io.IOException e) {
                    throw new KeySourceException(SigningProblem.TRUST_DIRECTORY.with(path), e);
                }
            } else {
                all.addAll(Pem.readCertificates(path));
            }
        }
        return new TrustAnchors(all);
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    public boolean trusts(X509Certificate certificate) {
        for (X509Certificate anchor : anchors) {
            if (sameEncoding(anchor, certificate) || issued(anchor, certificate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static boolean issued(X509Certificate ca, X509Certificate certificate) {
        if (!ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) || ca.getBasicConstraints() < 0) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey(), CryptoProvider.bc());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der");
    }
}
