package io.lvstack.engine.text;

import io.lvstack.engine.Corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, the parser either parses them or throws a ConfigSyntaxException. */
class ConfigParserRobustnessTest {
    private static final byte[] SAMPLE = Corpus.read(Corpus.DIR.resolve("linear.vg"));
    /** Bytes that matter to the grammar, chosen more often than chance would. */
    private static final byte[] INTERESTING = {'{', '}', '[', ']', ',', '=', '"', '\'', '\\', '#', '/', '\n', ' ',
        '0', '8', '-', '.', 'x', 0, (byte) 0x80, (byte) 0xc3, (byte) 0xe2, (byte) 0xf0, (byte) 0xff};

    @Test
    void everyTruncation() {
        for (int len = 0; len <= SAMPLE.length; len++) {
            check(Arrays.copyOf(SAMPLE, len));
        }
    }

    @Test
    void randomMutations() {
        Random random = new Random(0x1f2e3d4cL);
        for (int round = 0; round < 10_000; round++) {
            check(mutate(SAMPLE, random));
        }
    }

    @Test
    void randomGarbage() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[random.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt();
            }
            check(b);
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            byte value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt();
            switch (random.nextInt(3)) {
                case 0 -> b[at] = value;
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = value;
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    if (b.length > 1) {
                        byte[] shorter = new byte[b.length - 1];
                        System.arraycopy(b, 0, shorter, 0, at);
                        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                        b = shorter;
                    }
                }
            }
        }
        return b;
    }

    private static void check(byte[] input) {
        for (ParseOptions options : new ParseOptions[] {ParseOptions.fileForm(), ParseOptions.onDiskForm()}) {
            try {
                ConfigParser.parse(input, "fuzz", options);
            } catch (ConfigSyntaxException expected) {
                if (expected.line() < 1 || expected.column() < 1 || expected.offset() < 0
                        || expected.offset() > input.length) {
                    fail("bad position " + expected.describe("fuzz") + " offset " + expected.offset() + " for "
                            + HexFormat.of().formatHex(input));
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("unexpected " + e + " for input " + HexFormat.of().formatHex(input), e);
            }
        }
    }
}
