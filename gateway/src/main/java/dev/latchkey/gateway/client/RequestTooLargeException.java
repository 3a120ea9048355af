package dev.latchkey.gateway.client;

/** A caller's streamed body passed the largest the gateway passes on. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
    }
}
