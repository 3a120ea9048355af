package dev.latchkey.probes;

import java.util.Set;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;

/** Redis with Jedis: authenticates (ACL user or password), selects the database, PINGs and reads the version. */
final class RedisProbe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("redis");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", false);
        int port = target.integer("port", 6379);
        int database = target.integer("database", 0);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(target.timeoutMillis())
                .socketTimeoutMillis(target.timeoutMillis())
                .database(database)
                .clientName("latchkey-probe");
        target.optional("username").ifPresent(config::user);
        target.optional("password").ifPresent(config::password);
        try (Jedis jedis = tls ? new Jedis(pinnedTls(target, port), config.build())
                : new Jedis(new HostAndPort(target.checkedAddress(target.required("host")), port), config.build())) {
            jedis.ping();
            return "connected to Redis " + version(jedis) + ", database " + database;
        } catch (JedisException e) {
            throw classified(e);
        }
    }

    /** TCP to the checked address, the certificate checked against the host name: Jedis itself would resolve the name again. */
    private static JedisSocketFactory pinnedTls(ProbeTarget target, int port) {
        InetAddress pinned = target.pinned(target.required("host"));
        SSLContext trust = TrustedCertificates.sslContext(target.optional("caCertificate"));
        return () -> {
            try {
                return PinnedTls.connect(pinned, port, trust, target.timeoutMillis());
            } catch (IOException e) {
                throw new JedisConnectionException(e);
            }
        };
    }

    /** The version, when the user may run INFO; an ACL user limited to data commands may not. */
    private static String version(Jedis jedis) {
        try {
            return jedis.info("server").lines().filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).trim()).findFirst().orElse("(version unknown)");
        } catch (JedisDataException e) {
            return "(version not readable by this user)";
        }
    }

    private static Exception classified(JedisException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof JedisAccessControlException || message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
                    || message.contains("invalid password")) {
                return new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
            }
            if (message.startsWith("NOPERM")) {
                return new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not run " + message.replaceFirst("^NOPERM ", ""));
            }
            if (message.contains("DB index is out of range")) {
                return new ProbeFailure(FailureCategory.CONFIG, "the database number is out of range");
            }
        }
        return failure;
    }
}
