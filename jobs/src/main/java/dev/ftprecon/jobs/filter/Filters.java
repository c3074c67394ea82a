package dev.ftprecon.jobs.filter;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user asked to keep. Each empty list or unset bound keeps everything; within one filter
 * any value may match (hosts, ports, users, globs, directions), and all filters must hold.
 *
 * @param fromNanos keep what happened at or after this instant (epoch nanoseconds), or {@link
 *     Long#MIN_VALUE}
 * @param untilNanos keep what happened before this instant, or {@link Long#MAX_VALUE}
 * @param hosts control connections with the client or server address in one of these blocks
 * @param ports control connections with the client or server port among these
 * @param users transfers sent while one of these USER names was in force
 * @param paths transfers whose name matches one of these globs
 * @param directions transfers going these ways: download, upload, listing
 * @param minSize files of at least this many bytes, or -1
 * @param maxSize files of at most this many bytes, or -1
 */
public record Filters(
    long fromNanos,
    long untilNanos,
    List<IpBlock> hosts,
    Set<Integer> ports,
    Set<String> users,
    List<PathGlob> paths,
    Set<String> directions,
    long minSize,
    long maxSize)
    implements Serializable {

  public static final Filters NONE =
      new Filters(
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          List.of(),
          Set.of(),
          Set.of(),
          List.of(),
          Set.of(),
          -1,
          -1);

  public Filters {
    hosts = List.copyOf(hosts);
    ports = Set.copyOf(ports);
    users = Set.copyOf(users);
    paths = List.copyOf(paths);
    directions = Set.copyOf(directions);
  }

  public boolean none() {
    return equals(NONE);
  }

  boolean sizeBounded() {
    return minSize >= 0 || maxSize >= 0;
  }

  boolean sizeWithin(long size) {
    return (minSize < 0 || size >= minSize) && (maxSize < 0 || size <= maxSize);
  }

  /** For the run manifest: the filters set, with their values as given. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (fromNanos != Long.MIN_VALUE) {
      m.put("from", TimeBound.format(fromNanos));
    }
    if (untilNanos != Long.MAX_VALUE) {
      m.put("until", TimeBound.format(untilNanos));
    }
    if (!hosts.isEmpty()) {
      m.put("hosts", hosts.stream().map(IpBlock::text).sorted().toList());
    }
    if (!ports.isEmpty()) {
      m.put("ports", ports.stream().sorted().toList());
    }
    if (!users.isEmpty()) {
      m.put("users", users.stream().sorted().toList());
    }
    if (!paths.isEmpty()) {
      m.put("paths", paths.stream().map(PathGlob::glob).toList());
    }
    if (!directions.isEmpty()) {
      m.put("directions", directions.stream().sorted().toList());
    }
    if (minSize >= 0) {
      m.put("min_size", minSize);
    }
    if (maxSize >= 0) {
      m.put("max_size", maxSize);
    }
    return m;
  }
}
