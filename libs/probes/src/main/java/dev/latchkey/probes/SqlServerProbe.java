package dev.latchkey.probes;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Microsoft SQL Server and Azure SQL Database with Microsoft's JDBC driver: logs in to the database and reads the
 * version. Every socket the driver opens goes to the address the guard checked ({@link PinnedSocketFactory}: a server's
 * routing redirect cannot send the password elsewhere); under TLS the certificate is verified for the host name
 * ({@code hostNameInCertificate}), a pasted CA certificate being the driver's trust manager ({@link PemTrustManager}).
 * The driver's own messages follow the JVM's locale, so failures are told apart by SQL Server's error numbers, SQLState
 * and a plain TCP connect first, never by text.
 */
final class SqlServerProbe implements Probe {

    /** SQL Server's "Login failed for user" and "Cannot open database requested by the login". */
    private static final int LOGIN_FAILED = 18456;
    private static final int CANNOT_OPEN_DATABASE = 4060;
    /** SQLState of a connection that failed before SQL Server answered as SQL Server. */
    private static final String COMMUNICATION_LINK_FAILURE = "08S01";

    @Override
    public Set<String> drivers() {
        return Set.of("sqlserver");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String host = target.required("host");
        String database = target.required("database");
        String address = target.checkedAddress(host);
        int port = target.integer("port", 1433);
        try (Socket reachable = new Socket()) {
            reachable.connect(new InetSocketAddress(address, port), target.timeoutMillis());
        }
        Properties properties = new Properties();
        properties.setProperty("serverName", address);
        properties.setProperty("portNumber", String.valueOf(port));
        properties.setProperty("socketFactoryClass", PinnedSocketFactory.class.getName());
        properties.setProperty("socketFactoryConstructorArg", address);
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
        // Well past the probe's own deadline, which ends a silent server's probe as a TIMEOUT first: the driver's
        // timeouts would end it as SQLState 08S01, which this probe reads as "not SQL Server".
        properties.setProperty("loginTimeout", String.valueOf(2 * target.timeoutSeconds() + 2));
        properties.setProperty("socketTimeout", String.valueOf(2 * target.timeoutMillis() + 2000));
        properties.setProperty("connectRetryCount", "0");
        properties.setProperty("applicationName", "latchkey-probe");
        try (Connection connection = new SQLServerDriver().connect("jdbc:sqlserver://", properties)) {
            return "connected to " + connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion() + ", database " + database;
        } catch (SQLException e) {
            throw classified(e, database);
        }
    }

    private static Exception classified(SQLException e, String database) {
        if (e.getErrorCode() == LOGIN_FAILED) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the login or password");
        }
        if (e.getErrorCode() == CANNOT_OPEN_DATABASE) {
            return new ProbeFailure(FailureCategory.CONFIG, "database \"" + database + "\" does not exist or the login may not open it");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return e; // the shared classifier's TLS
            }
        }
        if (COMMUNICATION_LINK_FAILURE.equals(e.getSQLState())) {
            return new ProbeFailure(FailureCategory.CONFIG, "the server did not answer as SQL Server (TDS): is this its port?");
        }
        return e;
    }
}
