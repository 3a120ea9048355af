package dev.latchkey.probes;

import org.postgresql.Driver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL with the PostgreSQL JDBC driver: logs in to the database and reads the server version. Amazon Redshift
 * speaks PostgreSQL's protocol (version 3) and is probed alike, with its own defaults (port 5439, database dev).
 */
final class PostgresProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("postgresql", "redshift");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String sslMode = target.optional("sslMode").orElse("verify-full");
        String name = target.required("host");
        String address = target.checkedAddress(name);
        // verify-full checks the certificate against the host in the URL: keep the name there, the socket pinned.
        String host = sslMode.equals("verify-full") ? name : address;
        boolean redshift = target.driver().equals("redshift");
        String database = target.optional("database").orElse(redshift ? "dev" : "postgres");
        String url = "jdbc:postgresql://" + ProbeTarget.inUrl(host) + ":" + target.integer("port", redshift ? 5439 : 5432) + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);

        Properties properties = new Properties();
        properties.setProperty("user", target.required("username"));
        target.optional("password").ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("connectTimeout", String.valueOf(target.timeoutSeconds()));
        properties.setProperty("socketTimeout", String.valueOf(target.timeoutSeconds()));
        properties.setProperty("ApplicationName", "latchkey-probe");
        properties.setProperty("socketFactory", PinnedSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", address);

        // The driver reads the root certificate from a file only.
        Path rootCert = null;
        try {
            if (target.optional("caCertificate").isPresent()) {
                rootCert = Files.createTempFile("latchkey-probe-root", ".pem");
                Files.writeString(rootCert, target.required("caCertificate"));
                properties.setProperty("sslrootcert", rootCert.toString());
            }
            try (Connection connection = new Driver().connect(url, properties)) {
                return "connected to " + (redshift ? "Amazon Redshift (PostgreSQL protocol) " : "PostgreSQL ")
                        + connection.getMetaData().getDatabaseProductVersion() + ", database " + database;
            } catch (SQLException e) {
                throw classified(e, database);
            }
        } finally {
            if (rootCert != null) {
                Files.deleteIfExists(rootCert);
            }
        }
    }

    private static Exception classified(SQLException e, String database) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // The driver's own host-name check (verify-full) fails with a connection-failure state and no SSLException.
        if (e.getMessage() != null && e.getMessage().contains("could not be verified by hostnameverifier")) {
            return new ProbeFailure(FailureCategory.TLS, "the server's certificate is not for this host name");
        }
        return switch (state) {
            case "28P01", "28000" -> new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
            case "3D000" -> new ProbeFailure(FailureCategory.CONFIG, "database \"" + database + "\" does not exist");
            case "42501" -> new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not connect to database \"" + database + "\"");
            // 08004 "The server does not support SSL" carries no SSLException to find in the cause chain.
            case "08004" -> e.getMessage() != null && e.getMessage().contains("SSL")
                    ? new ProbeFailure(FailureCategory.TLS, "the server does not support TLS; use sslMode disable or allow")
                    : e;
            default -> e;
        };
    }
}
