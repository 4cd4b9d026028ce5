package dev.khabar.processor.clean;

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 (or ISO-8859-1): {@code à¤•} back to
 * {@code क}, {@code â€™} back to {@code ’}.
 *
 * <p>Each maximal run of characters that Windows-1252 can encode in its upper half (bytes
 * 0x80..0xFF; C1 controls map to their own byte, as browsers and MySQL's latin1 do) is turned back
 * into bytes, and every well-formed multi-byte UTF-8 sequence in it is decoded. Real Latin-1 text
 * ({@code für}, {@code café}) stays as it is: a lone accented letter is not a UTF-8 sequence.
 */
final class MojibakeRepair {

    private static final String CP1252_HIGH =
            "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private MojibakeRepair() {
    }

    static String repair(String text) {
        if (!looksBroken(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (byteOf(text.charAt(i)) < 0) {
                out.append(text.charAt(i++));
                continue;
            }
            int s = i;
            while (i < n && byteOf(text.charAt(i)) >= 0) {
                i++;
            }
            out.append(decodeRun(text, s, i));
        }
        return out.toString();
    }

    /** A UTF-8 lead byte seen as Ã, Â, à, á, â... followed by a continuation byte. */
    private static boolean looksBroken(String text) {
        for (int i = 0, n = text.length() - 1; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                int next = byteOf(text.charAt(i + 1));
                if (next >= 0x80 && next <= 0xBF) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Decodes each well-formed UTF-8 sequence in the run; bytes that start none are kept as the
     * characters they were, so a genuine "“" next to a broken word survives.
     */
    private static CharSequence decodeRun(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            int lead = byteOf(text.charAt(i));
            int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
            int cp = length == 4 ? lead & 0x07 : length == 3 ? lead & 0x0F : lead & 0x1F;
            boolean ok = length > 1 && i + length <= end;
            for (int k = 1; ok && k < length; k++) {
                int b = byteOf(text.charAt(i + k));
                ok = b >= 0x80 && b <= 0xBF;
                cp = (cp << 6) | (b & 0x3F);
            }
            int min = length == 4 ? 0x10000 : length == 3 ? 0x800 : 0x80;
            if (ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                out.appendCodePoint(cp);
                i += length;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out;
    }

    /** The Windows-1252 byte (0x80..0xFF) for {@code c}, or -1 if it has none up there. */
    private static int byteOf(char c) {
        if (c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        if (c >= 0x80 && c <= 0x9F) {
            return c; // a C1 control kept by a lenient decoder
        }
        int idx = c < 0x152 ? -1 : CP1252_HIGH.indexOf(c);
        return idx < 0 ? -1 : 0x80 + idx;
    }
}
