/**
 * Validation: every finding at once, each with a stable code, a severity, an XPath and a message in zh-CN
 * and en. Rule groups check formats and lengths, code tables, rules inside one message (numbering, totals,
 * B2B and 1210 rules) and rules across the documents of one shipment; an optional check runs the official
 * XSDs from a directory the user configures.
 */
package io.cebgw.core.validation;
