package dev.latchkey.chartchecks;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector in its text form, as kustomize targets take it:
 * {@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x,y)}, {@code a}, {@code !a}, joined by commas.
 */
final class LabelSelector {

    private static final Pattern REQUIREMENT = Pattern.compile(
            "\\s*(?:(!)?([\\w./-]+)\\s*(?:(==?|!=)\\s*([\\w.-]*)|\\s+(in|notin)\\s*\\(([^)]*)\\))?)\\s*(?:,|$)");

    private LabelSelector() {
    }

    static Predicate<Map<String, String>> parse(String selector) {
        Predicate<Map<String, String>> all = labels -> true;
        Matcher matcher = REQUIREMENT.matcher(selector);
        int end = 0;
        while (end < selector.length() && matcher.find(end) && matcher.start() == end) {
            all = all.and(requirement(matcher));
            end = matcher.end();
        }
        if (end != selector.length()) {
            throw new AssertionError("cannot read the label selector '" + selector + "' from position " + end);
        }
        return all;
    }

    private static Predicate<Map<String, String>> requirement(Matcher matcher) {
        String key = matcher.group(2);
        if (matcher.group(3) != null) {
            String value = matcher.group(4);
            boolean equal = !matcher.group(3).equals("!=");
            return labels -> value.equals(labels.get(key)) == equal;
        }
        if (matcher.group(5) != null) {
            Set<String> values = Arrays.stream(matcher.group(6).split(",")).map(String::strip).collect(Collectors.toSet());
            boolean in = matcher.group(5).equals("in");
            return labels -> values.contains(labels.get(key)) == in;
        }
        boolean exists = matcher.group(1) == null;
        return labels -> labels.containsKey(key) == exists;
    }
}
