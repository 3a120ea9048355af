package dev.latchkey.probes;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.NameResolver;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * LDAPv3 directories with the UnboundID LDAP SDK: connects (plain, StartTLS or LDAPS), binds with the DN and password
 * (RFC 4513 simple bind) and, when a base DN is given, reads that entry. The connection goes to the address the guard
 * checked; TLS verifies the certificate against the host name.
 */
final class LdapProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("ldap");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String host = target.required("host");
        InetAddress pinned = target.pinned(host);
        String security = target.optional("security").orElse("starttls");
        int port = target.integer("port", security.equals("ldaps") ? 636 : 389);
        SSLContext trust = TrustedCertificates.sslContext(target.optional("caCertificate"));
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(target.timeoutMillis());
        options.setResponseTimeoutMillis(target.timeoutMillis());
        options.setNameResolver(new PinnedResolver(host, pinned));
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        String bindDn = target.required("bindDn");
        try (LDAPConnection connection = security.equals("ldaps")
                ? new LDAPConnection(trust.getSocketFactory(), options, host, port)
                : new LDAPConnection(options, host, port)) {
            if (security.equals("starttls")) {
                ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(trust));
                if (started.getResultCode() != ResultCode.SUCCESS) {
                    throw new ProbeFailure(FailureCategory.TLS, "the server refused StartTLS: " + started.getResultCode());
                }
            }
            connection.bind(bindDn, target.required("password"));
            String base = target.optional("baseDn").map(dn -> readable(connection, dn)).orElse("");
            return "bound as " + bindDn + " over " + (security.equals("none") ? "plain LDAP" : security.toUpperCase()) + base;
        } catch (LDAPException e) {
            throw classified(e);
        }
    }

    /** The base DN read as the bound user: a missing one is a mistyped setting, an unreadable one a missing right. */
    private static String readable(LDAPConnection connection, String baseDn) {
        try {
            if (connection.getEntry(baseDn) == null) {
                throw new ProbeFailure(FailureCategory.CONFIG, "the base DN " + baseDn + " does not exist");
            }
            return ", base DN " + baseDn + " readable";
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new ProbeFailure(FailureCategory.CONFIG, "the base DN " + baseDn + " does not exist");
            }
            if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                throw new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the bound user may not read " + baseDn);
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Exception classified(LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the directory refused the bind DN or password");
        }
        if (code == ResultCode.INVALID_DN_SYNTAX) {
            return new ProbeFailure(FailureCategory.CONFIG, "the bind DN is not a DN: " + e.getDiagnosticMessage());
        }
        if (code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return new ProbeFailure(FailureCategory.TLS, "the directory requires TLS before a bind: use StartTLS or LDAPS");
        }
        if (code == ResultCode.TIMEOUT) {
            return new ProbeFailure(FailureCategory.TIMEOUT, "no answer in time");
        }
        if (code == ResultCode.SERVER_DOWN || code == ResultCode.CONNECT_ERROR || code == ResultCode.DECODING_ERROR) {
            // The socket's own failure (refused, TLS, timeout) is the cause; anything else is not an LDAP server.
            ProbeFailure known = FailureClassifier.classify(e);
            return known.category() != FailureCategory.CONFIG ? known
                    : new ProbeFailure(FailureCategory.UNREACHABLE, "no LDAP server answers there: " + e.getMessage());
        }
        return e;
    }

    /** The host name resolved to the one address the guard checked, so that the SDK asks DNS nothing. */
    private static final class PinnedResolver extends NameResolver {

        private final String host;
        private final InetAddress pinned;

        PinnedResolver(String host, InetAddress pinned) {
            this.host = host;
            this.pinned = pinned;
        }

        @Override
        public InetAddress getByName(String name) throws UnknownHostException {
            if (!host.equals(name)) {
                throw new UnknownHostException(name + " is not the host the guard checked");
            }
            return pinned;
        }

        @Override
        public InetAddress[] getAllByName(String name) throws UnknownHostException {
            return new InetAddress[] {getByName(name)};
        }

        @Override
        public void toString(StringBuilder buffer) {
            buffer.append("PinnedResolver(").append(host).append(')');
        }
    }
}
