package io.cebgw.core.codec;

import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.finding.Finding;

import java.util.List;

/**
 * What the reader made of a document.
 *
 * @param message     the message, as complete as the document allowed
 * @param findings    structural defects found while reading (unknown, misplaced or repeated elements)
 * @param envelope    the DxpMsg or DxpMsgSv the message came in, or null for a bare message
 * @param businessXml the bytes of the business message exactly as received (what a signature covers)
 */
public record ReadResult(CebMessage message, List<Finding> findings, Envelope envelope, byte[] businessXml) {
    public ReadResult {
        findings = List.copyOf(findings);
    }
}
