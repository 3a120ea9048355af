package dev.latchkey.events;

/** The payload of one Latchkey event: an immutable record that never holds a secret. */
public sealed interface EventData permits
        AuthConfigEvents.AuthConfigCreated,
        AuthConfigEvents.AuthConfigUpdated,
        AuthConfigEvents.AuthConfigDeleted,
        AuthConfigEvents.AuthConfigTested,
        AuthConfigEvents.AuthConfigStatusChanged,
        AuthConfigEvents.AuthConfigSecretExpiring,
        ConnectionEvents.ConnectionCreated,
        ConnectionEvents.ConnectionAuthorized,
        ConnectionEvents.ConnectionAuthorizationFailed,
        ConnectionEvents.ConnectionUpdated,
        ConnectionEvents.ConnectionTested,
        ConnectionEvents.ConnectionStatusChanged,
        ConnectionEvents.ConnectionSecretExpiring,
        ConnectionEvents.ConnectionDeleted,
        ConnectionEvents.AllowedOriginsChanged,
        TokenEvents.TokenRefreshed,
        TokenEvents.TokenRefreshFailed,
        TokenEvents.TokenExpiring,
        AccessEvents.CredentialsRead,
        ToolkitEvents.ToolkitCreated,
        ToolkitEvents.ToolkitUpdated,
        ToolkitEvents.ToolkitDeleted,
        ToolkitEvents.ToolkitTokenIssued,
        ToolkitEvents.ToolkitTokenRevoked,
        AccessEvents.CallProxied,
        AccessEvents.ActionRun,
        AccessEvents.AccessDenied {

    EventType eventType();

    /** The id of the aggregate the event is about: the CloudEvents subject and the Kafka record key. */
    String aggregateId();
}
