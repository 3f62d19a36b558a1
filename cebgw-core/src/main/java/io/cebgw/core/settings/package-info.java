/**
 * Settings shared by every part that reads {@code .properties} configurations: how secrets are referenced and
 * resolved ({@link io.cebgw.core.settings.SecretRef}), with an injectable environment and one set of rules for
 * transport profiles and key sources alike.
 */
package io.cebgw.core.settings;
