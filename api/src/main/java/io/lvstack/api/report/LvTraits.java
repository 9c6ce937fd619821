package io.lvstack.api.report;

/**
 * Where a segment type says what an LV means in reports: characters of {@code lv_attr}, words of
 * {@code lv_layout} and {@code lv_role}, and values of LVM2's report fields. The engine asks each
 * type that owns a segment of the LV or has a segment using it
 * ({@link io.lvstack.api.SegmentType#describe}), then combines the answers; a field no type gives
 * a value stays empty, as in LVM2.
 *
 * <p><b>Attribute priorities.</b> LVM2 decides {@code lv_attr} characters by a fixed order of
 * tests ({@code lv_attr_dup_with_info_and_seg_status}); here each contribution carries a priority
 * and the highest wins. The numbers that reproduce LVM2's order, for the volume type (index 0):
 * pvmove {@code p} 100 (the engine's), converting {@code c} 90, origin {@code o}/{@code O} 80,
 * pool metadata or spare {@code e} 70, cache {@code C} 60, raid {@code r}/{@code R} 50, mirror
 * {@code m}/{@code M} 40, thin volume {@code V} 35, virtual {@code v} 30 (the engine's), thin
 * pool {@code t} 25, pool data {@code T} 20, image {@code i}/{@code I} 15, mirror log {@code l}
 * 10, snapshot {@code s}/{@code S} 5, cache origin {@code o} 3. For the target type (index 6):
 * thin {@code t} 60, cache {@code C} 50, raid {@code r} 40, mirror {@code m} 30, snapshot
 * {@code s} 20, unknown {@code u} 15 (the engine's), virtual {@code v} 10 (the engine's).
 */
public interface LvTraits {
    /** Index of the volume-type character of {@code lv_attr}. */
    int VOLUME_TYPE = 0;
    /** Index of the target-type character of {@code lv_attr}. */
    int TARGET_TYPE = 6;
    /** Index of the zero-new-blocks character of {@code lv_attr}. */
    int ZERO = 7;
    /** Index of the health character of {@code lv_attr}. */
    int HEALTH = 8;

    /** Proposes {@code c} for character {@code index} of {@code lv_attr} (0, 6, 7 or 8). */
    void attr(int index, char c, int priority);

    /** Adds a word to {@code lv_layout} ({@code mirror}, {@code pool}). */
    void layout(String word);

    /**
     * Adds a word to {@code lv_layout} that counts only when no type adds a {@link #layout} word
     * (LVM2 calls an LV {@code linear} or {@code striped} only when nothing else describes it).
     */
    void fallbackLayout(String word);

    /** Adds a word to {@code lv_role} after {@code public} or {@code private} ({@code image}). */
    void role(String word);

    /** The LV is private: {@code lv_role} starts with {@code private}, not {@code public}. */
    void privateLv();

    /** Gives LVM2's report field {@code name} ({@code origin}, {@code pool_lv}) a value for this LV. */
    void field(String name, FieldValue value);

    /** The LV counts once towards the VG field {@code name} ({@code snap_count}). */
    void countInVg(String name);
}
