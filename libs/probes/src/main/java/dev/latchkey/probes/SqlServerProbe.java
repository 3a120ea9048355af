package dev.latchkey.probes;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Microsoft SQL Server and Azure SQL Database with Microsoft's JDBC driver: logs in to the database and reads the
 * version. The driver connects to the address the guard checked and, under TLS, verifies the certificate for the host
 * name ({@code hostNameInCertificate}); a pasted CA certificate is its trust manager ({@link PemTrustManager}).
 */
final class SqlServerProbe implements Probe {

    /** SQL Server's "Login failed for user" and "Cannot open database requested by the login". */
    private static final int LOGIN_FAILED = 18456;
    private static final int CANNOT_OPEN_DATABASE = 4060;

    @Override
    public Set<String> drivers() {
        return Set.of("sqlserver");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String host = target.required("host");
        String database = target.required("database");
        Properties properties = new Properties();
        properties.setProperty("serverName", target.checkedAddress(host));
        properties.setProperty("portNumber", String.valueOf(target.integer("port", 1433)));
        properties.setProperty("databaseName", database);
        properties.setProperty("user", target.required("username"));
        properties.setProperty("password", target.optional("password").orElse(""));
        properties.setProperty("encrypt", String.valueOf(target.flag("encrypt", true)));
        properties.setProperty("trustServerCertificate", String.valueOf(target.flag("trustServerCertificate", false)));
        properties.setProperty("hostNameInCertificate", host);
        target.optional("caCertificate").ifPresent(pem -> {
            TrustedCertificates.trustManagers(Optional.of(pem)); // a text that is no certificate is refused now, not at TLS
            properties.setProperty("trustManagerClass", PemTrustManager.class.getName());
            properties.setProperty("trustManagerConstructorArg", pem);
        });
        properties.setProperty("loginTimeout", String.valueOf(target.timeoutSeconds()));
        properties.setProperty("socketTimeout", String.valueOf(target.timeoutMillis()));
        properties.setProperty("connectRetryCount", "0");
        properties.setProperty("applicationName", "latchkey-probe");
        try (Connection connection = new SQLServerDriver().connect("jdbc:sqlserver://", properties)) {
            return "connected to " + connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion() + ", database " + database;
        } catch (SQLException e) {
            throw classified(e, database);
        }
    }

    /** By SQL Server's error number; the driver's own connection failures carry no cause, only their fixed texts. */
    private static Exception classified(SQLException e, String database) {
        String message = String.valueOf(e.getMessage());
        if (e.getErrorCode() == LOGIN_FAILED) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the login or password");
        }
        if (e.getErrorCode() == CANNOT_OPEN_DATABASE) {
            return new ProbeFailure(FailureCategory.CONFIG, "database \"" + database + "\" does not exist or the login may not open it");
        }
        if (message.contains("Connection refused")) {
            return new ProbeFailure(FailureCategory.UNREACHABLE, "nothing accepts connections at that host and port");
        }
        if (message.contains("pre-login") || message.contains("prelogin")) {
            return new ProbeFailure(FailureCategory.CONFIG, "the server does not speak SQL Server's protocol (TDS)");
        }
        return e;
    }
}
