package io.lvstack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingProblemSinkTest {
    @Test
    void keepsEachKindInOrder() {
        RecordingProblemSink sink = new RecordingProblemSink();
        sink.warning("w");
        assertFalse(sink.hasErrors());
        sink.lvError("l");
        sink.error("e");
        assertEquals(List.of("warning: w", "lvError: l", "error: e"), sink.problems());
        assertTrue(sink.hasErrors());
        assertThrows(UnsupportedOperationException.class, () -> sink.problems().clear());
    }

    @Test
    void validatesASegmentWithItsOwnType() {
        FakeSegment seg = FakeLv.named("t").addSegment(new ToyType(), new ToyFields(100), 8, 1);
        seg.setLvArea(0, FakeLv.named("leg").setExtents(4), 0);
        assertEquals(List.of("error: region size is non power of 2", "lvError: leg 0 has wrong size 4"),
                RecordingProblemSink.validate(seg).problems());
    }
}
