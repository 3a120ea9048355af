package dev.latchkey.probes;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;

/**
 * An SFTP server with Apache MINA SSHD: checks the host key against the fingerprint, logs in with the password
 * or the private key, opens the SFTP subsystem and reads the home directory.
 */
final class SftpProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("sftp");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String address = target.checkedAddress(target.required("host"));
        String username = target.required("username");
        String expected = target.optional("hostKeyFingerprint").map(SftpProbe::withoutPadding).orElse(null);
        AtomicReference<String> seen = new AtomicReference<>();

        SshClient client = SshClient.setUpDefaultClient();
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, target.timeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, target.timeout());
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, target.timeout());
        client.setServerKeyVerifier((session, remote, key) -> {
            seen.set(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key));
            return expected == null || expected.equals(withoutPadding(seen.get()));
        });
        client.start();
        try {
            ConnectFuture connect = client.connect(username, address, target.integer("port", 22));
            if (!connect.await(target.timeout())) {
                throw new ProbeFailure(FailureCategory.TIMEOUT, "the server did not answer in time");
            }
            if (connect.getException() != null) {
                throw new IOException("connecting failed", connect.getException());
            }
            try (ClientSession session = connect.getSession()) {
                target.optional("password").ifPresent(session::addPasswordIdentity);
                if (target.optional("privateKey").isPresent()) {
                    for (KeyPair key : keys(target)) {
                        session.addPublicKeyIdentity(key);
                    }
                }
                AuthFuture auth = session.auth();
                boolean done = auth.await(target.timeout());
                if (seen.get() != null && expected != null && !expected.equals(withoutPadding(seen.get()))) {
                    // Not TLS, but the same failure for the user: the server is not the one it claims to be.
                    throw new ProbeFailure(FailureCategory.TLS, "the server's host key " + seen.get() + " does not match the fingerprint");
                }
                if (!done) {
                    throw new ProbeFailure(FailureCategory.TIMEOUT, "the server did not finish the login in time");
                }
                if (!auth.isSuccess()) {
                    throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name, password or key");
                }
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    return "connected to " + session.getServerVersion() + ", home " + sftp.canonicalPath(".")
                            + (expected == null ? "; host key " + seen.get() + " not checked: set hostKeyFingerprint" : "");
                }
            }
        } finally {
            client.stop();
        }
    }

    private static Iterable<KeyPair> keys(ProbeTarget target) {
        FilePasswordProvider passphrase = FilePasswordProvider.of(target.optional("privateKeyPassphrase").orElse(null));
        try {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("privateKey"),
                    new ByteArrayInputStream(target.required("privateKey").getBytes(StandardCharsets.UTF_8)), passphrase);
            if (keys == null || !keys.iterator().hasNext()) {
                throw new ProbeFailure(FailureCategory.CONFIG, "the private key could not be read");
            }
            return keys;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the private key could not be read (wrong format or passphrase)");
        }
    }

    private static String withoutPadding(String fingerprint) {
        return fingerprint.trim().replaceAll("=+$", "");
    }
}
