package dev.latchkey.events;

import java.net.URI;

/**
 * Latchkey's services as the CloudEvents {@code source} of what they publish ({@code /latchkey/<service>}). Each one
 * publishes with a Kafka principal of its own, granted only its own topics (docs/deploy.md); consumers drop an event
 * whose source may not publish its type ({@link EventType#publishedBy}).
 */
public enum EventSource {
    AUTH_CONFIG_SERVICE("auth-config-service"),
    CONNECTED_APPS_SERVICE("connected-apps-service"),
    TOKEN_REFRESHER("token-refresher"),
    AUDIT_SERVICE("audit-service"),
    GATEWAY("gateway");

    private final String service;

    EventSource(String service) {
        this.service = service;
    }

    /** The service's name, also its {@code quarkus.application.name} and its Kafka principal. */
    public String service() {
        return service;
    }

    public URI uri() {
        return URI.create("/latchkey/" + service);
    }

    /** The service that owns {@code topic}: the only one that publishes to it, but for access denials and proxied calls. */
    static EventSource ownerOf(String topic) {
        return switch (topic) {
            case Topics.AUTH_CONFIGS -> AUTH_CONFIG_SERVICE;
            case Topics.CONNECTIONS, Topics.ACCESS, Topics.TOOLKITS -> CONNECTED_APPS_SERVICE;
            case Topics.TOKENS -> TOKEN_REFRESHER;
            default -> throw new IllegalArgumentException("no Latchkey topic '" + topic + "'");
        };
    }
}
