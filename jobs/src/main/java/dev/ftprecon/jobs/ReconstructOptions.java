package dev.ftprecon.jobs;

import dev.ftprecon.ftp.FtpLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
              FtpLimits.DEFAULTS,
              List.of(args),
              true);
        }
        case "-o", OUTPUT -> output = value(args, ++i, arg);
        case MASTER -> master = value(args, ++i, arg);
        case CONF -> putConf(conf, value(args, ++i, arg));
        case CONTROL_PORTS -> ports = ports(value(args, ++i, arg));
        case MASK_PASSWORDS -> mask = true;
        case NO_CONTROL_DETECTION -> detect = false;
        case FAIL_ON_DAMAGED -> failOnDamaged = true;
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
    return new ReconstructOptions(
        output,
        List.copyOf(inputs),
        master,
        conf,
        ports,
        mask,
        detect,
        failOnDamaged,
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

  private static Set<Integer> ports(String list) throws UsageException {
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
            CONTROL_PORTS + " expects ports 1-65535 separated by commas, got: " + list);
      }
    }
    return Set.copyOf(ports);
  }
}
