package io.lvstack.engine.disk;

import io.lvstack.api.LvstackException;
import java.nio.file.Path;

/** What is wrong with one device or image: it names the device, then says what was found. */
public final class DiskFormatException extends LvstackException {
    private final transient Path device;

    public DiskFormatException(Path device, String reason) {
        super(device + ": " + reason);
        this.device = device;
    }

    public Path device() {
        return device;
    }
}
