package dev.latchkey.platform.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without control characters ({@link ControlCharacters}): on a {@code String}, or on a JSON object whose keys and
 * string values (at any depth) must all be plain text, such as a connection's metadata.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {PlainTextValidator.class, PlainJsonValidator.class})
public @interface PlainText {

    /** Line breaks (CR, LF) are allowed: a description, not a name. */
    boolean multiLine() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
