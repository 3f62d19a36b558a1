package io.cebgw.server.store;

import java.time.Instant;

/**
 * An enterprise the gateway serves.
 *
 * @param roles           comma-separated: EBC 电商企业, EBP 电商平台, LOGISTICS 物流企业, AGENT 申报企业
 * @param signingProfile  its key source as properties text (type=…, path=…, password.env=…; never a secret)
 * @param transportProfile its transport as properties text (empty: the gateway's default)
 */
public record EnterpriseRow(String id, String name, String customsCode, String creditCode, String dxpId, String roles,
                            String signingProfile, String transportProfile, Instant createdAt) {
}
