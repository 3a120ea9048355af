package dev.latchkey.catalog.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the challenges of {@code WWW-Authenticate} fields (RFC 9110 §11.6.1): each a scheme and its parameters, several
 * to a field value or one to each of several fields. A scheme's token68 is skipped: Digest's challenge has none.
 */
final class AuthChallenges {

    /** One challenge: its scheme, lower case, and its parameters by lower-case name, quoted values unquoted. */
    record Challenge(String scheme, Map<String, String> parameters) {
    }

    private static final String TOKEN_CHARACTERS = "!#$%&'*+-.^_`|~";

    private final String text;
    private int at;

    private AuthChallenges(String text) {
        this.text = text;
    }

    static List<Challenge> of(List<String> fieldValues) {
        List<Challenge> challenges = new ArrayList<>();
        fieldValues.forEach(value -> new AuthChallenges(value).readInto(challenges));
        return challenges;
    }

    private void readInto(List<Challenge> challenges) {
        Challenge current = null;
        while (skip(" \t,") < text.length()) {
            String token = token();
            if (token.isEmpty()) {
                at++;
                continue;
            }
            if (skip(" \t") < text.length() && text.charAt(at) == '=') {
                at++;
                skip(" \t");
                String value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
                if (current != null) {
                    current.parameters().putIfAbsent(token.toLowerCase(Locale.ROOT), value);
                }
            } else {
                current = new Challenge(token.toLowerCase(Locale.ROOT), new LinkedHashMap<>());
                challenges.add(current);
            }
        }
    }

    private int skip(String characters) {
        while (at < text.length() && characters.indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private String token() {
        int start = at;
        while (at < text.length() && isTokenCharacter(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isTokenCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || TOKEN_CHARACTERS.indexOf(c) >= 0);
    }

    /** A quoted-string from its opening quote: backslash escapes the next character; an unclosed one ends the text. */
    private String quoted() {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != '"') {
            if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                at++;
            }
            value.append(text.charAt(at++));
        }
        at++;
        return value.toString();
    }
}
