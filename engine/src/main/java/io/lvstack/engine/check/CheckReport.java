package io.lvstack.engine.check;

import java.util.List;

/** Everything a check found, in the order found. */
public record CheckReport(String vgName, List<Problem> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    /** No errors (warnings allowed). */
    public boolean valid() {
        return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }
}
