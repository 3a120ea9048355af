package dev.latchkey.connectedapps.service;

import java.util.Map;
import java.util.UUID;

/** What a workflow or agent gets to call the account: the scheme, and every field it needs, secrets included. */
public record ConnectionCredentials(UUID connectionId, String type, String provider, String environment,
                                   Map<String, Object> credentials) {
}
