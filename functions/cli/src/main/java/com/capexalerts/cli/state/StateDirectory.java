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
import java.util.concurrent.ConcurrentHashMap;
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
    threads.lock();
    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      try {
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

  /** The file's JSON object, or an empty object when the file does not exist yet. Call under the lock. */
  ObjectNode read(String file) {
    Path path = root.resolve(file);
    if (!Files.exists(path)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(path.toFile());
      if (node == null || node.isMissingNode()) {
        return JSON.createObjectNode();
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
