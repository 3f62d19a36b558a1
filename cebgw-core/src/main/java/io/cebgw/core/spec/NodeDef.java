package io.cebgw.core.spec;

/** An element of a message definition: a field with text, or a group of further elements. */
public sealed interface NodeDef permits FieldDef, GroupDef {
    String name();

    String zh();

    Occurs occurs();
}
