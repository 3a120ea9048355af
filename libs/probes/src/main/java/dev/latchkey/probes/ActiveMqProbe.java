package dev.latchkey.probes;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQSslConnectionFactory;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * ActiveMQ (Classic, and Artemis on its all-protocol acceptor) with the OpenWire JMS client: starts a connection, which
 * the broker accepts only for a user and password it knows, and reads the broker's name. One plain {@code tcp://} (or
 * {@code ssl://}) transport: no failover, which would retry for ever.
 */
final class ActiveMqProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("activemq");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", false);
        String host = target.checkedHost(target.required("host"), tls);
        int port = target.integer("port", 61616);
        String timeouts = "?connectionTimeout=" + target.timeoutMillis() + "&soTimeout=" + target.timeoutMillis()
                + "&wireFormat.maxInactivityDurationInitalDelay=" + target.timeoutMillis();
        ActiveMQConnectionFactory factory;
        if (tls) {
            ActiveMQSslConnectionFactory ssl = new ActiveMQSslConnectionFactory("ssl://" + ProbeTarget.inUrl(host) + ":" + port
                    + timeouts + "&socket.verifyHostName=true");
            ssl.setKeyAndTrustManagers(null, TrustedCertificates.trustManagers(target.optional("caCertificate")), new SecureRandom());
            factory = ssl;
        } else {
            factory = new ActiveMQConnectionFactory("tcp://" + ProbeTarget.inUrl(host) + ":" + port + timeouts);
        }
        factory.setUserName(target.required("username"));
        factory.setPassword(target.optional("password").orElse(""));
        factory.setConnectResponseTimeout(target.timeoutMillis());
        factory.setCloseTimeout(target.timeoutMillis());
        factory.setClientID("latchkey-probe-" + System.nanoTime());
        try (Connection connection = factory.createConnection()) {
            connection.start();
            String broker = ((ActiveMQConnection) connection).getBrokerName();
            return "connected to ActiveMQ broker " + (broker == null ? "(name unknown)" : broker) + " as " + target.required("username");
        } catch (JMSSecurityException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the broker refused the user name or password");
        } catch (JMSException e) {
            throw classified(e, tls);
        }
    }

    /**
     * The client wraps every failure in a JMSException: a TLS hello the server breaks off is a TLS failure (a refused
     * port stays one for the shared classifier), and a server that never sends OpenWire's wire format a timeout.
     */
    private static Exception classified(JMSException failure, boolean tls) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return failure;
            }
            if (tls && (cause instanceof SSLException || cause instanceof SocketException)) {
                return new ProbeFailure(FailureCategory.TLS, "the TLS handshake failed: does the broker accept SSL on this port?");
            }
        }
        if (String.valueOf(failure.getMessage()).contains("Wire format negotiation timeout")) {
            return new ProbeFailure(FailureCategory.TIMEOUT, "no ActiveMQ broker answered within the timeout");
        }
        return failure;
    }
}
