package dev.latchkey.probes;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.UUID;
import java.util.Set;

/** An MQTT 3.1.1 broker with Eclipse Paho: connects with a clean session and disconnects. */
final class MqttProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("mqtt");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", false);
        String host = target.checkedHost(target.required("host"), tls);
        String uri = (tls ? "ssl://" : "tcp://") + ProbeTarget.inUrl(host) + ":" + target.integer("port", tls ? 8883 : 1883);
        String clientId = target.optional("clientId").orElse("latchkey-probe-" + UUID.randomUUID().toString().substring(0, 8));

        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(target.timeoutSeconds());
        target.optional("username").ifPresent(options::setUserName);
        target.optional("password").ifPresent(password -> options.setPassword(password.toCharArray()));
        if (tls) {
            options.setSocketFactory(TrustedCertificates.sslContext(target.optional("caCertificate")).getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        try {
            client.setTimeToWait(target.timeoutMillis());
            client.connect(options);
            client.disconnect();
            return "connected to the MQTT broker as client " + clientId;
        } catch (MqttException e) {
            throw classified(e);
        } finally {
            closeQuietly(client);
        }
    }

    /** Closing after a timed-out connect fails with "connect already in progress"; that must not hide the timeout. */
    private static void closeQuietly(MqttClient client) {
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // the client's threads end with the connect attempt
        }
    }

    private static Exception classified(MqttException e) {
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED ->
                    new ProbeFailure(FailureCategory.AUTH_FAILED, "the broker refused the user name or password");
            case MqttException.REASON_CODE_INVALID_CLIENT_ID ->
                    new ProbeFailure(FailureCategory.CONFIG, "the broker refused the client id");
            case MqttException.REASON_CODE_CLIENT_TIMEOUT ->
                    new ProbeFailure(FailureCategory.TIMEOUT, "the broker did not answer in time");
            default -> e;
        };
    }
}
