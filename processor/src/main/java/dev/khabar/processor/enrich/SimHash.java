package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;

/**
 * 64-bit SimHash (Charikar) over word shingles of the matching key: near-duplicate texts (a
 * few words changed, spelling variants, punctuation) have fingerprints a few bits apart;
 * unrelated texts differ in about half of the 64 bits.
 */
public final class SimHash {

    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The fingerprint of {@code text}. */
    public static long of(String text) {
        return of(FoldedText.of(text));
    }

    /** The fingerprint of a folded text; 0 when it has no words. */
    public static long of(FoldedText text) {
        int n = text.tokenCount();
        if (n == 0) {
            return 0L;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, n - SHINGLE + 1);
        long[] wordHashes = new long[text.distinctTokenCount()];
        for (int d = 0; d < wordHashes.length; d++) {
            wordHashes[d] = hash(text.distinctToken(d));
        }
        long[] tokenHashes = new long[n];
        for (int t = 0; t < n; t++) {
            tokenHashes[t] = wordHashes[text.tokenId(t)];
        }
        // SWAR: lane b of lanes[j] counts how many shingle hashes have bit 8*b + j set; flushed
        // into votes before a byte lane can overflow
        long[] lanes = new long[8];
        int pending = 0;
        for (int s = 0; s < shingles; s++) {
            // the token hashes are already mixed: an order-sensitive sum of them needs one more mix, not one per token
            long h = 0x9E3779B97F4A7C15L;
            for (int k = s; k < Math.min(n, s + SHINGLE); k++) {
                h = h * 0xBF58476D1CE4E5B9L + tokenHashes[k];
            }
            h = mix(h);
            for (int j = 0; j < 8; j++) {
                lanes[j] += (h >>> j) & 0x0101010101010101L;
            }
            if (++pending == 255) {
                flush(lanes, votes);
                pending = 0;
            }
        }
        flush(lanes, votes);
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * votes[bit] > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    private static void flush(long[] lanes, int[] votes) {
        for (int j = 0; j < 8; j++) {
            for (int b = 0; b < 8; b++) {
                votes[8 * b + j] += (int) ((lanes[j] >>> (8 * b)) & 0xFF);
            }
            lanes[j] = 0;
        }
    }

    /** Number of differing bits, 0..64. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over the characters, finished with {@link #mix}. */
    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
    }
}
