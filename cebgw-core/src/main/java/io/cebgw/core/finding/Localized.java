package io.cebgw.core.finding;

/** A message argument that reads differently in Chinese and English (e.g. a code table's title). */
public record Localized(String zh, String en) {
}
