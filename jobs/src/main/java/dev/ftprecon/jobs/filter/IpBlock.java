package dev.ftprecon.jobs.filter;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a
 * plain address is a block of one. Literals only: nothing here can trigger a DNS lookup.
 */
public record IpBlock(String text, byte[] network, int prefix) implements Serializable {

  /** The block, or empty when {@code text} is not an address or CIDR block. */
  public static Optional<IpBlock> parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    Optional<byte[]> address = address(slash < 0 ? t : t.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpBlock(t, address.get(), prefix));
  }

  /** Whether the address in {@code ip} (text as in the index) lies in this block. */
  public boolean contains(String ip) {
    Optional<byte[]> a = address(ip);
    if (a.isEmpty() || a.get().length != network.length) {
      return false;
    }
    byte[] bytes = a.get();
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  static Optional<byte[]> address(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
  }

  private static Optional<byte[]> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 3
          || !parts[i].chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int v = Integer.parseInt(parts[i]);
      if (v > 255) {
        return Optional.empty();
      }
      b[i] = (byte) v;
    }
    return Optional.of(b);
  }

  /** RFC 4291 §2.2 text forms: eight groups, "::" once, an embedded dotted quad at the end. */
  private static Optional<byte[]> ipv6(String text) {
    int zone = text.indexOf('%');
    String t = zone >= 0 ? text.substring(0, zone) : text;
    int gap = t.indexOf("::");
    if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    String head = gap >= 0 ? t.substring(0, gap) : t;
    String tail = gap >= 0 ? t.substring(gap + 2) : "";
    Optional<int[]> h = groups(head);
    Optional<int[]> tl = groups(tail);
    if (h.isEmpty() || tl.isEmpty()) {
      return Optional.empty();
    }
    int n = h.get().length + tl.get().length;
    if (gap < 0 ? n != 8 : n > 7) {
      return Optional.empty();
    }
    int[] all = new int[8];
    System.arraycopy(h.get(), 0, all, 0, h.get().length);
    System.arraycopy(tl.get(), 0, all, 8 - tl.get().length, tl.get().length);
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (all[i] >>> 8);
      b[2 * i + 1] = (byte) all[i];
    }
    return Optional.of(b);
  }

  private static Optional<int[]> groups(String part) {
    if (part.isEmpty()) {
      return Optional.of(new int[0]);
    }
    String[] g = part.split(":", -1);
    int[] out = new int[g.length + 1];
    int n = 0;
    for (int i = 0; i < g.length; i++) {
      if (i == g.length - 1 && g[i].indexOf('.') >= 0) {
        Optional<byte[]> v4 = ipv4(g[i]);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        byte[] q = v4.get();
        out[n++] = ((q[0] & 0xff) << 8) | (q[1] & 0xff);
        out[n++] = ((q[2] & 0xff) << 8) | (q[3] & 0xff);
        continue;
      }
      if (g[i].isEmpty() || g[i].length() > 4) {
        return Optional.empty();
      }
      try {
        out[n++] = Integer.parseInt(g[i], 16);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(Arrays.copyOf(out, n));
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpBlock b && b.prefix == prefix && Arrays.equals(b.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }
}
