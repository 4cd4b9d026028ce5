package dev.khabar.processor.classify;

/**
 * How matches become scores: a term's weight is multiplied by where it is (title, lead, section
 * heading, body), and the k-th repeat of the same term counts {@code repeatDecay^(k-1)}.
 */
record ScoringSettings(double titleWeight, double leadWeight, double headingWeight, double bodyWeight, int leadChars,
        double repeatDecay) {

    static final ScoringSettings DEFAULTS = new ScoringSettings(3.0, 2.0, 2.5, 1.0, 400, 0.5);
}
