/**
 * The vocabulary of findings shared by the reader (structural defects) and the validator (everything else):
 * a stable code, a severity, an XPath and a message in zh-CN and en.
 */
package io.cebgw.core.finding;
