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
        long[] tokenHashes = new long[n];
        for (int t = 0; t < n; t++) {
            tokenHashes[t] = hash(text.token(t));
        }
        for (int s = 0; s < shingles; s++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int k = s; k < Math.min(n, s + SHINGLE); k++) {
                h = mix(h * 31 + tokenHashes[k]);
            }
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
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
