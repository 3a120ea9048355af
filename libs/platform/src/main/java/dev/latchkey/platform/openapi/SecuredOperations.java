package dev.latchkey.platform.openapi;

import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operations of a service that declare {@link Requires} (on the method or its class), as {@code "GET /api/v1/x/{id}"}:
 * they take a bearer token and answer 401 and 403 problems. Read from the build's index, since the OpenAPI model
 * does not say which resource method an operation came from.
 */
final class SecuredOperations {

    private static final DotName REQUIRES = DotName.createSimple(Requires.class);
    private static final DotName PATH = DotName.createSimple(Path.class);
    private static final Map<DotName, HttpMethod> HTTP_METHODS = Map.of(
            DotName.createSimple(GET.class), HttpMethod.GET,
            DotName.createSimple(POST.class), HttpMethod.POST,
            DotName.createSimple(PUT.class), HttpMethod.PUT,
            DotName.createSimple(PATCH.class), HttpMethod.PATCH,
            DotName.createSimple(DELETE.class), HttpMethod.DELETE);

    private final Map<String, Permission> operations = new HashMap<>();

    SecuredOperations(IndexView index) {
        for (AnnotationInstance requires : index.getAnnotations(REQUIRES)) {
            AnnotationTarget target = requires.target();
            Permission permission = Permission.valueOf(requires.value().asEnum());
            Stream<MethodInfo> methods = target.kind() == AnnotationTarget.Kind.CLASS
                    ? target.asClass().methods().stream() : Stream.of(target.asMethod());
            methods.forEach(method -> httpMethod(method).ifPresent(verb -> operations.put(key(verb, path(method)), permission)));
        }
    }

    /** The permission the operation requires; empty for one that requires none (a public page). */
    Optional<Permission> permission(HttpMethod method, String path) {
        return Optional.ofNullable(operations.get(key(method, path)));
    }

    private static Optional<HttpMethod> httpMethod(MethodInfo method) {
        return HTTP_METHODS.entrySet().stream().filter(entry -> method.hasDeclaredAnnotation(entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The class's and the method's {@code @Path} joined the way the document writes them, without template regexes. */
    private static String path(MethodInfo method) {
        ClassInfo resource = method.declaringClass();
        String joined = "/" + value(resource.declaredAnnotation(PATH)) + "/" + value(method.declaredAnnotation(PATH));
        String path = joined.replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String value(AnnotationInstance path) {
        return path == null ? "" : path.value().asString();
    }

    private static String key(HttpMethod method, String path) {
        return method + " " + path;
    }
}
