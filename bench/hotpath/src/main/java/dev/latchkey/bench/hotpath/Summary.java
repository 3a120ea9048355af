package dev.latchkey.bench.hotpath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The closing table: each figure with its reference, its ratio to it, its target, and whether the target was met. */
final class Summary {

    private record Row(String figure, String value, String reference, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure that should reach at least {@code target} times its reference. */
    void ratio(String figure, double value, String unit, String reference, double referenceValue, double target) {
        double ratio = value / referenceValue;
        rows.add(new Row(figure, String.format("%.0f %s", value, unit), String.format("%s %.0f", reference, referenceValue),
                String.format("%.3fx", ratio), String.format(">= %.1fx", target), met(ratio >= target)));
    }

    /** A figure that should stay at or under {@code target}. */
    void atMost(String figure, double value, String unit, double target) {
        rows.add(new Row(figure, String.format("%.1f %s", value, unit), "-", "-", String.format("<= %.0f %s", target, unit),
                met(value <= target)));
    }

    /** A count that should be exactly {@code target}. */
    void exactly(String figure, long value, long target) {
        rows.add(new Row(figure, String.valueOf(value), "-", "-", "= " + target, met(value == target)));
    }

    /** A property that holds or not, described by {@code value}. */
    void holds(String figure, String value, boolean holds) {
        rows.add(new Row(figure, value, "-", "-", "holds", holds ? "OK" : "VIOLATED"));
    }

    /** A figure printed for information only. */
    void information(String figure, String value) {
        rows.add(new Row(figure, value, "-", "-", "-", "-"));
    }

    /** The table, references first and then by figure, in the order each figure's rows were added. */
    void print() {
        List<Row> table = new ArrayList<>(List.of(new Row("figure", "value", "reference", "ratio", "target", "met")));
        rows.stream().sorted(Comparator.comparing(row -> Character.isDigit(row.figure().charAt(0)) ? row.figure().substring(0, 1) : ""))
                .forEach(table::add);
        int[] widths = new int[6];
        for (Row row : table) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        System.out.println("summary:");
        for (Row row : table) {
            String[] cells = cells(row);
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < cells.length; i++) {
                line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(i < cells.length - 1 ? " |" : "");
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.value(), row.reference(), row.ratio(), row.target(), row.met()};
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
    }
}
