/**
 * Message definitions of the CEB 202205 specification: one source of truth for every field's XML name,
 * Chinese name, format, required flag and order. The codec, the validator and the example factory all read
 * these definitions; nothing else in the project lists fields.
 */
package io.cebgw.core.spec;
