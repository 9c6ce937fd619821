package io.lvstack.benchmarks;

import java.util.SplittableRandom;

/**
 * The order in which a benchmark takes its users: passes over {@code 0 .. n-1}, each a fresh
 * Fisher-Yates shuffle, so every user is hit once per pass and no pass repeats the order of the
 * one before. The shuffle costs O(1) per user taken. Seeded, so every run takes the same users.
 */
final class UserOrder {
    private final int[] order;
    private final SplittableRandom random = new SplittableRandom(20_251_125L);
    private int pos;

    UserOrder(int n) {
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle();
    }

    int next() {
        if (pos == order.length) {
            shuffle();
        }
        return order[pos++];
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        pos = 0;
    }
}
