package dev.latchkey.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool, for a stand-in server over TLS: its key in a
 * PKCS12 key store (for the server) and the certificate as PEM (for the gateway to trust,
 * {@code latchkey.gateway.trusted-certificates}). Valid for two days.
 */
public record LoopbackCertificate(Path keyStore, Path certificate, String password) {

    /** A new one in a directory of its own, {@code name} its alias and its files' name. */
    public static LoopbackCertificate create(String name, String password) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(name);
        Path keyStore = directory.resolve(name + ".p12");
        Path certificate = directory.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        return new LoopbackCertificate(keyStore, certificate, password);
    }

    /** What a TLS server presenting this certificate needs. */
    public SSLContext serverContext() {
        try (InputStream keys = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(keys, password.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
