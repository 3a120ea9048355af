package dev.latchkey.gateway.service;

import dev.latchkey.catalog.digest.DigestChallenge;
import dev.latchkey.gateway.client.CallBody;
import dev.latchkey.gateway.client.ProviderCall;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Digest connection's user name and password, and the last challenge its server sent, with the count of requests
 * that answered its nonce. Calls answer the same challenge until the server sends another (RFC 7616 §3.4: the nonce is
 * reused, {@code nc} counts up), so a call costs one exchange, not two. Kept with the connection's API: new
 * credentials start without a challenge.
 */
final class DigestSession {

    private record Answered(DigestChallenge challenge, AtomicLong count) {
    }

    private final String username;
    private final String password;
    private final AtomicReference<Answered> last = new AtomicReference<>();

    DigestSession(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** The call with its {@code Authorization}, when a challenge is known; whether it has one. */
    boolean sign(ProviderCall call) {
        Answered answered = last.get();
        if (answered == null) {
            return false;
        }
        call.headers().set("Authorization", answered.challenge().authorization(call.method(), call.target(), username,
                password, answered.count().incrementAndGet(), DigestChallenge.newClientNonce(), wholeBody(call)));
        return true;
    }

    /** The body {@code auth-int} hashes in; a streamed one is not at hand, so such a call cannot answer it. */
    private static byte[] wholeBody(ProviderCall call) {
        return call.body() instanceof CallBody.Whole whole ? whole.bytes().getBytes() : new byte[0];
    }

    /**
     * What a 401 teaches: whether the call should go once more, answering the challenge it brought. It should when the
     * refused call carried no answer yet, or when the server only found its nonce stale; a signed call refused with a
     * fresh challenge had the wrong password, and its 401 is the caller's to see.
     */
    boolean learn(List<String> wwwAuthenticate, boolean signed) {
        return DigestChallenge.first(wwwAuthenticate).map(challenge -> {
            last.set(new Answered(challenge, new AtomicLong()));
            return !signed || challenge.stale();
        }).orElse(false);
    }

    @Override
    public String toString() {
        return "DigestSession[credentials not shown]";
    }
}
