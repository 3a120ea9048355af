package dev.latchkey.platform.sql;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's LISTEN connection trusts what the datasource's pool trusts, so TLS-only databases take it too. */
class ListenConnectionTest {

    @Test
    void theDatasourcesTlsSettingsCarryOver() {
        PgConnectOptions options = ListenConnection.options("postgresql://db.internal:5432/latchkey?sslmode=verify-full", "svc",
                Optional.of("pw"), Optional.empty(), Optional.of(List.of("/etc/latchkey/ca/postgres.crt")), Optional.of("HTTPS"));

        assertEquals(SslMode.VERIFY_FULL, options.getSslMode());
        assertEquals(List.of("/etc/latchkey/ca/postgres.crt"), ((PemTrustOptions) options.getTrustOptions()).getCertPaths());
        assertEquals("HTTPS", options.getHostnameVerificationAlgorithm());
        assertEquals("svc", options.getUser());
        assertEquals("pw", options.getPassword());
    }

    @Test
    void trustAllAndNoHostnameVerificationAreTakenAsTheyAre() {
        PgConnectOptions options = ListenConnection.options("postgresql://db:5432/latchkey?sslmode=require", "svc", Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.of("NONE"));

        assertTrue(options.isTrustAll());
        assertEquals("", options.getHostnameVerificationAlgorithm());
        assertEquals(SslMode.REQUIRE, options.getSslMode());
    }

    @Test
    void aPlainDatasourceStaysPlain() {
        PgConnectOptions options = ListenConnection.options("postgresql://localhost:5432/latchkey", "svc", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertEquals(SslMode.DISABLE, options.getSslMode());
        assertFalse(options.isTrustAll());
        assertNull(options.getTrustOptions());
    }
}
