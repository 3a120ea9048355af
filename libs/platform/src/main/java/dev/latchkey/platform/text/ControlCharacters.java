package dev.latchkey.platform.text;

import java.util.Optional;

/**
 * The rule for text a caller sends: no control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), except
 * line breaks (CR, LF) in a field documented as multi-line. PostgreSQL stores no NUL in text or JSONB, an HTTP header
 * carries no line break, and a log line with one can be forged; a refusal names the character, never the text.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Why {@code text} is refused, or empty when it is fine. */
    public static Optional<String> refusal(String text, boolean multiLine) {
        return text.codePoints().filter(c -> Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r')))
                .mapToObj(c -> "must not contain control characters (C0, DEL, C1)" + (multiLine ? " other than line breaks" : "")
                        + "; found U+%04X".formatted(c))
                .findFirst();
    }
}
