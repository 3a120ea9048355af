package dev.latchkey.console.service;

import dev.latchkey.console.client.AuthConfigsApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/**
 * Who is signed in and what the services let them do, as auth-config-service reads their token ({@code GET
 * /api/v1/caller}), asked once a page. Pages show only the buttons the user's permissions allow; the services still
 * decide every request themselves.
 */
@RequestScoped
@Named("user")
public class SignedInUser {

    private final AuthConfigsApi api;
    private Map<String, Object> caller;

    public SignedInUser(@RestClient AuthConfigsApi api) {
        this.api = api;
    }

    public String name() {
        Object name = caller().get("name");
        return name != null ? name.toString() : String.valueOf(caller().get("subject"));
    }

    public String tenant() {
        return String.valueOf(caller().get("tenant"));
    }

    /** Whether the user's roles grant a permission of the services ({@code CREATE}, {@code DELETE}, {@code READ_AUDIT}, ...). */
    public boolean can(String permission) {
        return caller().get("permissions") instanceof List<?> permissions && permissions.contains(permission);
    }

    private Map<String, Object> caller() {
        if (caller == null) {
            caller = api.caller();
        }
        return caller;
    }
}
