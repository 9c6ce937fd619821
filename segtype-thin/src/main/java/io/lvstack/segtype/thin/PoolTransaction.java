package io.lvstack.segtype.thin;

import io.lvstack.api.model.LvView;
import io.lvstack.api.model.SegmentView;
import io.lvstack.api.ops.VgEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * A thin pool's pending transaction, kept as LVM2 keeps it offline ({@code attach_pool_message}):
 * the first queued message raises {@code transaction_id}, later ones join it; the messages go to
 * the kernel when LVM2 next activates the pool.
 */
final class PoolTransaction {
    private PoolTransaction() {
    }

    /** Queues {@code create} of {@code lv}'s device. */
    static void create(VgEditor editor, SegmentView pool, LvView lv) {
        ThinPoolFields f = (ThinPoolFields) pool.fields();
        int index = 0;
        for (ThinPoolFields.Message m : f.messages()) {
            if (m instanceof ThinPoolFields.Message.Create c) {
                index = Math.max(index, c.index() + 1);
            }
        }
        editor.attach(pool, ThinPoolSegmentType.MESSAGE.at(index), lv);
        queue(editor, pool, new ThinPoolFields.Message.Create(index), false);
    }

    /**
     * {@code detach_pool_lv}: queues {@code delete} of {@code lv}'s device; a pending
     * {@code create} of it is dropped first, and then the transaction is not raised again (the
     * kernel takes the delete of a device it never made: checked with device-mapper).
     */
    static void delete(VgEditor editor, SegmentView pool, LvView lv, long deviceId) {
        ThinPoolFields f = (ThinPoolFields) pool.fields();
        List<ThinPoolFields.Message> kept = new ArrayList<>();
        boolean dropped = false;
        for (ThinPoolFields.Message m : f.messages()) {
            if (m instanceof ThinPoolFields.Message.Create c
                    && pool.reference(ThinPoolSegmentType.MESSAGE.at(c.index())).orElse(null) == lv) {
                editor.detach(pool, ThinPoolSegmentType.MESSAGE.at(c.index()));
                dropped = true;
            } else {
                kept.add(m);
            }
        }
        editor.setFields(pool, new ThinPoolFields(f.transactionId(), f.chunkSize(), f.discards(), f.zeroNewBlocks(),
                f.cropMetadata(), kept));
        queue(editor, pool, new ThinPoolFields.Message.Delete(deviceId), dropped);
    }

    /** {@code attach_pool_message}: the first message of a transaction raises it, unless {@code noUpdate}. */
    private static void queue(VgEditor editor, SegmentView pool, ThinPoolFields.Message m, boolean noUpdate) {
        ThinPoolFields f = (ThinPoolFields) pool.fields();
        List<ThinPoolFields.Message> messages = new ArrayList<>(f.messages());
        long tid = f.transactionId() + (!noUpdate && messages.isEmpty() ? 1 : 0);
        messages.add(m);
        editor.setFields(pool, new ThinPoolFields(tid, f.chunkSize(), f.discards(), f.zeroNewBlocks(),
                f.cropMetadata(), messages));
    }
}
