package dev.latchkey.console.rest;

import dev.latchkey.catalog.Category;
import dev.latchkey.catalog.auth.AuthType;
import io.quarkus.qute.TemplateGlobal;

import java.util.Arrays;
import java.util.List;

/** The fixed choices the pages' filters and forms offer, as the APIs name them. */
@TemplateGlobal
public final class Choices {

    static final List<String> environments = List.of("development", "staging", "production");
    static final List<String> authConfigCategories = List.of("oauth2_provider", "native_connector", "custom");
    static final List<String> authConfigStatuses = List.of("ACTIVE", "EXPIRED", "ERROR");
    static final List<String> connectionStatuses = List.of("ACTIVE", "PENDING", "EXPIRED", "ERROR");
    static final List<String> auditOutcomes = List.of("success", "failure", "denied");
    static final List<String> catalogCategories = Arrays.stream(Category.values()).map(Category::id).toList();
    static final List<String> authTypes = Arrays.stream(AuthType.values()).map(AuthType::id).toList();

    private Choices() {
    }
}
