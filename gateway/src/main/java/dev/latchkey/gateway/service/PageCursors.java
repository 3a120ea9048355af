package dev.latchkey.gateway.service;

import dev.latchkey.catalog.action.Action;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * The cursors of actions that page by a next-page URL (a {@code Link} header, a URL in the answer): the URL's target
 * under the API's base URL, sealed with an HMAC that binds it to the tenant, the connection and the action. A cursor is
 * only taken back as this gateway gave it, so a caller (a toolkit token's agent above all) cannot turn a paged action
 * into a call of any other path of the API with the connection's credentials. Cursors an API issues itself (a page
 * token sent as a parameter of the same request) need no seal and get none.
 */
@ApplicationScoped
public class PageCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public PageCursors(GatewayConfig config) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(config.pageCursorKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(derive.doFinal("latchkey next-page cursors".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks HmacSHA256", e);
        }
    }

    /** Whether the action's cursors are next-page targets, which this class seals. */
    static boolean sealed(Action action) {
        return action.pagination() != null && action.pagination().cursor() == null;
    }

    /** {@code target} as a cursor of this action of this connection. */
    String seal(ConnectionApi api, Action action, String target) {
        return ENCODER.encodeToString(target.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(api, action, target));
    }

    /**
     * The target a cursor of this action of this connection names.
     *
     * @throws InvalidInputException when the cursor is not one this gateway gave for them
     */
    String open(ConnectionApi api, Action action, String cursor) {
        int dot = cursor.indexOf('.');
        try {
            if (dot > 0) {
                String target = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(mac(api, action, target), DECODER.decode(cursor.substring(dot + 1)))) {
                    return target;
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new InvalidInputException("The cursor cannot be used for this action.", List.of(new Problem.FieldError(
                "input." + Action.CURSOR, "is not a cursor this action gave for this connection")));
    }

    private byte[] mac(ConnectionApi api, Action action, String target) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String bound = api.tenant() + "\n" + api.connectionId() + "\n" + action.name() + "\n" + target;
            return mac.doFinal(bound.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks HmacSHA256", e);
        }
    }
}
