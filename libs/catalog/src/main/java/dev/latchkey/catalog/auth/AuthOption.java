package dev.latchkey.catalog.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One way to authenticate to an entry's system. Behaviour differs by scheme, never by provider: code that
 * needs to know switches over these records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OAuth2.class, name = "oauth2"),
        @JsonSubTypes.Type(value = OAuth2ClientCredentials.class, name = "oauth2_client_credentials"),
        @JsonSubTypes.Type(value = OAuth2JwtBearer.class, name = "oauth2_jwt_bearer"),
        @JsonSubTypes.Type(value = ApiKey.class, name = "api_key"),
        @JsonSubTypes.Type(value = Bearer.class, name = "bearer"),
        @JsonSubTypes.Type(value = Basic.class, name = "basic"),
        @JsonSubTypes.Type(value = Digest.class, name = "digest"),
        @JsonSubTypes.Type(value = NoAuth.class, name = "no_auth"),
        @JsonSubTypes.Type(value = Native.class, name = "native")})
public sealed interface AuthOption permits OAuth2, OAuth2ClientCredentials, OAuth2JwtBearer, ApiKey, Bearer, Basic, Digest, NoAuth, Native {

    AuthType type();

    /** How the option is shown when an entry offers several; may be null. */
    String label();

    /** Where the user learns to create the app, key or login this option needs; may be null. */
    String helpUrl();

    ConnectionParameters connectionParameters();

    /**
     * The variables a template may use with this option: the connection parameters, the scheme's own
     * credentials, and (OAuth2) the token-response fields kept with the connection.
     */
    default Set<String> variables() {
        Set<String> variables = new LinkedHashSet<>(connectionParameters().variables());
        type().credentials().forEach(field -> variables.add("credentials." + field));
        tokenResponseMetadata().forEach(field -> variables.add("config." + field));
        return variables;
    }

    /** The token-response fields kept with a connection (OAuth2: Salesforce's {@code instance_url}); none for others. */
    default List<String> tokenResponseMetadata() {
        return List.of();
    }

    static ConnectionParameters orNone(ConnectionParameters parameters) {
        return parameters == null ? ConnectionParameters.NONE : parameters;
    }
}
