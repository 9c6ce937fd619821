package io.lvstack.segtype.thin;

import io.lvstack.api.model.TypeFields;
import java.util.List;

/**
 * A thin pool's own fields: {@code transaction_id}, {@code chunk_size} (sectors), {@code discards}
 * (LVM2's word, {@code ignore} when absent), {@code zero_new_blocks}, {@code crop_metadata} (null
 * when absent) and the pending messages in queue order. A create message names its LV through the
 * pool's named role {@code message} at {@link Message.Create#index}.
 */
public record ThinPoolFields(long transactionId, long chunkSize, String discards, boolean zeroNewBlocks,
        Long cropMetadata, List<Message> messages) implements TypeFields {
    public ThinPoolFields {
        messages = List.copyOf(messages);
    }

    /** A pending message of the pool ({@code messageN { ... }}). */
    public sealed interface Message permits Message.Create, Message.Delete {
        /** {@code create = "lv"}: the LV at {@code index} of the named role {@code message}. */
        record Create(int index) implements Message {
        }

        /** {@code delete = id}. */
        record Delete(long deviceId) implements Message {
        }
    }
}
