package dev.latchkey.console.rest;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the pages write the APIs' values for people: words for identifiers, times in UTC and "ago". */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code oauth2_provider} → "OAuth2 provider", {@code api_key} → "API key". */
    static String human(String id) {
        String words = id.replace('_', ' ').replace("oauth2", "OAuth2").replace("api ", "API ");
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A value for a link's query string: an opaque cursor may hold {@code +}, {@code /} or {@code =}. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An API status ({@code ACTIVE}, {@code ERROR}) as a badge's words. */
    static String status(String status) {
        return status.isEmpty() ? status : status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }

    /** An ISO-8601 instant as a time and how long ago it was; anything else as it is. */
    static String when(String instant) {
        try {
            Instant at = Instant.parse(instant);
            Duration ago = Duration.between(at, Instant.now());
            String relative = ago.isNegative() ? "in " + words(ago.negated()) : words(ago) + " ago";
            return TIME.format(at) + " (" + relative + ")";
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String words(Duration duration) {
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() < 1) {
            return duration.toMinutes() + " min";
        }
        if (duration.toDays() < 2) {
            return duration.toHours() + " h";
        }
        return duration.toDays() + " days";
    }
}
