package com.capexalerts.cli.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A directory of JSON state files. Every read-modify-write runs under an exclusive lock on {@code .lock} (so two
 * local runs, or a run and a notifier, never interleave), and every write replaces the file atomically (temp file in
 * the same directory, fsync, rename), so a crash leaves the old or the new file, never a torn one.
 */
final class StateDirectory {
  /** FileLock is held per process; threads of one process are serialised by this lock per directory. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.INDENT_OUTPUT);

  static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final Path root;
  private final ReentrantLock threads;

  StateDirectory(Path root) {
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state directory " + root + ": " + e.getMessage(), e);
    }
    this.threads = IN_PROCESS.computeIfAbsent(this.root, p -> new ReentrantLock());
  }

  Path root() {
    return root;
  }

  /** Runs {@code operation} holding the directory's lock. */
  <T> T locked(Supplier<T> operation) {
    Path lockFile = root.resolve(".lock");
    long deadline = System.nanoTime() + lockTimeout().toNanos();
    try {
      if (!threads.tryLock(lockTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("state directory " + root + " is locked by another thread of this process"
            + " for over " + lockTimeout().toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the lock " + lockFile, e);
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock = acquire(channel, lockFile, deadline);
      try {
        // Who holds it, for the message of a process that waits.
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(
            java.nio.charset.StandardCharsets.US_ASCII)), 0);
        return operation.get();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock state directory " + root + ": " + e.getMessage(), e);
    } finally {
      threads.unlock();
    }
  }

  /** How long to wait for another process's lock: CAPEX_STATE_LOCK_TIMEOUT (ISO-8601, e.g. PT2M), else 60 s. */
  static Duration lockTimeout() {
    String v = System.getenv("CAPEX_STATE_LOCK_TIMEOUT");
    if (v == null || v.isBlank()) {
      return DEFAULT_LOCK_TIMEOUT;
    }
    try {
      return Duration.parse(v.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("CAPEX_STATE_LOCK_TIMEOUT: '" + v + "' is not an ISO-8601 duration (PT2M)");
    }
  }

  /** Takes the file lock, saying once on stderr who holds it, and giving up at {@code deadline}. */
  private FileLock acquire(FileChannel channel, Path lockFile, long deadline) throws IOException {
    boolean told = false;
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      String holder = holder(channel);
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException("state directory " + root + " is locked by process " + holder + " (lock "
            + lockFile + "); gave up after " + lockTimeout().toSeconds() + " s. If that process is gone, the lock"
            + " is free again; if it is a run that hangs, stop it");
      }
      if (!told) {
        System.err.println("capex-alerts: waiting for the lock " + lockFile + " held by process " + holder
            + " (up to " + lockTimeout().toSeconds() + " s)");
        told = true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the lock " + lockFile, e);
      }
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String pid = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      return pid.matches("\\d+") ? pid : "(unknown pid)";
    } catch (IOException e) {
      return "(unknown pid)";
    }
  }

  /** The file's JSON object, or an empty object when the file does not exist yet. Call under the lock. */
  ObjectNode read(String file) {
    Path path = root.resolve(file);
    if (!Files.exists(path)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(path.toFile());
      if (node == null || node.isMissingNode()) {
        // Writes are atomic (rename of a complete file), so an empty file is damage, not "no data": reading it as
        // empty would forget every event and alert them all again.
        throw new IllegalStateException("state file " + path + " is empty, which a complete write never leaves:"
            + " the file was damaged (disk full, a copy cut short?). Restore it from a backup, or move it away to"
            + " start afresh (known events would then alert again)");
      }
      if (!node.isObject()) {
        throw new IllegalStateException("state file " + path + " is corrupt: expected a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("state file " + path + " is corrupt: " + e.getOriginalMessage()
          + ". Move it away to start afresh.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read state file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file atomically. Call under the lock. */
  void write(String file, ObjectNode content) {
    Path target = root.resolve(file);
    Path temp = null;
    try {
      temp = Files.createTempFile(root, file + ".", ".tmp");
      byte[] bytes = JSON.writeValueAsBytes(content);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write state file " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }
}
