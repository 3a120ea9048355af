package dev.latchkey.refresher.domain;

import java.util.Map;
import java.util.UUID;

/** An auth config as the projection holds it: enough to build its OAuth2 client. */
public record ProjectedAuthConfig(UUID id, String tenant, String provider, String authType, Map<String, Object> config,
                                  boolean deleted) {
}
