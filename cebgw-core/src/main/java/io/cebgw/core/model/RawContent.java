package io.cebgw.core.model;

/** What an element kept verbatim may contain: elements, text and comments. */
public sealed interface RawContent permits RawElement, RawContent.Text, RawContent.Comment {

    record Text(String text) implements RawContent {
    }

    record Comment(String text) implements RawContent {
    }
}
