package dev.khabar.processor.pipeline;

/** A failure inside one named stage; the topology turns it into a dead letter. */
public final class StageException extends RuntimeException {

    private final String stage;

    public StageException(String stage, Throwable cause) {
        super(stage + " failed: " + cause, cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
