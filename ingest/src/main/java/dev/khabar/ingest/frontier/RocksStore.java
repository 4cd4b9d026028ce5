package dev.khabar.ingest.frontier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * URL states in a local RocksDB: off the heap, on disk, with RocksDB's own cache in memory. A copy,
 * not the truth — the compacted state topic is, and the store is filled from it at every start — so
 * writes skip RocksDB's write-ahead log, whatever the directory holds at start is deleted, and so is
 * the directory at {@link #close()}. A lock file beside it keeps a second process out.
 */
final class RocksStore implements UrlStates.Store {

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Read-locked by every use, write-locked by close: a RocksDB used after it closed takes the JVM down. */
    private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    RocksStore(Path dir) {
        this.dir = dir;
        // a lock beside the directory, held while the store is open: a second process given the same directory
        // stops here instead of deleting the first one's store
        try {
            Files.createDirectories(dir.getParent());
            lockChannel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null; // this JVM has it open already
            }
            lock = held;
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("URL state directory " + dir + " is in use by another process");
            }
            deleteDirectory(); // what a run that ended without closing left: refilled from the topic anyway
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir + " for URL states", e);
        }
        options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.LZ4_COMPRESSION);
        writes = new WriteOptions().setDisableWAL(true);
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            options.close();
            writes.close();
            release();
            throw new IllegalStateException("cannot open the URL state store in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(int partition, String url) {
        return use(() -> db.get(key(partition, url)));
    }

    @Override
    public void put(int partition, String url, byte[] packed) {
        use(() -> {
            db.put(writes, key(partition, url), packed);
            return null;
        });
    }

    @Override
    public void delete(int partition, String url) {
        use(() -> {
            db.delete(writes, key(partition, url));
            return null;
        });
    }

    @Override
    public void drop(int partition) {
        use(() -> {
            // keys start with their partition: one range is the whole partition
            db.deleteRange(writes, prefix(partition), prefix(partition + 1));
            return null;
        });
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                db.close();
                writes.close();
                options.close();
                deleteDirectory();
            } finally {
                release();
            }
        } finally {
            open.writeLock().unlock();
        }
    }

    private void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + dir, e);
        }
    }

    private interface Access<T> {
        T run() throws RocksDBException;
    }

    private <T> T use(Access<T> access) {
        open.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("URL state store in " + dir + " is closed");
            }
            return access.run();
        } catch (RocksDBException e) {
            throw new IllegalStateException("URL state store: " + e.getMessage(), e);
        } finally {
            open.readLock().unlock();
        }
    }

    private void deleteDirectory() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p); // a file left behind could be read back as a state: fail instead
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the URL state store in " + dir, e);
        }
    }

    /** The partition, big-endian, then the URL in UTF-8: a partition's keys sort together. */
    private static byte[] key(int partition, String url) {
        byte[] u = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + u.length).putInt(partition).put(u).array();
    }

    private static byte[] prefix(int partition) {
        return ByteBuffer.allocate(4).putInt(partition).array();
    }
}
