package io.lvstack.segtype.raid;

import java.util.Optional;

/**
 * LVM2's raid segment types ({@code lib/raid/raid.c: _raid_types}), in registration order, with
 * what each means: its family, parity devices, the layout word reports add and the kernel's
 * target name. {@code raid5}, {@code raid6} and {@code raid10} are aliases of {@code raid5_ls},
 * {@code raid6_zr} and {@code raid10_near}: metadata keeps the name written, reports and tables
 * use the layout.
 */
public enum RaidLevel {
    RAID0("raid0", Family.RAID0, 0, null, "raid0"),
    RAID0_META("raid0_meta", Family.RAID0, 0, null, "raid0"),
    RAID1("raid1", Family.RAID1, 0, null, "raid1"),
    RAID10("raid10", Family.RAID10, 0, null, "raid10"),
    RAID10_NEAR("raid10_near", Family.RAID10, 0, null, "raid10"),
    RAID4("raid4", Family.RAID4, 1, null, "raid4"),
    RAID5("raid5", Family.RAID5, 1, "raid5_ls", "raid5_ls"),
    RAID5_N("raid5_n", Family.RAID5, 1, null, "raid5_n"),
    RAID5_LA("raid5_la", Family.RAID5, 1, "raid5_la", "raid5_la"),
    RAID5_LS("raid5_ls", Family.RAID5, 1, "raid5_ls", "raid5_ls"),
    RAID5_RA("raid5_ra", Family.RAID5, 1, "raid5_ra", "raid5_ra"),
    RAID5_RS("raid5_rs", Family.RAID5, 1, "raid5_rs", "raid5_rs"),
    RAID6("raid6", Family.RAID6, 2, "raid6_zr", "raid6_zr"),
    RAID6_N_6("raid6_n_6", Family.RAID6, 2, null, "raid6_n_6"),
    RAID6_NC("raid6_nc", Family.RAID6, 2, "raid6_nc", "raid6_nc"),
    RAID6_NR("raid6_nr", Family.RAID6, 2, "raid6_nr", "raid6_nr"),
    RAID6_ZR("raid6_zr", Family.RAID6, 2, "raid6_zr", "raid6_zr"),
    RAID6_LS_6("raid6_ls_6", Family.RAID6, 2, null, "raid6_ls_6"),
    RAID6_RS_6("raid6_rs_6", Family.RAID6, 2, null, "raid6_rs_6"),
    RAID6_LA_6("raid6_la_6", Family.RAID6, 2, null, "raid6_la_6"),
    RAID6_RA_6("raid6_ra_6", Family.RAID6, 2, null, "raid6_ra_6");

    /** The level groups LVM2's checks and geometry tell apart. */
    public enum Family {
        RAID0, RAID1, RAID10, RAID4, RAID5, RAID6
    }

    private final String typeName;
    private final Family family;
    private final int parityDevices;
    private final String sublayout;
    private final String target;

    RaidLevel(String typeName, Family family, int parityDevices, String sublayout, String target) {
        this.typeName = typeName;
        this.family = family;
        this.parityDevices = parityDevices;
        this.sublayout = sublayout;
        this.target = target;
    }

    /** The segment type name written in metadata. */
    public String typeName() {
        return typeName;
    }

    public Family family() {
        return family;
    }

    /** LVM2's {@code parity_devs}: areas that hold parity, not data. */
    public int parityDevices() {
        return parityDevices;
    }

    /** The second layout word of {@code lv_layout} ({@code raid5_ls}), if reports show one. */
    public Optional<String> sublayout() {
        return Optional.ofNullable(sublayout);
    }

    /** The raid type the kernel's {@code raid} target is given (libdm's {@code _dm_segtypes}). */
    public String target() {
        return target;
    }

    /** The first layout word after {@code raid} ({@code raid5} for every raid5 layout); none for raid0_meta. */
    public Optional<String> layout() {
        return this == RAID0_META ? Optional.empty() : Optional.of(family.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** raid0 and raid0_meta: striped without redundancy, {@code stripe_count} in metadata. */
    public boolean raid0() {
        return family == Family.RAID0;
    }

    /** Whether the text names areas under {@code raid0_lvs} (plain raid0) rather than {@code raids}. */
    public boolean raid0Lvs() {
        return this == RAID0;
    }

    /**
     * Whether every area needs a metadata LV: all levels but raid0, and raid4 and raid5_n, which
     * LVM2 allows without while a takeover passes through them.
     */
    public boolean metadataRequired() {
        return this != RAID0 && this != RAID4 && this != RAID5_N;
    }

    /**
     * LVM2's {@code lv_raid_data_copies}: how many copies of the data a segment of {@code areas}
     * areas keeps when its metadata does not say.
     */
    public long defaultDataCopies(int areas) {
        return switch (family) {
            case RAID10 -> 2;
            case RAID1 -> areas;
            case RAID4, RAID5 -> 2;
            case RAID6 -> 3;
            case RAID0 -> 1;
        };
    }

    /** The data copies of a segment's {@code fields} over {@code areas}: as written, else the default. */
    public long dataCopies(io.lvstack.api.model.TypeFields fields, int areas) {
        return fields instanceof RaidFields f && f.dataCopies() >= 2 ? f.dataCopies() : defaultDataCopies(areas);
    }

    /** LVM2's {@code _get_segtype_alias_str}: {@code " (same as raid5_ls)"} for raid5, empty for no alias. */
    public String sameAs() {
        return switch (this) {
            case RAID5 -> " (same as raid5_ls)";
            case RAID5_LS -> " (same as raid5)";
            case RAID6 -> " (same as raid6_zr)";
            case RAID6_ZR -> " (same as raid6)";
            case RAID10 -> " (same as raid10_near)";
            case RAID10_NEAR -> " (same as raid10)";
            default -> "";
        };
    }

    public static Optional<RaidLevel> named(String name) {
        for (RaidLevel l : values()) {
            if (l.typeName.equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
