package dev.ftprecon.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated by the current thread, from the JVM's per-thread counter (HotSpot's {@code
 * com.sun.management.ThreadMXBean}). Lets a fuzz target check that a hostile length field did not
 * make the code under test allocate more than its documented cap. Returns -1 where the counter is
 * unavailable; callers then skip the check.
 */
final class Allocations {
  private static final com.sun.management.ThreadMXBean COUNTER = counter();

  private Allocations() {}

  static long current() {
    return COUNTER == null ? -1 : COUNTER.getCurrentThreadAllocatedBytes();
  }

  /** Bytes allocated since {@code before} (a value of {@link #current()}), or -1 if unknown. */
  static long since(long before) {
    return before < 0 ? -1 : current() - before;
  }

  private static com.sun.management.ThreadMXBean counter() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean hotspot
        && hotspot.isThreadAllocatedMemorySupported()
        && hotspot.isThreadAllocatedMemoryEnabled()) {
      return hotspot;
    }
    return null;
  }
}
