/**
 * The message model: a tree of {@link io.cebgw.core.model.Node}s shaped by the definitions in
 * {@link io.cebgw.core.spec}, holding field values as the exact text of the message.
 */
package io.cebgw.core.model;
