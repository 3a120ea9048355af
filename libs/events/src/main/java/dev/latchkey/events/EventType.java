package dev.latchkey.events;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every event type Latchkey publishes: its name, its topic, its record and its JSON Schema
 * ({@code schemas/<name>.v1.json} in this module). The CloudEvents type is {@code dev.latchkey.<name>.v1}.
 */
public enum EventType {
    AUTH_CONFIG_CREATED("auth_config.created", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigCreated.class),
    AUTH_CONFIG_UPDATED("auth_config.updated", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigUpdated.class),
    AUTH_CONFIG_DELETED("auth_config.deleted", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigDeleted.class),
    AUTH_CONFIG_TESTED("auth_config.tested", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigTested.class),
    AUTH_CONFIG_STATUS_CHANGED("auth_config.status_changed", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigStatusChanged.class),
    AUTH_CONFIG_SECRET_EXPIRING("auth_config.secret_expiring", Topics.AUTH_CONFIGS, AuthConfigEvents.AuthConfigSecretExpiring.class),
    CONNECTION_CREATED("connection.created", Topics.CONNECTIONS, ConnectionEvents.ConnectionCreated.class),
    CONNECTION_AUTHORIZED("connection.authorized", Topics.CONNECTIONS, ConnectionEvents.ConnectionAuthorized.class),
    CONNECTION_AUTHORIZATION_FAILED("connection.authorization_failed", Topics.CONNECTIONS, ConnectionEvents.ConnectionAuthorizationFailed.class),
    CONNECTION_UPDATED("connection.updated", Topics.CONNECTIONS, ConnectionEvents.ConnectionUpdated.class),
    CONNECTION_TESTED("connection.tested", Topics.CONNECTIONS, ConnectionEvents.ConnectionTested.class),
    CONNECTION_STATUS_CHANGED("connection.status_changed", Topics.CONNECTIONS, ConnectionEvents.ConnectionStatusChanged.class),
    CONNECTION_SECRET_EXPIRING("connection.secret_expiring", Topics.CONNECTIONS, ConnectionEvents.ConnectionSecretExpiring.class),
    CONNECTION_DELETED("connection.deleted", Topics.CONNECTIONS, ConnectionEvents.ConnectionDeleted.class),
    CONNECTION_ALLOWED_ORIGINS_CHANGED("connection.allowed_origins_changed", Topics.CONNECTIONS,
            ConnectionEvents.AllowedOriginsChanged.class),
    TOKEN_REFRESHED("token.refreshed", Topics.TOKENS, TokenEvents.TokenRefreshed.class),
    TOKEN_REFRESH_FAILED("token.refresh_failed", Topics.TOKENS, TokenEvents.TokenRefreshFailed.class),
    TOKEN_EXPIRING("token.expiring", Topics.TOKENS, TokenEvents.TokenExpiring.class),
    TOOLKIT_CREATED("toolkit.created", Topics.TOOLKITS, ToolkitEvents.ToolkitCreated.class),
    TOOLKIT_UPDATED("toolkit.updated", Topics.TOOLKITS, ToolkitEvents.ToolkitUpdated.class),
    TOOLKIT_DELETED("toolkit.deleted", Topics.TOOLKITS, ToolkitEvents.ToolkitDeleted.class),
    TOOLKIT_TOKEN_ISSUED("toolkit.token_issued", Topics.TOOLKITS, ToolkitEvents.ToolkitTokenIssued.class),
    TOOLKIT_TOKEN_REVOKED("toolkit.token_revoked", Topics.TOOLKITS, ToolkitEvents.ToolkitTokenRevoked.class),
    ACCESS_CREDENTIALS_READ("access.credentials_read", Topics.ACCESS, AccessEvents.CredentialsRead.class),
    /** The gateway, Latchkey's data plane, reports the calls it carries. */
    ACCESS_PROXIED("access.proxied", Topics.ACCESS, AccessEvents.CallProxied.class, EnumSet.of(EventSource.GATEWAY)),
    ACCESS_ACTION_RUN("access.action_run", Topics.ACCESS, AccessEvents.ActionRun.class, EnumSet.of(EventSource.GATEWAY)),
    /** Every service's permission filter reports the denials it makes. */
    ACCESS_DENIED("access.denied", Topics.ACCESS, AccessEvents.AccessDenied.class, EnumSet.allOf(EventSource.class));

    private static final String TYPE_PREFIX = "dev.latchkey.";
    private static final String VERSION_SUFFIX = ".v1";

    private final String eventName;
    private final String topic;
    private final Class<? extends EventData> recordType;
    private final Set<EventSource> publishers;

    EventType(String eventName, String topic, Class<? extends EventData> recordType) {
        this(eventName, topic, recordType, EnumSet.of(EventSource.ownerOf(topic)));
    }

    EventType(String eventName, String topic, Class<? extends EventData> recordType, Set<EventSource> publishers) {
        this.eventName = eventName;
        this.topic = topic;
        this.recordType = recordType;
        this.publishers = publishers;
    }

    /** The name used in filters and the audit log, e.g. {@code connection.authorized}. */
    public String eventName() {
        return eventName;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.latchkey.connection.authorized.v1}. */
    public String cloudEventType() {
        return TYPE_PREFIX + eventName + VERSION_SUFFIX;
    }

    public String topic() {
        return topic;
    }

    /** The services that publish this type: its topic's owner (every service, for an access denial). */
    public Set<EventSource> publishers() {
        return publishers;
    }

    /** Whether {@code source} is one of the services that publish this type. */
    public boolean publishedBy(URI source) {
        return publishers.stream().anyMatch(publisher -> publisher.uri().equals(source));
    }

    public Class<? extends EventData> recordType() {
        return recordType;
    }

    /** The schema's classpath resource, for validators. */
    public String schemaResource() {
        return "/schemas/" + eventName + VERSION_SUFFIX + ".json";
    }

    /** The CloudEvents {@code dataschema}: the schema's {@code $id}. */
    public URI dataSchema() {
        return URI.create("https://latchkey.dev/schemas/events/" + eventName + VERSION_SUFFIX + ".json");
    }

    public static Optional<EventType> ofCloudEventType(String type) {
        return Arrays.stream(values()).filter(candidate -> candidate.cloudEventType().equals(type)).findFirst();
    }
}
