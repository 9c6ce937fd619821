package io.lvstack.segtype.thin;

import io.lvstack.api.model.TypeFields;

/** A thin LV's own fields: {@code transaction_id} (informational in LVM2) and {@code device_id}. */
public record ThinFields(long transactionId, long deviceId) implements TypeFields {
}
