package dev.latchkey.events;

import java.util.List;

/** The Kafka topics Latchkey publishes to. The record key is always the aggregate id. */
public final class Topics {

    public static final String AUTH_CONFIGS = "latchkey.auth-configs.v1";
    public static final String CONNECTIONS = "latchkey.connections.v1";
    public static final String TOKENS = "latchkey.tokens.v1";
    public static final String ACCESS = "latchkey.access.v1";
    public static final String TOOLKITS = "latchkey.toolkits.v1";

    public static final List<String> ALL = List.of(AUTH_CONFIGS, CONNECTIONS, TOKENS, ACCESS, TOOLKITS);

    private Topics() {
    }
}
