package io.cebgw.core.spec;

/** The XSD simple type a field's text must satisfy. */
public enum FieldType {
    STRING,
    /** xs:decimal with totalDigits / fractionDigits (the spec's {@code N19,5}). */
    DECIMAL,
    /** xs:int with totalDigits (the spec's {@code N5}, {@code N9}). */
    INT
}
