/**
 * Safe XML input and output shared by the CEB codec and the DXP envelopes: a hardened StAX factory
 * (no DTDs, no external entities), size and depth limits, UTF-8 only, one-line read errors, and the
 * capture and replay of elements kept verbatim (signatures, ExtendMessage).
 */
package io.cebgw.core.xml;
