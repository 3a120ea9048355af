package dev.latchkey.audit.rest;

import dev.latchkey.audit.domain.AuditEntry;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The export formats: one JSON object per line (the API's view), or CSV with a header row (RFC 4180 quoting).
 * Each format writes a line without its end: the server's stream ends every element with a line feed.
 */
public enum AuditExport {
    NDJSON("application/x-ndjson", "ndjson") {
        @Override
        String header() {
            return "";
        }

        @Override
        String line(AuditEntry entry) {
            return AuditEventView.of(entry).json();
        }
    },
    CSV("text/csv", "csv") {
        @Override
        String header() {
            return "id,occurredAt,receivedAt,actorType,actorId,actorName,action,targetType,targetId,targetName,outcome,"
                    + "environment,details,chainPosition,hash";
        }

        @Override
        String line(AuditEntry entry) {
            return Arrays.stream(new Object[] {entry.eventId(), entry.occurredAt(), entry.receivedAt(), entry.actorType(),
                            entry.actorId(), entry.actorName(), entry.action(), entry.targetType(), entry.targetId(),
                            entry.targetName(), entry.outcome(), entry.environment(), entry.details(), entry.chainSeq(),
                            HexFormat.of().formatHex(entry.hash())})
                    .map(AuditExport::field).collect(Collectors.joining(","));
        }
    };

    private final String mediaType;
    private final String extension;

    AuditExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    abstract String header();

    abstract String line(AuditEntry entry);

    /**
     * A CSV field: quoted when it holds a comma, quote or line break; a value a spreadsheet would run as a formula
     * ({@code = + - @}, tab or carriage return first) gets a leading apostrophe (OWASP's advice against CSV
     * injection).
     */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
