package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The filter the tool installs JVM-wide rejects even the JDK's own harmless classes. */
class SerialFilterTest {
    @Test
    void theFilterRejectsEveryClass() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(java.util.List.of(1)));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            // Set per stream: installing it JVM-wide here would reach the other tests of this JVM.
            in.setObjectInputFilter(SerialFilter.REJECT_ALL);
            InvalidClassException e = assertThrows(InvalidClassException.class, in::readObject);
            assertEquals("filter status: REJECTED", e.getMessage());
        }
    }
}
