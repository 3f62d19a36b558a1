/** The signing SPI: what the gateway and the sandbox need from a signer, without any crypto library. */
package io.cebgw.core.signing;
