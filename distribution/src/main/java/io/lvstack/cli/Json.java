package io.lvstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;

/** JSON output of every command: pretty-printed, two-space indent, {@code "key": value}. */
final class Json {
    private static final ObjectWriter WRITER;

    static {
        // "\n" rather than the platform line separator, so output is the same everywhere.
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent);
        WRITER = new ObjectMapper().writer(printer);
    }

    private Json() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.print(WRITER.writeValueAsString(value));
            out.print('\n');
        } catch (JsonProcessingException e) {
            // Only the CLI's own records are written; failing to serialize them is a bug.
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
