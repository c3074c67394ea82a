package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits to a capture's packet list, all addressed by index in the ORIGINAL list, so a fault can
 * remove, replace and insert packets without tracking how earlier edits shifted the indices.
 */
final class PacketListEdit {
  private final List<Packet> original;
  private final Packet[] replaced;
  private final boolean[] removed;
  private final Map<Integer, List<Packet>> insertedAfter = new HashMap<>();
  private final long[] delay;

  PacketListEdit(List<Packet> original) {
    this.original = original;
    this.replaced = new Packet[original.size()];
    this.removed = new boolean[original.size()];
    this.delay = new long[original.size()];
  }

  /** The packet currently at {@code index}: the replacement if there is one. */
  Packet get(int index) {
    return replaced[index] != null ? replaced[index] : original.get(index);
  }

  PacketListEdit replace(int index, Packet packet) {
    replaced[index] = packet;
    return this;
  }

  PacketListEdit remove(int index) {
    removed[index] = true;
    return this;
  }

  /** Inserts after the packet at {@code index} (kept or not), after earlier insertions there. */
  PacketListEdit insertAfter(int index, Packet packet) {
    insertedAfter.computeIfAbsent(index, i -> new ArrayList<>()).add(packet);
    return this;
  }

  /**
   * Delays every packet after {@code index} (kept, replaced or not, but not the inserted ones,
   * which carry their own times) by {@code nanos}: a pause in the capture after that packet. Delays
   * add up.
   */
  PacketListEdit delayAfter(int index, long nanos) {
    for (int i = index + 1; i < original.size(); i++) {
      delay[i] += nanos;
    }
    return this;
  }

  List<Packet> result() {
    List<Packet> out = new ArrayList<>(original.size());
    for (int i = 0; i < original.size(); i++) {
      if (!removed[i]) {
        Packet packet = get(i);
        out.add(delay[i] == 0 ? packet : packet.at(packet.timestampNanos() + delay[i]));
      }
      out.addAll(insertedAfter.getOrDefault(i, List.of()));
    }
    return out;
  }

  /**
   * Moves packet contents between slots while each slot keeps its capture time: slot {@code
   * slots[k]} receives the packet that was at {@code slots[order[k]]}. Time order stays monotonic,
   * but the sequence order of the moved segments no longer follows it, as when the network (not the
   * capture) reordered them.
   */
  PacketListEdit permute(int[] slots, int[] order) {
    Packet[] contents = new Packet[slots.length];
    for (int k = 0; k < slots.length; k++) {
      contents[k] = get(slots[order[k]]);
    }
    for (int k = 0; k < slots.length; k++) {
      replace(slots[k], contents[k].at(original.get(slots[k]).timestampNanos()));
    }
    return this;
  }
}
