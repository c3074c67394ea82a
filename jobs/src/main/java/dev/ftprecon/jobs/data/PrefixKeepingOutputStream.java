package dev.ftprecon.jobs.data;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on and keeps a copy of the first few, for type detection. */
final class PrefixKeepingOutputStream extends FilterOutputStream {
  private final byte[] prefix;
  private int kept;

  PrefixKeepingOutputStream(OutputStream out, int prefixBytes) {
    super(out);
    this.prefix = new byte[prefixBytes];
  }

  @Override
  public void write(int b) throws IOException {
    if (kept < prefix.length) {
      prefix[kept++] = (byte) b;
    }
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int copy = Math.min(len, prefix.length - kept);
    if (copy > 0) {
      System.arraycopy(b, off, prefix, kept, copy);
      kept += copy;
    }
    out.write(b, off, len);
  }

  byte[] prefix() {
    return prefix;
  }

  int kept() {
    return kept;
  }
}
