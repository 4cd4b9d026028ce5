package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/** One line of body text in the making: its text, how much of it is link text, and its links. */
final class BodyChunk {
    final StringBuilder text = new StringBuilder();
    final List<String> links = new ArrayList<>(2);
    final String blockTag;
    int linkChars;
    private boolean pendingSpace;

    BodyChunk(String blockTag) {
        this.blockTag = blockTag;
    }

    void append(String s, boolean inLink) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && text.length() > 0) {
                text.append(' ');
            }
            pendingSpace = false;
            text.append(c);
            if (inLink) {
                linkChars++;
            }
        }
    }

    /** Separates inline elements that browsers render apart (e.g. {@code <td>}s). */
    void space() {
        pendingSpace = true;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    boolean isHeading() {
        return blockTag.length() == 2 && blockTag.charAt(0) == 'h' && Character.isDigit(blockTag.charAt(1));
    }

    /** Non-space characters outside links. */
    int plainChars() {
        return nonSpace() - linkChars;
    }

    private int nonSpace() {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                n++;
            }
        }
        return n;
    }

    /** Share of the (non-space) text that sits inside links. */
    double linkDensity() {
        int n = nonSpace();
        return n == 0 ? 0 : (double) linkChars / n;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
