/**
 * The XML codec: a StAX writer that emits spec-exact CEB XML and a hardened StAX reader (no DTDs, no
 * external entities, size and depth limits, UTF-8 only) that turns bytes into the message model and reports
 * structural defects as findings instead of failing.
 */
package io.cebgw.core.codec;
