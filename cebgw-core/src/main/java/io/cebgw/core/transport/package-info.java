/** The transport SPI: how envelopes travel between the gateway, the sandbox and the exchange platform. */
package io.cebgw.core.transport;
