package dev.cabin.diagram.edit;

/** Replaces {@code length} characters at {@code offset} of a document with {@code text}. */
public record TextEdit(int offset, int length, String text) {
}
