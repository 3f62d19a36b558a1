/** The {@code cebgw} command line: one picocli class per command. */
package io.cebgw.cli;
