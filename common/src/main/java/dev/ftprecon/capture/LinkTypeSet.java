package dev.ftprecon.capture;

import java.util.Arrays;

/** The distinct link types a reader has seen declared, kept sorted. */
final class LinkTypeSet {
  private int[] values = new int[4];
  private int size;

  void add(int linkType) {
    int at = Arrays.binarySearch(values, 0, size, linkType);
    if (at >= 0) {
      return;
    }
    int insertion = -at - 1;
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(values, insertion, values, insertion + 1, size - insertion);
    values[insertion] = linkType;
    size++;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
