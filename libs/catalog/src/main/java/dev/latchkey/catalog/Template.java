package dev.latchkey.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalog template such as {@code https://{{config.subdomain}}.zendesk.com/api/v2}, or an action's
 * {@code /repos/{{input.owner}}/{{input.repo}}/issues}.
 * Rendering only substitutes values: there are no expressions, loops or calls, so a template
 * can never execute anything. Variables are checked when the template is parsed against the
 * names an entry declares, so a typo fails the build, not a user's request.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern VARIABLE = Pattern.compile("(config|credentials|input)\\.[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final List<Object> parts;
    private final Set<String> variables;

    private Template(String source, List<Object> parts, Set<String> variables) {
        this.source = source;
        this.parts = parts;
        this.variables = variables;
    }

    /**
     * Parses a template whose variables must all be among {@code declared}.
     *
     * @throws TemplateException naming the first malformed or undeclared variable
     */
    public static Template parse(String source, Set<String> declared) {
        List<Object> parts = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(source);
        int last = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!VARIABLE.matcher(name).matches()) {
                throw new TemplateException("'" + name + "' in '" + source
                        + "' is not a variable (expected config.<name>, credentials.<name> or, in an action, input.<name>)");
            }
            if (!declared.contains(name)) {
                throw new TemplateException("'" + name + "' in '" + source + "' is not declared by the entry");
            }
            parts.add(source.substring(last, matcher.start()));
            parts.add(new Variable(name));
            variables.add(name);
            last = matcher.end();
        }
        String rest = source.substring(last);
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new TemplateException("unbalanced braces in '" + source + "'");
        }
        parts.add(rest);
        return new Template(source, List.copyOf(parts), Set.copyOf(variables));
    }

    /** The variables this template uses. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Substitutes every variable.
     *
     * @throws TemplateException if a value is missing; the message names the variable, never a value
     */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(source.length());
        for (Object part : parts) {
            if (part instanceof Variable variable) {
                String value = values.get(variable.name());
                if (value == null) {
                    throw new TemplateException("no value for '" + variable.name() + "'");
                }
                out.append(value);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }

    private record Variable(String name) {
    }
}
