package dev.ftprecon.jobs;

import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.jobs.filter.Filters;
import dev.ftprecon.jobs.filter.IpBlock;
import dev.ftprecon.jobs.filter.PathGlob;
import dev.ftprecon.jobs.filter.TimeBound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of {@code ftp-reconstruct}, parsed once. Every option is a named constant here
 * with its default; a bad value fails with a {@link UsageException} naming the option.
 */
public record ReconstructOptions(
    String output,
    List<String> inputs,
    String master,
    Map<String, String> sparkConf,
    Set<Integer> controlPorts,
    boolean maskPasswords,
    boolean detectControl,
    boolean failOnDamaged,
    Filters filters,
    boolean incremental,
    FtpLimits ftpLimits,
    List<String> arguments,
    boolean help) {

  public static final String OUTPUT = "--output";
  public static final String MASTER = "--master";
  public static final String CONF = "--conf";
  public static final String CONTROL_PORTS = "--control-ports";
  public static final String MASK_PASSWORDS = "--mask-passwords";
  public static final String NO_CONTROL_DETECTION = "--no-control-detection";
  public static final String FAIL_ON_DAMAGED = "--fail-on-damaged";
  public static final String HELP = "--help";
  public static final String FROM = "--from";
  public static final String UNTIL = "--until";
  public static final String HOST = "--host";
  public static final String PORT = "--port";
  public static final String USER = "--user";
  public static final String PATH = "--path";
  public static final String DIRECTION = "--direction";
  public static final String MIN_SIZE = "--min-size";
  public static final String MAX_SIZE = "--max-size";
  public static final String INCREMENTAL = "--incremental";

  /** --direction values: the transfers table's {@code direction} column. */
  public static final Set<String> DIRECTIONS = Set.of("download", "upload", "listing");

  // Caps on per-session state of a control connection (FtpLimits; defaults there).
  public static final String MAX_LINE_BYTES = "--max-line-bytes";
  public static final String MAX_REPLY_LINES = "--max-reply-lines";
  public static final String MAX_COMMANDS = "--max-commands";
  public static final String MAX_PENDING_COMMANDS = "--max-pending-commands";
  public static final String MAX_CHANNELS = "--max-channels";
  public static final String CHANNEL_EXPIRY = "--channel-expiry";

  /** What a masked password reads as in the sessions and commands tables. */
  public static final String MASKED = "********";

  /** RFC 959 §3.2: the well-known control port. Other ports are added with --control-ports. */
  public static final Set<Integer> DEFAULT_CONTROL_PORTS = Set.of(21);

  public static final String USAGE =
      String.join(
          "\n",
          "usage: ftp-reconstruct [options] -o OUT INPUT...",
          "",
          "Reconstructs every file transferred over FTP in the captures (pcap, pcapng; files,",
          "directories searched recursively, or globs, on any Hadoop file system) into OUT/files/,",
          "and writes the index (transfers, sessions, commands, captures) as Parquet to OUT/index/.",
          "",
          "options:",
          "  -o, --output OUT        output directory (required); any Hadoop file system URI",
          "  --master URL            Spark master (default: local[*], or what spark-submit set)",
          "  --conf KEY=VALUE        a Spark setting; repeatable",
          "  --control-ports LIST    FTP control ports, comma separated (default: 21)",
          "  --no-control-detection  follow only the control ports named, do not find FTP control",
          "                          connections on other ports by their content (greeting + USER)",
          "  --mask-passwords        write " + MASKED + " instead of the passwords seen (PASS)",
          "  --fail-on-damaged       exit 3 when an input is damaged or not a capture (the index",
          "                          is still written)",
          "  --incremental           read only captures not indexed yet (and those holding sessions",
          "                          still open) and add them to the index already in OUT",
          "",
          "filters (repeat an option or separate values by commas to allow several values):",
          "  --from TIME, --until TIME  keep what happened in [from, until): ISO-8601 instant,",
          "                          date-time (UTC) or date (its midnight UTC)",
          "  --host IP|CIDR          control connections with this client or server address",
          "  --port N                control connections with this client or server port",
          "  --user NAME             transfers under this USER (and their sessions)",
          "  --path GLOB             transfers whose name matches (*, **, ?, [..]; with '/': the",
          "                          resolved absolute path, else the last name segment)",
          "  --direction D           download, upload or listing",
          "  --min-size N, --max-size N  file size bounds in bytes (suffix k, M, G: powers of 1024)",
          "",
          "caps on each control connection's state (a peer cannot exhaust memory; what goes past",
          "a cap is counted in sessions.anomalies):",
          "  --max-line-bytes N      longest command or reply line kept (default: "
              + FtpLimits.DEFAULT_MAX_LINE_BYTES
              + ")",
          "  --max-reply-lines N     lines kept of one multi-line reply (default: "
              + FtpLimits.DEFAULT_MAX_REPLY_LINES
              + ")",
          "  --max-commands N        command records kept per session (default: "
              + FtpLimits.DEFAULT_MAX_COMMANDS
              + ")",
          "  --max-pending-commands N  commands awaiting a reply (pipelining) (default: "
              + FtpLimits.DEFAULT_MAX_PENDING_COMMANDS
              + ")",
          "  --max-channels N        data channels kept per session (default: "
              + FtpLimits.DEFAULT_MAX_CHANNELS
              + ")",
          "  --channel-expiry SECONDS  capture time after a transfer command during which its data",
          "                          connection may open (default: "
              + FtpLimits.DEFAULT_CHANNEL_EXPIRY_NANOS / 1_000_000_000L
              + ")",
          "",
          "  -h, --help              print this help and exit",
          "",
          "exit status: 0 the job ran (damaged captures are recorded in the index), 1 the job",
          "failed, 2 usage error, 3 damaged inputs with --fail-on-damaged.");

  /** A usage error: the message names the bad argument. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }

  public static ReconstructOptions parse(String[] args) throws UsageException {
    String output = null;
    String master = null;
    Map<String, String> conf = new LinkedHashMap<>();
    Set<Integer> ports = DEFAULT_CONTROL_PORTS;
    List<String> inputs = new ArrayList<>();
    boolean mask = false;
    boolean detect = true;
    boolean failOnDamaged = false;
    boolean incremental = false;
    long from = Long.MIN_VALUE;
    long until = Long.MAX_VALUE;
    List<IpBlock> hosts = new ArrayList<>();
    Set<Integer> filterPorts = new TreeSet<>();
    Set<String> users = new TreeSet<>();
    List<PathGlob> globs = new ArrayList<>();
    Set<String> directions = new TreeSet<>();
    long minSize = -1;
    long maxSize = -1;
    int maxLineBytes = FtpLimits.DEFAULT_MAX_LINE_BYTES;
    int maxReplyLines = FtpLimits.DEFAULT_MAX_REPLY_LINES;
    int maxCommands = FtpLimits.DEFAULT_MAX_COMMANDS;
    int maxPendingCommands = FtpLimits.DEFAULT_MAX_PENDING_COMMANDS;
    int maxChannels = FtpLimits.DEFAULT_MAX_CHANNELS;
    long channelExpiryNanos = FtpLimits.DEFAULT_CHANNEL_EXPIRY_NANOS;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", HELP -> {
          return new ReconstructOptions(
              null,
              List.of(),
              null,
              Map.of(),
              ports,
              false,
              true,
              false,
              Filters.NONE,
              false,
              FtpLimits.DEFAULTS,
              List.of(args),
              true);
        }
        case "-o", OUTPUT -> output = value(args, ++i, arg);
        case MASTER -> master = value(args, ++i, arg);
        case CONF -> putConf(conf, value(args, ++i, arg));
        case CONTROL_PORTS -> ports = Set.copyOf(ports(value(args, ++i, arg), CONTROL_PORTS));
        case MASK_PASSWORDS -> mask = true;
        case NO_CONTROL_DETECTION -> detect = false;
        case FAIL_ON_DAMAGED -> failOnDamaged = true;
        case INCREMENTAL -> incremental = true;
        case FROM -> from = time(value(args, ++i, arg), arg);
        case UNTIL -> until = time(value(args, ++i, arg), arg);
        case HOST -> {
          for (String h : list(value(args, ++i, arg))) {
            hosts.add(
                IpBlock.parse(h)
                    .orElseThrow(
                        () ->
                            new UsageException(
                                HOST + " expects an IPv4/IPv6 address or CIDR block, got: " + h)));
          }
        }
        case PORT -> filterPorts.addAll(ports(value(args, ++i, arg), PORT));
        case USER -> users.addAll(list(value(args, ++i, arg)));
        case PATH -> globs.add(PathGlob.of(value(args, ++i, arg)));
        case DIRECTION -> {
          for (String d : list(value(args, ++i, arg))) {
            String dir = d.toLowerCase(Locale.ROOT);
            if (!DIRECTIONS.contains(dir)) {
              throw new UsageException(
                  DIRECTION + " expects download, upload or listing, got: " + d);
            }
            directions.add(dir);
          }
        }
        case MIN_SIZE -> minSize = size(value(args, ++i, arg), arg);
        case MAX_SIZE -> maxSize = size(value(args, ++i, arg), arg);
        case MAX_LINE_BYTES -> maxLineBytes = positive(args, ++i, arg);
        case MAX_REPLY_LINES -> maxReplyLines = positive(args, ++i, arg);
        case MAX_COMMANDS -> maxCommands = positive(args, ++i, arg);
        case MAX_PENDING_COMMANDS -> maxPendingCommands = positive(args, ++i, arg);
        case MAX_CHANNELS -> maxChannels = positive(args, ++i, arg);
        case CHANNEL_EXPIRY -> channelExpiryNanos = positive(args, ++i, arg) * 1_000_000_000L;
        default -> {
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("unknown option: " + arg);
          }
          inputs.add(arg);
        }
      }
    }
    if (output == null) {
      throw new UsageException("missing required option: -o/--output OUT");
    }
    if (inputs.isEmpty()) {
      throw new UsageException("missing INPUT: name at least one capture, directory or glob");
    }
    if (from >= until) {
      throw new UsageException(FROM + " must lie before " + UNTIL);
    }
    if (minSize >= 0 && maxSize >= 0 && minSize > maxSize) {
      throw new UsageException(MIN_SIZE + " must not exceed " + MAX_SIZE);
    }
    Filters filters =
        new Filters(from, until, hosts, filterPorts, users, globs, directions, minSize, maxSize);
    return new ReconstructOptions(
        output,
        List.copyOf(inputs),
        master,
        conf,
        ports,
        mask,
        detect,
        failOnDamaged,
        filters,
        incremental,
        new FtpLimits(
            maxLineBytes,
            maxReplyLines,
            maxCommands,
            maxPendingCommands,
            maxChannels,
            channelExpiryNanos),
        List.of(args),
        false);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException("option " + option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String[] args, int i, String option) throws UsageException {
    String v = value(args, i, option);
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " expects a whole number from 1 to 2147483647, got: " + v);
  }

  private static void putConf(Map<String, String> conf, String kv) throws UsageException {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new UsageException("--conf expects KEY=VALUE, got: " + kv);
    }
    conf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
  }

  private static List<String> list(String values) {
    return java.util.Arrays.stream(values.split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  private static long time(String text, String option) throws UsageException {
    return TimeBound.parse(text)
        .orElseThrow(
            () ->
                new UsageException(
                    option
                        + " expects an ISO-8601 instant (2026-11-25T05:02:30Z), date-time (UTC) or"
                        + " date, got: "
                        + text));
  }

  /** Bytes, with an optional k, M or G suffix (powers of 1024). */
  static long size(String text, String option) throws UsageException {
    String t = text.strip();
    long unit = 1;
    if (!t.isEmpty()) {
      switch (Character.toUpperCase(t.charAt(t.length() - 1))) {
        case 'K' -> unit = 1L << 10;
        case 'M' -> unit = 1L << 20;
        case 'G' -> unit = 1L << 30;
        default -> unit = 1;
      }
    }
    try {
      long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1).strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(
          option + " expects a size in bytes (suffix k, M or G allowed), got: " + text);
    }
  }

  private static Set<Integer> ports(String list, String option) throws UsageException {
    Set<Integer> ports = new TreeSet<>();
    for (String p : list.split(",")) {
      try {
        int port = Integer.parseInt(p.trim());
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        ports.add(port);
      } catch (NumberFormatException e) {
        throw new UsageException(
            option + " expects ports 1-65535 separated by commas, got: " + list);
      }
    }
    return ports;
  }
}
