package io.cebgw.server.store;

import java.time.Instant;

/**
 * A declared document as stored: its identity, business key, current receipt status and the bytes of each stage
 * (unsigned XML, signed XML, the envelope sent).
 *
 * @param status     the last applied returnStatus (null before the first receipt)
 * @param statusTime the returnTime of that receipt
 * @param finalState true once no receipt may change it any more
 */
public record DocumentRow(String id, String enterpriseId, String messageType, String businessKey, String guid, String appType,
                          String appStatus, String status, String statusTime, boolean finalState, String copMsgId,
                          String idempotencyKey, String findings, byte[] unsignedXml, byte[] signedXml, byte[] envelope,
                          Instant createdAt, Instant updatedAt) {
}
