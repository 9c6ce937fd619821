package io.lvstack.engine.text;

/**
 * The tokeniser of libdm's config grammar ({@code _get_token}), over the raw input bytes. One
 * token at a time; the current token is described by package-private fields so that no token
 * objects are allocated.
 *
 * <p>As in libdm, whether a token may be a number or a bare string depends on the token before
 * it, so the parser says so with each call to {@link #next(boolean)}. A NUL byte ends the input
 * wherever it stands, because on-disk metadata is followed by one.
 */
final class ConfigScanner {
    enum Type {
        EOF, SECTION_BEGIN, SECTION_END, ARRAY_BEGIN, ARRAY_END, COMMA, EQUALS,
        /** {@code "..."}: backslash escapes. */
        STRING_ESCAPED,
        /** {@code '...'}: no escapes. */
        STRING_RAW,
        /** A word where a key is expected. */
        IDENTIFIER,
        /** A word where a value is expected: an unquoted string. */
        BARE,
        INT,
        FLOAT
    }

    /** Why an {@link Type#INT} token has no value. */
    enum IntProblem {
        NONE, OUT_OF_RANGE, BAD_OCTAL_DIGIT
    }

    /** Ends a word (identifier or bare string): whitespace, '#', '=', '{', '}' and NUL. */
    private static final byte WORD_END = 2;
    /** May follow a number: a word end or one of ", [ ] \" '". */
    private static final byte NUMBER_END = 4;
    private static final byte[] CLASS = new byte[256];

    static {
        for (char c : new char[] {' ', '\t', '\n', '\r', 0x0b, 0x0c}) {
            CLASS[c] = WORD_END | NUMBER_END;
        }
        for (char c : new char[] {'#', '=', '{', '}', 0}) {
            CLASS[c] = WORD_END | NUMBER_END;
        }
        for (char c : new char[] {',', '[', ']', '"', '\''}) {
            CLASS[c] = NUMBER_END;
        }
    }

    private final byte[] in;
    private final int end;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Line breaks seen inside quoted strings, which libdm does not count. */
    private int stringLineBreaks;
    private int tokenCount;

    // The current token.
    Type type;
    int start;
    int stop;
    int tokenLine;
    int tokenLineStart;
    int tokenLvm2Line;
    /** For strings: the content contains a backslash. */
    boolean hasBackslash;
    /** For strings and words: the content contains a byte >= 0x80. */
    boolean nonAscii;
    long intValue;
    IntProblem intProblem = IntProblem.NONE;

    // The last quoted string that spanned lines, for the "missing quote?" hint.
    private int multiLineStringToken = -10;
    int multiLineStringFirstLine;
    int multiLineStringLastLine;

    ConfigScanner(byte[] in) {
        this.in = in;
        this.end = in.length;
    }

    byte[] input() {
        return in;
    }

    /** True if the current token comes shortly after a quoted string that spanned lines. */
    boolean followsMultiLineString() {
        return tokenCount - multiLineStringToken <= 3;
    }

