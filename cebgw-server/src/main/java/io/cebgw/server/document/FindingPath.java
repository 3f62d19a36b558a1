package io.cebgw.server.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a finding points, read from its XPath ({@code /ceb:CEB603Message/ceb:Inventory/ceb:InventoryList[2]/ceb:gnum}):
 * the groups on the way with their positions, and the field at the end. Forms and import reports use it to put a
 * finding beside its input or cell.
 */
public record FindingPath(List<Step> steps, String field) {
    private static final Pattern STEP = Pattern.compile("(?:[A-Za-z]+:)?([A-Za-z]+)(?:\\[(\\d+)])?");

    /** A group on the way, {@code row} counted from 0. */
    public record Step(String group, int row) {
    }

    public static Optional<FindingPath> parse(String xpath) {
        if (xpath == null || xpath.isBlank()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (String part : xpath.split("/")) {
            Matcher m = STEP.matcher(part);
            if (m.matches()) {
                steps.add(new Step(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) - 1));
            }
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FindingPath(List.copyOf(steps.subList(0, steps.size() - 1)), steps.get(steps.size() - 1).group()));
    }

    /** The row of the named group on the way, if the path goes through it. */
    public Optional<Integer> rowOf(String group) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).group().equals(group)) {
                return Optional.of(steps.get(i).row());
            }
        }
        return Optional.empty();
    }
}
