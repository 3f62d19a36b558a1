package io.cebgw.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real signature vector in ../shared/ceb-spec/signature-vectors gets the verdict its vector.json expects,
 * strict and lenient: the verifying ones verify, the others fail in the stated category.
 */
class SignatureVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> vectors() {
        try (Stream<Path> dirs = Files.list(SharedSpec.root().resolve("signature-vectors"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verdictMatchesTheVectorsExpectation(Path dir) throws Exception {
        JsonNode vector = JSON.readTree(dir.resolve("vector.json").toFile());
        JsonNode expected = vector.path("expectedVerifier");
        assertThat(expected.isMissingNode()).as("vector.json states the expected verdict").isFalse();
        for (VerifyProfile profile : VerifyProfile.values()) {
            Verdict verdict = verify(dir, vector, profile);
            String want = expected.path(profile == VerifyProfile.STRICT ? "strict" : "lenient").asText();
            assertThat(verdict.summary()).as(dir.getFileName() + " " + profile + ": " + verdict.describe(java.util.Locale.ENGLISH))
                    .isEqualTo(want);
        }
    }

    private static Verdict verify(Path dir, JsonNode vector, VerifyProfile profile) throws Exception {
        JsonNode files = vector.path("files");
        if (files.has("signed")) {
            byte[] signed = Files.readAllBytes(dir.resolve(files.path("signed").asText()));
            TrustAnchors trust = files.has("cert") ? TrustAnchors.load(List.of(dir.resolve(files.path("cert").asText())))
                    : TrustAnchors.none();
            return new CebVerifier(trust, profile).verify(signed);
        }
        PublicKey key = Pem.readPublicKey(dir.resolve(files.path("pubkey").asText()));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())))
                .as("pubkey.pem is the recorded key").isEqualTo(vector.path("certificate").path("pubkeySha256").asText());
        if (files.has("signedData")) {
            byte[] data = Files.readAllBytes(dir.resolve(files.path("signedData").asText()));
            return CebVerifier.verifyData(key, data, vector.path("signatureValue").asText());
        }
        byte[] signedInfo = Files.readAllBytes(dir.resolve(files.path("signedInfo").asText()));
        assertThat(Canonicalization.of(SafeDom.parse(signedInfo).getDocumentElement()))
                .as("signed-info.xml is already canonical").isEqualTo(signedInfo);
        byte[] unsigned = files.has("unsigned") ? Files.readAllBytes(dir.resolve(files.path("unsigned").asText())) : null;
        return new CebVerifier(TrustAnchors.none(), profile).verifySignedInfo(signedInfo,
                vector.path("signatureValue").asText(), key, vector.path("certNo").asText(),
                new BigInteger(vector.path("certSerialHex").asText(), 16), unsigned);
    }
}
