/**
 * The document lifecycle as types: {@link io.cebgw.core.lifecycle.ReturnStatus} (what customs and the exchange say,
 * named in Chinese and English, with its {@link io.cebgw.core.lifecycle.Meaning}), each declaration type's
 * {@link io.cebgw.core.lifecycle.Lifecycle}, what became of a receipt ({@link io.cebgw.core.lifecycle.ReceiptOutcome})
 * and where an envelope is on its way out ({@link io.cebgw.core.lifecycle.OutboxState}). The server, the sandbox, the
 * web pages, the CLI and the demo all read statuses through these types; none keeps a status list of its own.
 */
package io.cebgw.core.lifecycle;
