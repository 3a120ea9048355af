package dev.latchkey.probes;

import java.util.Set;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;

/** RabbitMQ with the AMQP 0-9-1 Java client: opens a connection to the virtual host and reads the version. */
final class RabbitMqProbe implements Probe {

    /** AMQP's connection.close reply code for a virtual host that is missing or not allowed. */
    private static final int NOT_ALLOWED = 530;

    @Override
    public Set<String> drivers() {
        return Set.of("rabbitmq");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", false);
        String virtualHost = target.optional("virtualHost").orElse("/");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(target.checkedHost(target.required("host"), tls));
        factory.setPort(target.integer("port", tls ? 5671 : 5672));
        factory.setVirtualHost(virtualHost);
        factory.setUsername(target.required("username"));
        factory.setPassword(target.optional("password").orElse(""));
        factory.setConnectionTimeout(target.timeoutMillis());
        factory.setHandshakeTimeout(target.timeoutMillis());
        factory.setShutdownTimeout(target.timeoutMillis());
        factory.setChannelRpcTimeout(target.timeoutMillis());
        factory.setAutomaticRecoveryEnabled(false);
        if (tls) {
            factory.useSslProtocol(TrustedCertificates.sslContext(target.optional("caCertificate")));
            factory.enableHostnameVerification();
        }
        try (Connection connection = factory.newConnection("latchkey-probe")) {
            Object version = connection.getServerProperties().get("version");
            return "connected to RabbitMQ " + (version == null ? "(version unknown)" : version) + ", virtual host " + virtualHost;
        } catch (PossibleAuthenticationFailureException e) {
            throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
        } catch (Exception e) {
            throw classified(e, virtualHost);
        }
    }

    private static Exception classified(Exception failure, String virtualHost) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException shutdown
                    && shutdown.getReason() instanceof AMQP.Connection.Close close && close.getReplyCode() == NOT_ALLOWED) {
                return close.getReplyText().contains("not found")
                        ? new ProbeFailure(FailureCategory.CONFIG, "virtual host \"" + virtualHost + "\" does not exist")
                        : new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not use virtual host \"" + virtualHost + "\"");
            }
        }
        return failure;
    }
}
