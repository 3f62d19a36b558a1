package io.cebgw.core.validation;

import io.cebgw.core.finding.FindingCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/validation.md names every finding code (written out, or as the second of a pair such as "CEB-F001 / F002"). */
class FindingCodesDocumentedTest {
    @Test
    void everyFindingCodeIsInTheValidationGuide() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "validation.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            String suffix = code.code().substring(4);
            if (!doc.contains(code.code()) && !doc.contains("/ " + suffix) && !doc.contains("…" + suffix)) {
                missing.add(code.code());
            }
        }
        assertThat(missing).as("codes docs/validation.md does not name").isEmpty();
    }
}
