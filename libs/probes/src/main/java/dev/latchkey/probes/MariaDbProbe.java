package dev.latchkey.probes;

import org.mariadb.jdbc.Driver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB with MariaDB Connector/J, which speaks both: logs in and reads the server version. The
 * mysql entry uses MySQL Connector/J's sslMode names, the mariadb entry MariaDB's; both map onto MariaDB's.
 */
final class MariaDbProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("mariadb", "mysql");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String sslMode = sslMode(target.optional("sslMode").orElse("verify-full"));
        String host = target.checkedHost(target.required("host"), sslMode.equals("verify-full"));
        String database = target.optional("database").orElse("");
        String url = "jdbc:mariadb://" + ProbeTarget.inUrl(host) + ":" + target.integer("port", 3306) + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);

        Properties properties = new Properties();
        properties.setProperty("user", target.required("username"));
        target.optional("password").ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("sslMode", sslMode);
        // Connector/J takes the CA certificate itself as well as a file path.
        target.optional("caCertificate").ifPresent(pem -> properties.setProperty("serverSslCert", pem));
        properties.setProperty("connectTimeout", String.valueOf(target.timeoutMillis()));
        properties.setProperty("socketTimeout", String.valueOf(target.timeoutMillis()));
        properties.setProperty("connectionAttributes", "program_name:latchkey-probe");

        try (Connection connection = new Driver().connect(url, properties)) {
            return "connected to " + connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion()
                    + (database.isEmpty() ? "" : ", database " + database);
        } catch (SQLException e) {
            throw classified(e, database);
        }
    }

    /**
     * MySQL's names onto MariaDB's. MariaDB has no PREFERRED (TLS if offered, else plain): it becomes trust,
     * so a server without TLS reports TLS and the user chooses DISABLED knowingly.
     */
    private static String sslMode(String mode) {
        return switch (mode.toUpperCase(Locale.ROOT)) {
            case "DISABLED", "DISABLE" -> "disable";
            case "PREFERRED", "REQUIRED", "TRUST" -> "trust";
            case "VERIFY_CA", "VERIFY-CA" -> "verify-ca";
            case "VERIFY_IDENTITY", "VERIFY-FULL" -> "verify-full";
            default -> throw new ProbeFailure(FailureCategory.CONFIG, "unknown sslMode '" + mode + "'");
        };
    }

    private static Exception classified(SQLException e, String database) {
        return switch (e.getErrorCode()) {
            case 1045, 1698 -> new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
            case 1044 -> new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not use database \"" + database + "\"");
            case 1049 -> new ProbeFailure(FailureCategory.CONFIG, "database \"" + database + "\" does not exist");
            // "Trying to connect with ssl, but ssl not enabled in the server": no SSLException to find.
            default -> e.getMessage() != null && e.getMessage().contains("ssl not enabled")
                    ? new ProbeFailure(FailureCategory.TLS, "the server does not support TLS; use sslMode DISABLED")
                    : e;
        };
    }
}
