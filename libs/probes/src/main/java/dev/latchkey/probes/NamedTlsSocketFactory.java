package dev.latchkey.probes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * TLS over a socket a client opened to the checked address, for clients that connect to whatever host they are given
 * and layer TLS on that socket (Jakarta Mail, for implicit TLS and STARTTLS alike): the client is given the address,
 * and TLS here sends the host name as SNI and verifies the certificate against it, whatever host the client names.
 * It only layers: a client that asks it for a socket of its own is refused.
 */
final class NamedTlsSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory trust;
    private final String name;

    NamedTlsSocketFactory(SSLContext trust, String name) {
        this.trust = trust.getSocketFactory();
        this.name = name;
    }

    @Override
    public Socket createSocket(Socket connected, String ignoredHost, int port, boolean autoClose) throws IOException {
        SSLSocket tls = (SSLSocket) trust.createSocket(connected, name, port, autoClose);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        return tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return trust.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return trust.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new IOException("layers TLS on a socket to the checked address only");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("layers TLS on a socket to the checked address only");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new IOException("layers TLS on a socket to the checked address only");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new IOException("layers TLS on a socket to the checked address only");
    }
}
