package io.lvstack.segtype.raid;

import io.lvstack.api.LvstackException;

/**
 * LVM2's choice of the level a raid LV is converted to when the one asked for is not one step
 * away ({@code _set_convenient_raid145610_segtype_to} in {@code raid_manip.c}): raid5_ls to
 * striped passes through raid5_n, raid5 of 3 devices to raid6 first reshapes to 4, raid6_zr to
 * raid0 passes through raid6_n_6, and so on. The user repeats the command to go on.
 */
final class RaidInterim {
    /**
     * The conversion to do now.
     *
     * @param type     the level name, or {@code striped}/{@code linear}
     * @param images   the image count a reshape is to leave, or null (a takeover or layout change)
     * @param first    LVM2's line saying it reshapes first, or null
     * @param replaced whether LVM2 replaced the type asked for (and says to repeat the command)
     */
    record Choice(String type, Integer images, String first, boolean replaced) {
        RaidLevel level() {
            return RaidLevel.named(type).orElse(null);
        }
    }

    private RaidInterim() {
    }

    /** LVM2's {@code _cmp_level}: raid4 and raid5_n are one level; else the first five letters tell. */
    static boolean sameLevel(RaidLevel a, RaidLevel b) {
        if ((a.family() == RaidLevel.Family.RAID10) != (b.family() == RaidLevel.Family.RAID10)) {
            return false;
        }
        if (a == RaidLevel.RAID4 && b == RaidLevel.RAID5_N || a == RaidLevel.RAID5_N && b == RaidLevel.RAID4) {
            return true;
        }
        return a.typeName().substring(0, 5).equals(b.typeName().substring(0, 5));
    }

    /**
     * What LVM2 converts a raid LV of level {@code from} with {@code areas} images to when
     * {@code asked} (a raid level's name, {@code striped} or {@code linear}) is asked for.
     */
    static Choice choose(RaidLevel from, int areas, String asked, String full) {
        RaidLevel to = RaidLevel.named(asked).orElse(null);
        boolean striped = to == null ? "striped".equals(asked) : to.raid0();
        boolean linear = "linear".equals(asked);
        if (to != null && sameLevel(from, to)) {
            return new Choice(asked, null, null, false);
        }
        RaidLevel flag = null;
        switch (from.family()) {
            case RAID0 -> {
                if (to != null && to.family() == RaidLevel.Family.RAID6) {
                    flag = areas < 3 ? RaidLevel.RAID5_N : RaidLevel.RAID6_N_6;
                } else if (linear || to != null && to.family() != RaidLevel.Family.RAID4
                        && to.family() != RaidLevel.Family.RAID10 && !striped) {
                    flag = RaidLevel.RAID5_N;
                }
            }
            case RAID1 -> {
                if (areas != 2) {
                    throw new LvstackException("Convert " + from.typeName() + " LV " + full + " to 2 images first.");
                }
                if (striped || linear || to != null && to.family() == RaidLevel.Family.RAID10) {
                    flag = RaidLevel.RAID5_N;
                } else if (to != null && to.family() != RaidLevel.Family.RAID4
                        && to.family() != RaidLevel.Family.RAID5) {
                    flag = RaidLevel.RAID5_LS;
                }
            }
            case RAID4, RAID5 -> {
                boolean raid4 = from == RaidLevel.RAID4;
                if (raid4 && to != null && to.family() == RaidLevel.Family.RAID5) {
                    flag = to == RaidLevel.RAID5_N ? null : RaidLevel.RAID5_N;
                } else if (!raid4 && to == RaidLevel.RAID4) {
                    flag = from == RaidLevel.RAID5_N ? null : RaidLevel.RAID5_N;
                } else if (linear || to != null && to.family() == RaidLevel.Family.RAID1) {
                    if (areas != 2) {
                        return reshapeFirst(from, from, 2, full);
                    }
                    flag = RaidLevel.RAID1;
                } else if (to != null && to.family() == RaidLevel.Family.RAID6) {
                    if (areas < 4) {
                        return reshapeFirst(from, from, 4, full);
                    }
                    flag = raid4 ? RaidLevel.RAID6_N_6 : fiveToSix(from);
                } else if (striped || to != null && to.family() == RaidLevel.Family.RAID10) {
                    if (!raid4 && from != RaidLevel.RAID5_N) {
                        flag = RaidLevel.RAID5_N;
                    } else if (areas < 3) {
                        return reshapeFirst(from, RaidLevel.RAID5_N, 3, full);
                    } else if (!striped) {
                        flag = RaidLevel.RAID0_META;
                    }
                }
            }
            case RAID6 -> {
                boolean n6 = from == RaidLevel.RAID6_N_6;
                if (to != null && to.family() == RaidLevel.Family.RAID1) {
                    flag = RaidLevel.RAID6_LS_6;
                } else if (to != null && to.family() == RaidLevel.Family.RAID10) {
                    flag = n6 ? RaidLevel.RAID0_META : RaidLevel.RAID6_N_6;
                } else if (linear) {
                    flag = n6 ? RaidLevel.RAID5_N : RaidLevel.RAID6_N_6;
                } else if (striped || to == RaidLevel.RAID4) {
                    flag = n6 ? null : RaidLevel.RAID6_N_6;
                } else if (to != null && to.family() == RaidLevel.Family.RAID5) {
                    flag = sixToFive(from);
                    if (flag == null) {
                        flag = fiveToSix(to);
                    }
                }
            }
            case RAID10 -> {
                if (linear || !striped) {
                    flag = RaidLevel.RAID0_META;
                }
            }
            default -> throw new IllegalStateException(from.toString());
        }
        if (flag == null) {
            return new Choice(asked, null, null, false);
        }
        return new Choice(flag.typeName(), null, null, !flag.typeName().equals(asked));
    }

    /** A reshape of {@code from} to {@code images} images as {@code to} first, as LVM2 says it. */
    private static Choice reshapeFirst(RaidLevel from, RaidLevel to, int images, String full) {
        return new Choice(to.typeName(), images, "Converting " + from.typeName() + " LV " + full + " to " + images
                + " stripes first.", false);
    }

    /** LVM2's {@code _r5_to_r6} from a raid5 layout (raid5 is raid5_ls); null for none. */
    static RaidLevel fiveToSix(RaidLevel five) {
        return switch (five) {
            case RAID5, RAID5_LS -> RaidLevel.RAID6_LS_6;
            case RAID5_LA -> RaidLevel.RAID6_LA_6;
            case RAID5_RS -> RaidLevel.RAID6_RS_6;
            case RAID5_RA -> RaidLevel.RAID6_RA_6;
            case RAID5_N -> RaidLevel.RAID6_N_6;
            default -> null;
        };
    }

    /** LVM2's {@code _r5_to_r6} backwards; null for raid6_zr, _nr and _nc. */
    static RaidLevel sixToFive(RaidLevel six) {
        return switch (six) {
            case RAID6_LS_6 -> RaidLevel.RAID5_LS;
            case RAID6_LA_6 -> RaidLevel.RAID5_LA;
            case RAID6_RS_6 -> RaidLevel.RAID5_RS;
            case RAID6_RA_6 -> RaidLevel.RAID5_RA;
            case RAID6_N_6 -> RaidLevel.RAID5_N;
            default -> null;
        };
    }
}
