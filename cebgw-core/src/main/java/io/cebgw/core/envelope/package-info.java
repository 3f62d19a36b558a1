/**
 * The DXP envelopes of the data-exchange platform: {@code DxpMsg} (terminal node, the business XML base64 in
 * {@code Data}), {@code DxpMsgSv} (transfer node, for third-party platforms) and {@code DxpRep} (the
 * platform's error response), with their reader and writer.
 */
package io.cebgw.core.envelope;
