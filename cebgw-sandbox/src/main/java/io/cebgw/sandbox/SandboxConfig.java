package io.cebgw.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cebgw.core.envelope.DxpMsg;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a sandbox run needs; read from {@code sandbox.yml} (keys in kebab-case, see docs/sandbox.md) or built in
 * code for the demo and tests.
 *
 * @param nodeId     the receiver id the sandbox answers to (the export node {@code DXPEDCCEB0000003})
 * @param folder     the exchange folder (out/ sent/ failed/ in/ received/)
 * @param httpPort   port of the status page and admin API (0: any free port; -1: none)
 * @param stepMillis time between successive receipts of one document (a real data center takes seconds)
 * @param schemaDir  the official XSD folder, for the XSD check (optional; the definitions check runs anyway)
 * @param enterprises the registered enterprises (DXPID, customs code, certificate files)
 * @param rules      the rules the spec text leaves to inference, each switchable
 */
public record SandboxConfig(String nodeId, Path folder, int httpPort, long stepMillis, Path schemaDir,
                            List<EnterpriseEntry> enterprises, Rules rules) {
    public SandboxConfig {
        nodeId = nodeId == null ? DxpMsg.EXPORT_RECEIVER : nodeId;
        folder = folder == null ? Path.of("sandbox-exchange") : folder;
        stepMillis = stepMillis <= 0 ? 1000 : stepMillis;
        enterprises = enterprises == null ? List.of() : List.copyOf(enterprises);
        rules = rules == null ? Rules.DEFAULTS : rules;
    }

    public Duration step() {
        return Duration.ofMillis(stepMillis);
    }

    public SandboxConfig withEnterprises(List<EnterpriseEntry> entries) {
        return new SandboxConfig(nodeId, folder, httpPort, stepMillis, schemaDir, entries, rules);
    }

    public SandboxConfig withFolder(Path exchange) {
        return new SandboxConfig(nodeId, exchange, httpPort, stepMillis, schemaDir, enterprises, rules);
    }

    /** An enterprise as configured: its certificates are PEM/DER files. */
    public record EnterpriseEntry(String name, String customsCode, String dxpId, List<Path> certificates) {
        public EnterpriseEntry {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /**
     * Rules the spec implies but does not state ([I] in B2B-EXPORT-RULES.md), each switchable.
     *
     * @param listNeedsOrder    a declaration list is refused (100) unless its order / booking arrived first
     * @param listNeedsWaybill  a declaration list is refused (100) unless its waybill arrived first
     * @param releaseOnArrival  800 放行 follows the arrival (运抵) of the list's goods, not just 399
     * @param closeOnDeparture  899 结关 follows the departure (离境) of the list's goods
     */
    public record Rules(boolean listNeedsOrder, boolean listNeedsWaybill, boolean releaseOnArrival, boolean closeOnDeparture) {
        public static final Rules DEFAULTS = new Rules(true, true, true, true);
    }

    /** Reads a YAML configuration; relative paths are taken from the file's folder. */
    public static SandboxConfig load(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        SandboxConfig raw = yaml.readValue(file.toFile(), SandboxConfig.class);
        Path base = file.toAbsolutePath().getParent();
        List<EnterpriseEntry> resolved = raw.enterprises().stream().map(e -> new EnterpriseEntry(e.name(), e.customsCode(),
                e.dxpId(), e.certificates().stream().map(base::resolve).toList())).toList();
        return new SandboxConfig(raw.nodeId(), base.resolve(raw.folder()), raw.httpPort(), raw.stepMillis(),
                raw.schemaDir() == null ? null : base.resolve(raw.schemaDir()), resolved, raw.rules());
    }
}
