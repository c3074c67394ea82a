package dev.ftprecon.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * State of the pcapng section being read: its byte order and the interfaces declared in it so far.
 * A new Section Header Block starts a fresh section (draft-ietf-opsawg-pcapng section 4.1): the
 * byte order may change and interface numbering restarts at 0.
 */
final class PcapngSection {
  /**
   * Interfaces accepted per section. No capture tool comes near it; it bounds the table a hostile
   * file could make us build from 20-byte blocks.
   */
  static final int MAX_INTERFACES = 65_536;

  private final List<PcapngInterface> interfaces = new ArrayList<>();
  private Endianness order = Endianness.BIG;
  private boolean started;

  void start(Endianness sectionOrder) {
    order = sectionOrder;
    interfaces.clear();
    started = true;
  }

  /** Whether a Section Header Block has been read. */
  boolean started() {
    return started;
  }

  Endianness order() {
    return order;
  }

  int interfaceCount() {
    return interfaces.size();
  }

  PcapngInterface get(int interfaceId) {
    return interfaces.get(interfaceId);
  }

  /** Makes this section a copy of {@code other}. */
  void copyFrom(PcapngSection other) {
    order = other.order;
    started = other.started;
    interfaces.clear();
    interfaces.addAll(other.interfaces);
  }

  /** Whether both sections have the same byte order and the same interfaces, in order. */
  boolean sameAs(PcapngSection other) {
    return started == other.started && order == other.order && interfaces.equals(other.interfaces);
  }

  /** Declares the next interface; false if the section already has {@link #MAX_INTERFACES}. */
  boolean add(PcapngInterface description) {
    if (interfaces.size() >= MAX_INTERFACES) {
      return false;
    }
    interfaces.add(description);
    return true;
  }
}
