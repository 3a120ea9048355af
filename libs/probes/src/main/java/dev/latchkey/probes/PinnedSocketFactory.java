package dev.latchkey.probes;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Sockets that connect to the address the guard checked, whatever host the client asks for, for clients that take a
 * {@link SocketFactory} class by name (PostgreSQL JDBC: {@code socketFactory}, with the checked address as
 * {@code socketFactoryArg}). The client keeps the host name for TLS, which it layers over the socket: SNI and the
 * certificate check are for the name, the connection goes to the checked address.
 */
public final class PinnedSocketFactory extends SocketFactory {

    private final InetAddress checked;

    /** @param checkedAddress an IP address literal, as {@link ProbeTarget#checkedAddress} returns it (no lookup) */
    public PinnedSocketFactory(String checkedAddress) throws IOException {
        this.checked = InetAddress.getByName(checkedAddress);
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress requested, int timeout) throws IOException {
                super.connect(new InetSocketAddress(checked, ((InetSocketAddress) requested).getPort()), timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(checked, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(checked, port, localAddress, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return new Socket(checked, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return new Socket(checked, port, localAddress, localPort);
    }
}
