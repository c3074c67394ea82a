package dev.ftprecon.jobs.input;

import java.util.ArrayList;
import java.util.List;

final class Ints {
  static List<Integer> asList(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  private Ints() {}
}
