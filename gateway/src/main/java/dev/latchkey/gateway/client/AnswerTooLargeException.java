package dev.latchkey.gateway.client;

/** A provider's answer is larger than the gateway passes back. */
public class AnswerTooLargeException extends RuntimeException {

    public AnswerTooLargeException(long maxBytes) {
        super("the answer is larger than " + maxBytes + " bytes");
    }
}
