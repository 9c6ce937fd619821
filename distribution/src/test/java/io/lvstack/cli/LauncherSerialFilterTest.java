package io.lvstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both launchers (the distribution's and the source tree's) start the JVM with a serial filter,
 * and the filter they give rejects even the JDK's own harmless classes.
 */
class LauncherSerialFilterTest {
    private static final Pattern OPTION = Pattern.compile("'-Djdk\\.serialFilter=([^']*)'");

    @Test
    void eachLauncherRejectsEveryClassOnDeserialization() throws Exception {
        for (Path launcher : List.of(Path.of("src/dist/bin/lvstack"), Path.of("../lvstack"))) {
            Matcher m = OPTION.matcher(Files.readString(launcher));
            assertEquals(true, m.find(), launcher + " sets jdk.serialFilter");
            assertEquals("!*", m.group(1), launcher.toString());
            assertRejected(ObjectInputFilter.Config.createFilter(m.group(1)));
        }
    }

    private static void assertRejected(ObjectInputFilter filter) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(1)));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            // Per stream: set JVM-wide it would reach the other tests of this JVM.
            in.setObjectInputFilter(filter);
            InvalidClassException e = assertThrows(InvalidClassException.class, in::readObject);
            assertEquals("filter status: REJECTED", e.getMessage());
        }
    }
}
