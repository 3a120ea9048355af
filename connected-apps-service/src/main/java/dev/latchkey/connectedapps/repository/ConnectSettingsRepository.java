package dev.latchkey.connectedapps.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/** Per tenant: the origins connect sessions may send users back to. */
@ApplicationScoped
public class ConnectSettingsRepository {

    private static final String READ = "SELECT unnest(allowed_origins) FROM connect_settings WHERE tenant = ?1";
    private static final String SAVE = """
            INSERT INTO connect_settings (tenant, allowed_origins, updated_by, updated_at)
            VALUES (?1, ARRAY(SELECT jsonb_array_elements_text(cast(cast(?2 as text) as jsonb))), ?3, now())
            ON CONFLICT (tenant) DO UPDATE SET allowed_origins = excluded.allowed_origins, updated_by = excluded.updated_by,
                                               updated_at = excluded.updated_at""";

    public Uni<List<String>> allowedOrigins(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery(READ, String.class).setParameter(1, tenant).getResultList())
                .map(rows -> rows.stream().map(String::valueOf).toList());
    }

    /** {@code originsJson}: the origins as a JSON array. */
    public Uni<Void> save(String tenant, String originsJson, String actor) {
        return execute(SAVE, tenant, originsJson, actor);
    }
}
