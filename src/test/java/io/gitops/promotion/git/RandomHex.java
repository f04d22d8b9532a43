package io.gitops.promotion.git;

import java.util.Random;

/** Hex of random bytes: text of which about half survives compression, for counting bytes. */
final class RandomHex {
  private RandomHex() {}

  static String of(int length, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append(Long.toHexString(random.nextLong()));
    }
    return text.substring(0, length);
  }
}
