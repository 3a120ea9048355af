package dev.latchkey.probes;

import java.util.Set;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * An FTP server with Apache Commons Net: connects (FTPS with explicit AUTH TLS when asked), logs in and reads
 * the working directory.
 */
final class FtpProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("ftp");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", false);
        String host = target.checkedHost(target.required("host"), tls);
        FTPClient client = tls ? ftps(target) : new FTPClient();
        client.setConnectTimeout(target.timeoutMillis());
        client.setDefaultTimeout(target.timeoutMillis());
        client.setDataTimeout(target.timeout());
        try {
            client.connect(host, target.integer("port", 21));
            client.setSoTimeout(target.timeoutMillis());
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new ProbeFailure(FailureCategory.UNREACHABLE, "the server refused the connection: " + client.getReplyString().trim());
            }
            if (!client.login(target.required("username"), target.optional("password").orElse(""))) {
                throw new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
            }
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
            }
            if (target.flag("passiveMode", true)) {
                client.enterLocalPassiveMode();
            }
            String directory = client.printWorkingDirectory();
            client.logout();
            return "logged in to the FTP server" + (tls ? " over TLS" : "") + ", working directory " + directory;
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    /** Explicit FTPS (AUTH TLS on the plain port), checking the certificate and the host name. */
    private static FTPSClient ftps(ProbeTarget target) {
        FTPSClient ftps = new FTPSClient(false, TrustedCertificates.sslContext(target.optional("caCertificate")));
        ftps.setEndpointCheckingEnabled(true);
        return ftps;
    }
}