    /** Reads the next token; {@code valueAllowed} is libdm's "previous token was = [ or ,". */
    void next(boolean valueAllowed) {
        skipSpace();
        tokenCount++;
        start = pos;
        tokenLine = line;
        tokenLineStart = lineStart;
        tokenLvm2Line = line - stringLineBreaks;
        hasBackslash = false;
        nonAscii = false;
        if (pos >= end || in[pos] == 0) {
            type = Type.EOF;
            stop = pos;
            return;
        }
        byte b = in[pos];
        switch (b) {
            case '{' -> single(Type.SECTION_BEGIN);
            case '}' -> single(Type.SECTION_END);
            case '[' -> single(Type.ARRAY_BEGIN);
            case ']' -> single(Type.ARRAY_END);
            case ',' -> single(Type.COMMA);
            case '=' -> single(Type.EQUALS);
            case '"' -> escapedString();
            case '\'' -> rawString();
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.' -> {
                if (valueAllowed) {
                    number();
                } else {
                    word(Type.IDENTIFIER);
                }
            }
            default -> word(valueAllowed ? Type.BARE : Type.IDENTIFIER);
        }
    }

    private void single(Type t) {
        type = t;
        pos++;
        stop = pos;
    }

    private void skipSpace() {
        int p = pos;
        while (p < end) {
            byte b = in[p];
            if (b == ' ' || b == '\t') {
                p++;
            } else if (b == '\n') {
                p++;
                line++;
                lineStart = p;
            } else if (b == '#') {
                // a comment runs to the end of the line; a NUL ends the input inside it too
                p++;
                while (p < end && in[p] != '\n' && in[p] != 0) {
                    p++;
                }
            } else if (b == '\r' || b == 0x0b || b == 0x0c) {
                p++;
            } else {
                break;
            }
        }
        pos = p;
    }

    private void escapedString() {
        int p = pos + 1;
        int first = line;
        int acc = 0;
        boolean backslash = false;
        for (;;) {
            if (p >= end || in[p] == 0) {
                throw unterminated('"');
            }
            byte b = in[p];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                backslash = true;
                // the backslash protects the next byte, unless the input ends there
                if (p + 1 < end && in[p + 1] != 0) {
                    p++;
                    b = in[p];
                }
            }
            if (b == '\n') {
                newlineInString(p);
            }
            acc |= b;
            p++;
        }
        finishString(Type.STRING_ESCAPED, p + 1, first, acc < 0);
        hasBackslash = backslash;
    }

    private void rawString() {
        int p = pos + 1;
        int first = line;
        int acc = 0;
        for (;;) {
            if (p >= end || in[p] == 0) {
                throw unterminated('\'');
            }
            byte b = in[p];
            if (b == '\'') {
                break;
            }
            if (b == '\n') {
                newlineInString(p);
            }
            acc |= b;
            p++;
        }
        finishString(Type.STRING_RAW, p + 1, first, acc < 0);
    }

    private void newlineInString(int p) {
        line++;
        lineStart = p + 1;
        stringLineBreaks++;
    }

    private void finishString(Type t, int after, int firstLine, boolean high) {
        type = t;
        pos = after;
        stop = after;
        nonAscii = high;
        if (line != firstLine) {
            multiLineStringToken = tokenCount;
            multiLineStringFirstLine = firstLine;
            multiLineStringLastLine = line;
        }
    }

    private ConfigSyntaxException unterminated(char quote) {
        // the error names the opening quote; the scan may have moved the line counter on
        int p = start;
        String mark = quote == '"' ? "'\"'" : "\"'\"";
        return new ConfigSyntaxException("unterminated string (no closing " + mark + " before the end of input)",
                tokenLine, Utf8.column(in, tokenLineStart, p), p, tokenLvm2Line);
    }

    private void word(Type t) {
        int p = pos;
        int acc = 0;
        while (p < end) {
            byte b = in[p];
            if ((CLASS[b & 0xff] & WORD_END) != 0) {
                break;
            }
            acc |= b;
            p++;
        }
        type = t;
        pos = p;
        stop = p;
        nonAscii = acc < 0;
    }

    /**
     * libdm's number token: a sign, digit or '.', then digits with at most one '.'. Unlike
     * libdm, which lets strtoll read past the token (so {@code 0x10} becomes 16 followed by a key
     * {@code x10}), the token must stand alone: what follows must end it.
     */
    private void number() {
        boolean isFloat = in[pos] == '.';
        boolean digits = in[pos] >= '0' && in[pos] <= '9';
        int p = pos + 1;
        while (p < end) {
            byte c = in[p];
            if (c >= '0' && c <= '9') {
                digits = true;
                p++;
            } else if (c == '.' && !isFloat) {
                isFloat = true;
                p++;
            } else {
                break;
            }
        }
        if (!digits || (p < end && (CLASS[in[p] & 0xff] & NUMBER_END) == 0)) {
            int wordEnd = p;
            while (wordEnd < end && (CLASS[in[wordEnd] & 0xff] & NUMBER_END) == 0) {
                wordEnd++;
            }
            stop = wordEnd;
            throw error("malformed number " + quoted(start, wordEnd)
                    + " (expected decimal or octal digits with at most one '.'; hex and exponents are not allowed)");
        }
        type = isFloat ? Type.FLOAT : Type.INT;
        pos = p;
        stop = p;
        if (!isFloat) {
            convertInt();
        }
    }

    /** C's {@code strtoll(s, NULL, 0)} on the whole token: a leading 0 means octal. */
    private void convertInt() {
        int p = start;
        boolean negative = false;
        if (in[p] == '+' || in[p] == '-') {
            negative = in[p] == '-';
            p++;
        }
        int radix = (in[p] == '0' && p + 1 < stop) ? 8 : 10;
        // accumulate negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / radix;
        long result = 0;
        IntProblem problem = IntProblem.NONE;
        for (; p < stop; p++) {
            int d = in[p] - '0';
            if (d >= radix) {
                problem = IntProblem.BAD_OCTAL_DIGIT;
                break;
            }
            if (problem == IntProblem.NONE) {
                if (result < multMin || result * radix < limit + d) {
                    problem = IntProblem.OUT_OF_RANGE;
                } else {
                    result = result * radix - d;
                }
            }
        }
        intProblem = problem;
        intValue = negative ? result : -result;
    }

    /** The value of the current FLOAT token, or NaN when strtod would report ERANGE. */
    double floatValue() {
        String text = Utf8.decode(in, start, stop, true);
        double v = Double.parseDouble(text);
        boolean nonZeroDigit = false;
        for (int i = start; i < stop; i++) {
            if (in[i] >= '1' && in[i] <= '9') {
                nonZeroDigit = true;
                break;
            }
        }
        boolean underflow = nonZeroDigit && Math.abs(v) < Double.MIN_NORMAL;
        return Double.isInfinite(v) || underflow ? Double.NaN : v;
    }

    /** Where the current token's content starts: after the opening quote of a string. */
    int contentStart() {
        return type == Type.STRING_ESCAPED || type == Type.STRING_RAW ? start + 1 : start;
    }

    /** Where the current token's content ends: before the closing quote of a string. */
    int contentEnd() {
        return type == Type.STRING_ESCAPED || type == Type.STRING_RAW ? stop - 1 : stop;
    }

    /** The content of the current token as written (strings not yet unescaped). */
    String text() {
        int from = contentStart();
        int to = contentEnd();
        if (nonAscii) {
            int bad = Utf8.firstInvalid(in, from, to);
            if (bad >= 0) {
                throw errorAt(bad, "invalid UTF-8 (byte 0x" + Integer.toHexString(in[bad] & 0xff) + ") in "
                        + describe());
            }
        }
        return Utf8.decode(in, from, to, !nonAscii);
    }

    /** The current token as written, shortened for a message. */
    String shownText() {
        return shown(start, stop);
    }

    /** How an error message names the current token. */
    String describe() {
        return switch (type) {
            case EOF -> "end of input";
            case SECTION_BEGIN, SECTION_END, ARRAY_BEGIN, ARRAY_END, COMMA, EQUALS -> "'" + (char) in[start] + "'";
            case STRING_ESCAPED, STRING_RAW -> "string " + shown(start, stop);
            case INT, FLOAT -> "number " + shown(start, stop);
            case IDENTIFIER, BARE -> quoted(start, stop);
        };
    }

    private String quoted(int from, int to) {
        return "'" + shown(from, to) + "'";
    }

    /** Token bytes for a message: at most 40 of them, control characters and bad bytes as \xNN. */
    private String shown(int from, int to) {
        int limit = Math.min(to, from + 40);
        StringBuilder sb = new StringBuilder(limit - from + 8);
        int i = from;
        while (i < limit) {
            int c = in[i] & 0xff;
            int n = Utf8.sequenceLength(in, i, to);
            if (n > 1) {
                sb.append(Utf8.decode(in, i, i + n, false));
                i += n;
                continue;
            }
            if (n == 0 || c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
            i++;
        }
        if (i < to) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** An error at the start of the current token. */
    ConfigSyntaxException error(String message) {
        return new ConfigSyntaxException(message, tokenLine, Utf8.column(in, tokenLineStart, start), start,
                tokenLvm2Line);
    }

    /** An error at a byte of the current token (which lies on the token's first line or later). */
    private ConfigSyntaxException errorAt(int offset, String message) {
        int lineOfOffset = tokenLine;
        int startOfLine = tokenLineStart;
        int lvm2 = tokenLvm2Line;
        for (int i = start; i < offset; i++) {
            if (in[i] == '\n') {
                lineOfOffset++;
                startOfLine = i + 1;
            }
        }
        return new ConfigSyntaxException(message, lineOfOffset, Utf8.column(in, startOfLine, offset), offset, lvm2);
    }
}
