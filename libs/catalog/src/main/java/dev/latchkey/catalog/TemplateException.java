package dev.latchkey.catalog;

/** A template that is malformed, uses an undeclared variable, or lacks a value when rendered. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
