package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.platform.paging.Keyset;
import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A list's filters (each optional) and the keyset position of the previous page's last item. */
public record ConnectionFilter(String tenant, String provider, UUID authConfigId, String environment,
                               ConnectionStatus status, String endUserId, Keyset after) {

    String where() {
        List<String> conditions = new ArrayList<>(List.of("tenant = :tenant"));
        if (provider != null) {
            conditions.add("provider = :provider");
        }
        if (authConfigId != null) {
            conditions.add("authConfigId = :authConfigId");
        }
        if (environment != null) {
            conditions.add("environment = :environment");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        if (endUserId != null) {
            conditions.add("endUserId = :endUserId");
        }
        if (after != null) {
            conditions.add("(createdAt < :afterCreatedAt or (createdAt = :afterCreatedAt and id < :afterId))");
        }
        return String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = Parameters.with("tenant", tenant);
        if (provider != null) {
            parameters.and("provider", provider);
        }
        if (authConfigId != null) {
            parameters.and("authConfigId", authConfigId);
        }
        if (environment != null) {
            parameters.and("environment", environment);
        }
        if (status != null) {
            parameters.and("status", status);
        }
        if (endUserId != null) {
            parameters.and("endUserId", endUserId);
        }
        if (after != null) {
            parameters.and("afterCreatedAt", after.instant()).and("afterId", after.id());
        }
        return parameters;
    }
}
