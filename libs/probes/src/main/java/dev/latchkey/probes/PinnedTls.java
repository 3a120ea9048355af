package dev.latchkey.probes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A TLS connection to the address the guard checked, for clients that take a ready socket: TCP goes to the checked
 * address, and TLS sends the host name ({@link ProbeTarget#pinned}) as SNI and verifies the certificate against it.
 */
final class PinnedTls {

    private PinnedTls() {
    }

    /** @param pinned the checked address carrying the name the certificate must be for */
    static SSLSocket connect(InetAddress pinned, int port, SSLContext trust, int timeoutMillis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(pinned, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, pinned.getHostName(), port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }
}
