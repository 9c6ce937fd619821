package io.lvstack.engine.disk;

import io.lvstack.api.LvstackException;
import java.nio.file.Path;

/** What is wrong with one device or image: it names the device, then says what was found. */
public final class DiskFormatException extends LvstackException {
    private final transient Path device;
    private final String reason;

    public DiskFormatException(Path device, String reason) {
        super(device + ": " + reason);
        this.device = device;
        this.reason = reason;
    }

    public Path device() {
        return device;
    }

    /** The message without the device's name. */
    public String reason() {
        return reason;
    }
}
