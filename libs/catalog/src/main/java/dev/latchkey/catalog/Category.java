package dev.latchkey.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an entry appears in the gallery. */
public enum Category {
    AI, ANALYTICS, COMMUNICATION, CRM, DATABASE, DESIGN, DEVTOOLS, ECOMMERCE, ENTERPRISE, FINANCE, HR, IDENTITY,
    MARKETING, MESSAGING, MONITORING, PRODUCTIVITY, SOCIAL, STORAGE, SUPPORT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id} ({@code crm}, {@code devtools}, ...). */
    public static Category of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
