package dev.latchkey.probes;

import dev.latchkey.platform.outbound.RefusedOutboundUrlException;
import dev.latchkey.platform.outbound.ResponseTooLargeException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;

/** Works out from an exception's cause chain why a probe failed, where the probe itself could not say. */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static ProbeFailure classify(Throwable failure) {
        ProbeFailure known = find(failure, 0);
        return known != null ? known : new ProbeFailure(FailureCategory.CONFIG, "the connection failed: " + describe(failure));
    }

    /** The cause chain first, then what was suppressed on the way (Jedis tries each address and keeps those failures there). */
    private static ProbeFailure find(Throwable failure, int depth) {
        if (depth > 3) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ProbeFailure known = known(cause);
            if (known != null) {
                return known;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Throwable suppressed : cause.getSuppressed()) {
                ProbeFailure known = find(suppressed, depth + 1);
                if (known != null) {
                    return known;
                }
            }
        }
        return null;
    }

    private static ProbeFailure known(Throwable cause) {
        if (cause instanceof ProbeFailure failure) {
            return failure;
        }
        if (cause instanceof RefusedOutboundUrlException refused) {
            return new ProbeFailure(FailureCategory.CONFIG, "not allowed: " + refused.getMessage());
        }
        if (cause instanceof ResponseTooLargeException tooLarge) {
            return new ProbeFailure(FailureCategory.CONFIG, tooLarge.getMessage());
        }
        if (cause instanceof UnknownHostException) {
            return new ProbeFailure(FailureCategory.UNREACHABLE, "the host name does not resolve");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new ProbeFailure(FailureCategory.UNREACHABLE, "connection refused: nothing listens at that host and port");
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return new ProbeFailure(FailureCategory.TIMEOUT, "no answer in time");
        }
        if (cause instanceof SSLException || cause instanceof CertificateException) {
            return new ProbeFailure(FailureCategory.TLS, "the TLS handshake failed: " + describe(cause));
        }
        return null;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
