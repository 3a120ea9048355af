package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectSettingsRepository;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a tenant's connect sessions may send users back: a list of origins ({@code https://app.example.com},
 * scheme, host and port only). A return URL passes when its origin is one of them, exactly. The user arrives there
 * with a connection id, so an origin is https, or plain http on the developer's own machine only.
 */
@ApplicationScoped
public class AllowedOrigins {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ORIGINS = 50;
    private static final Pattern SECURE = Pattern.compile("https://.+|http://(localhost|127\\.0\\.0\\.1)(:\\d+)?");

    private final ConnectSettingsRepository settings;
    private final ConnectionEventWriter events;

    public AllowedOrigins(ConnectSettingsRepository settings, ConnectionEventWriter events) {
        this.settings = settings;
        this.events = events;
    }

    public Uni<List<String>> of(String tenant) {
        return Panache.withSession(() -> settings.allowedOrigins(tenant));
    }

    public Uni<List<String>> replace(Caller caller, List<String> origins) {
        List<FieldError> errors = new ArrayList<>();
        List<String> normalized = new ArrayList<>();
        if (origins.size() > MAX_ORIGINS) {
            errors.add(new FieldError("origins", "at most " + MAX_ORIGINS + " origins"));
        }
        for (int i = 0; i < origins.size(); i++) {
            String given = origins.get(i);
            Optional<String> origin = given == null ? Optional.empty() : origin(given);
            if (origin.isEmpty() || !origin.get().equals(given.toLowerCase(Locale.ROOT).replaceFirst("/$", ""))) {
                errors.add(new FieldError("origins[" + i + "]", "must be an origin: https://host[:port], without a path"));
            } else if (!SECURE.matcher(origin.get()).matches()) {
                errors.add(new FieldError("origins[" + i + "]", "must be https; http only for localhost or 127.0.0.1"));
            } else if (!normalized.contains(origin.get())) {
                normalized.add(origin.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has invalid fields.", errors);
        }
        return Panache.withTransaction(() -> settings.save(caller.tenant(), json(normalized), caller.actor())
                .call(() -> events.allowedOriginsChanged(caller, normalized))).replaceWith(normalized);
    }

    /** Refuses (a 400 naming {@code field}) a URL users would be sent to whose origin the tenant does not allow. */
    Uni<Void> requireAllowed(String tenant, String url, String field) {
        return of(tenant).invoke(allowed -> {
            if (!origin(url).map(allowed::contains).orElse(false)) {
                throw ConnectionService.invalid(field, "its origin is not one of the tenant's allowed origins"
                        + " (PUT /api/v1/connect-sessions/allowed-origins)");
            }
        }).replaceWithVoid();
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, lower case, the port only when not the default. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String json(List<String> origins) {
        try {
            return JSON.writeValueAsString(origins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
