package dev.latchkey.platform.cache;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A LISTEN connection of its own to some channels, passing each notification on. PostgreSQL keeps no notification
 * for a listener that is away, so it also says when it stops hearing (the connection closed) and when it hears again
 * (LISTEN done on a new connection, tried every {@code retry}): what was learned from notifications is to be trusted
 * only in between.
 */
public final class ChannelListener {

    /** What is told of the channels. */
    public interface Listener {

        void heard(String channel, String payload);

        /** Every channel is listened to: each change committed from now on will be heard. */
        void listening();

        /** Changes may go unheard from now until {@link #listening()}. */
        void deaf();
    }

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String listen;
    private final Listener listener;
    private final Duration retry;
    private volatile boolean stopped;
    private volatile PgConnection connection;

    public ChannelListener(Vertx vertx, PgConnectOptions options, List<String> channels, Listener listener,
            Duration retry) {
        this.vertx = vertx;
        this.options = options;
        this.listen = channels.stream().map(channel -> "LISTEN \"" + channel.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining("; "));
        this.listener = listener;
        this.retry = retry;
    }

    public void start() {
        connect();
    }

    /** Closes the connection for good; nothing more is told, not even that it stopped hearing. */
    public void stop() {
        stopped = true;
        PgConnection open = connection;
        if (open != null) {
            open.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, options).onFailure(failure -> {
            LOG.warnf("cannot LISTEN (%s); trying again in %s", failure.getMessage(), retry);
            vertx.setTimer(retry.toMillis(), timer -> connect());
        }).onSuccess(opened -> {
            if (stopped) {
                opened.close();
                return;
            }
            connection = opened;
            opened.notificationHandler(notification -> listener.heard(notification.getChannel(), notification.getPayload()));
            opened.closeHandler(closed -> {
                connection = null;
                if (!stopped) {
                    listener.deaf();
                    vertx.setTimer(retry.toMillis(), timer -> connect());
                }
            });
            opened.query(listen).execute()
                    .onSuccess(done -> listener.listening())
                    .onFailure(failure -> {
                        LOG.warnf("LISTEN failed (%s); trying again", failure.getMessage());
                        opened.close();
                    });
        });
    }
}
