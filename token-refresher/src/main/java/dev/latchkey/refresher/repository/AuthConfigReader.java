package dev.latchkey.refresher.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.refresher.domain.ProjectedAuthConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/** Reads the auth-config projection that {@code AuthConfigProjection} keeps. */
@ApplicationScoped
public class AuthConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIND = """
            SELECT id, tenant, provider, auth_type, cast(config as text), deleted FROM auth_configs WHERE tenant = ?1 AND id = ?2""";

    /** The auth config, or null when this service never heard of it. */
    public Uni<ProjectedAuthConfig> find(String tenant, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND).setParameter(1, tenant).setParameter(2, id)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : of((Object[]) rows.get(0)));
    }

    private static ProjectedAuthConfig of(Object[] row) {
        try {
            Map<String, Object> config = JSON.readValue((String) row[4], new TypeReference<>() {
            });
            return new ProjectedAuthConfig((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], config, (Boolean) row[5]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
