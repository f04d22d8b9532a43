package io.gitops.promotion.git;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.BasePackIndexWriter;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.transport.PackedObjectInfo;
import org.eclipse.jgit.util.IO;

/**
 * Writes the objects of one commit as one pack, built in memory and written with one write: JGit's
 * pack inserter wrote each object to the file with two or three system calls, read the pack back to
 * checksum it and deflated every tree. Trees are stored, not deflated: their entries are mostly
 * object ids, which do not compress, and a 500-service commit makes 1,500 of them. Blobs and
 * commits are deflated at level 1.
 *
 * <p>Objects become readable once {@link #flush() flushed}; an object inserted twice is written
 * once. Not thread-safe.
 */
final class CommitPackInserter extends ObjectInserter {
  /** A commit's objects are overlays, trees and a state file: anything larger is not one. */
  private static final int MAX_OBJECT_BYTES = 64 * 1024 * 1024;

  /** "PACK", the version and the object count. */
  private static final int PACK_HEADER_BYTES = 12;

  private final ObjectDirectory db;
  private final PackBuffer pack = new PackBuffer();
  private final List<PackedObjectInfo> objects = new ArrayList<>();
  private final Set<ObjectId> written = new HashSet<>();
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private final CRC32 crc = new CRC32();
  private final byte[] deflated = new byte[8 * 1024];
  private long bytesWritten;

  CommitPackInserter(ObjectDirectory db) {
    this.db = db;
  }

  @Override
  public ObjectId insert(int type, byte[] data, int off, int len) {
    ObjectId id = idFor(type, data, off, len);
    if (written.add(id)) {
      append(id, type, data, off, len);
    }
    return id;
  }

  @Override
  public ObjectId insert(int type, long length, InputStream in) throws IOException {
    if (length > MAX_OBJECT_BYTES) {
      throw new IOException("object of " + length + " bytes is larger than a commit's objects");
    }
    byte[] data = new byte[(int) length];
    IO.readFully(in, data, 0, data.length);
    return insert(type, data, 0, data.length);
  }

  private void append(ObjectId id, int type, byte[] data, int off, int len) {
    PackedObjectInfo object = new PackedObjectInfo(id);
    object.setOffset(PACK_HEADER_BYTES + pack.size());
    int start = pack.size();
    writeTypeAndSize(type, len);
    if (type == Constants.OBJ_TREE) {
      writeStored(data, off, len);
    } else {
      writeDeflated(data, off, len);
    }
    crc.reset();
    crc.update(pack.buffer(), start, pack.size() - start);
    object.setCRC((int) crc.getValue());
    objects.add(object);
  }

  /** The object header of the pack format: type, then the size 4 bits and 7 bits at a time. */
  private void writeTypeAndSize(int type, long size) {
    int b = (type << 4) | (int) (size & 0x0F);
    size >>>= 4;
    while (size != 0) {
      pack.write(b | 0x80);
      b = (int) (size & 0x7F);
      size >>>= 7;
    }
    pack.write(b);
  }

  /** A zlib stream of stored blocks: no compression, and no compressor to reset. */
  private void writeStored(byte[] data, int off, int len) {
    pack.write(0x78);
    pack.write(0x01);
    int at = off;
    int left = len;
    do {
      int block = Math.min(left, 0xFFFF);
      left -= block;
      pack.write(left == 0 ? 1 : 0);
      pack.write(block & 0xFF);
      pack.write(block >>> 8);
      pack.write(~block & 0xFF);
      pack.write((~block >>> 8) & 0xFF);
      pack.write(data, at, block);
      at += block;
    } while (left > 0);
    Adler32 adler = new Adler32();
    adler.update(data, off, len);
    writeInt((int) adler.getValue());
  }

  private void writeDeflated(byte[] data, int off, int len) {
    deflater.reset();
    deflater.setInput(data, off, len);
    deflater.finish();
    while (!deflater.finished()) {
      pack.write(deflated, 0, deflater.deflate(deflated));
    }
  }

  private void writeInt(int value) {
    pack.write(value >>> 24);
    pack.write((value >>> 16) & 0xFF);
    pack.write((value >>> 8) & 0xFF);
    pack.write(value & 0xFF);
  }

  /** Writes the pack and its index, then opens the pack so its objects can be read. */
  @Override
  public void flush() throws IOException {
    if (objects.isEmpty()) {
      return;
    }
    MessageDigest sha1 = sha1();
    byte[] header = header(objects.size());
    sha1.update(header);
    sha1.update(pack.buffer(), 0, pack.size());
    byte[] checksum = sha1.digest();
    String name = "pack-" + ObjectId.fromRaw(checksum).name();
    File dir = db.getPackDirectory();
    File tmpPack = File.createTempFile("insert_", ".pack", dir);
    File tmpIdx = new File(dir, tmpPack.getName().replace(".pack", ".idx"));
    try {
      try (OutputStream out = new FileOutputStream(tmpPack)) {
        out.write(header);
        out.write(pack.buffer(), 0, pack.size());
        out.write(checksum);
      }
      objects.sort(null);
      try (OutputStream out = new FileOutputStream(tmpIdx)) {
        BasePackIndexWriter.createVersion(out, 2).write(objects, checksum);
      }
      File realPack = new File(dir, name + ".pack");
      Files.move(tmpPack.toPath(), realPack.toPath(), StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          tmpIdx.toPath(), new File(dir, name + ".idx").toPath(), StandardCopyOption.ATOMIC_MOVE);
      db.openPack(realPack);
    } finally {
      Files.deleteIfExists(tmpPack.toPath());
      Files.deleteIfExists(tmpIdx.toPath());
    }
    bytesWritten += header.length + pack.size() + checksum.length;
    pack.reset();
    objects.clear();
    written.clear();
  }

  /** Bytes of the pack files flushed so far. */
  long bytesWritten() {
    return bytesWritten;
  }

  private static byte[] header(int count) {
    return new byte[] {
      'P',
      'A',
      'C',
      'K',
      0,
      0,
      0,
      2,
      (byte) (count >>> 24),
      (byte) (count >>> 16),
      (byte) (count >>> 8),
      (byte) count
    };
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /** Reads the repository; objects inserted here are readable after {@link #flush()}. */
  @Override
  public ObjectReader newReader() {
    return db.newReader();
  }

  @Override
  public PackParser newPackParser(InputStream in) throws IOException {
    ObjectInserter loose = db.newInserter();
    return loose.newPackParser(in);
  }

  @Override
  public void close() {
    deflater.end();
  }

  /** The pack's entries, in memory, readable without a copy. */
  private static final class PackBuffer extends java.io.ByteArrayOutputStream {
    PackBuffer() {
      super(64 * 1024);
    }

    byte[] buffer() {
      return buf;
    }
  }
}
