/**
 * Coverage-guided fuzz tests of everything that reads hostile input, with Jazzer's JUnit 5
 * integration ({@code com.code-intelligence:jazzer-junit}, {@code @FuzzTest}).
 *
 * <h2>Targets</h2>
 *
 * One {@code *FuzzTest} class per target, each with a single {@code @FuzzTest} method taking the
 * raw {@code byte[]}; its class comment states the contract checked and the input layout:
 *
 * <ul>
 *   <li>{@link dev.ftprecon.fuzz.CaptureReadersFuzzTest}, {@link
 *       dev.ftprecon.fuzz.PcapReaderFuzzTest}, {@link dev.ftprecon.fuzz.PcapngReaderFuzzTest}:
 *       capture readers on arbitrary bytes and behind a valid file header ({@link
 *       dev.ftprecon.fuzz.CaptureChecks});
 *   <li>{@link dev.ftprecon.fuzz.PacketDecoderFuzzTest}: the packet decoder, every link type;
 *   <li>{@link dev.ftprecon.fuzz.FtpParsersFuzzTest}: FtpCommand.parse and FtpAddresses;
 *   <li>{@link dev.ftprecon.fuzz.FtpSessionTrackerFuzzTest}, {@link
 *       dev.ftprecon.fuzz.ControlConnectionFuzzTest}: line, reply and session handling;
 *   <li>{@link dev.ftprecon.fuzz.DataChannelMatcherFuzzTest}: the data channel matcher;
 *   <li>{@link dev.ftprecon.fuzz.StreamAssemblerFuzzTest}, {@link
 *       dev.ftprecon.fuzz.SequenceUnwrapperFuzzTest}, {@link dev.ftprecon.fuzz.SeenRangesFuzzTest}:
 *       TCP reassembly.
 * </ul>
 *
 * Every input runs under {@link dev.ftprecon.fuzz.Watchdog}, which fails it if it does not finish
 * within {@code ftprecon.fuzz.inputTimeoutSeconds} (10 s by default).
 *
 * <h2>Inputs</h2>
 *
 * In {@code src/test/resources/dev/ftprecon/fuzz/<Class>Inputs/<method>/}, Jazzer's layout: seeds
 * written by {@code make-seeds.py} there, and inputs the fuzzer found failing ({@code crash-*}),
 * kept until the bug is fixed and after, as regression inputs.
 *
 * <h2>Running</h2>
 *
 * <ul>
 *   <li>{@code mvn verify} runs every fuzz test twice. The default surefire execution replays the
 *       inputs above (Jazzer's regression mode, like any parameterized test). The execution {@code
 *       fuzz} then sets {@code JAZZER_FUZZ=1} and gives each {@code *FuzzTest} class a JVM of its
 *       own (Jazzer fuzzes one test per JVM), one per core, each fuzzing for the {@code
 *       maxDuration} of its annotation. {@code -Dfuzz.skip} leaves that execution out.
 *   <li>Longer, one target: {@code mvn -pl common test-compile surefire:test@fuzz
 *       -Dtest=PcapngReaderFuzzTest -Djazzer.max_duration=10m}.
 *   <li>Fuzzing runs in {@code common/target}: the generated corpus goes to {@code .cifuzz-corpus/}
 *       there and a failing input to {@code crash-<sha1>} there; its stack trace is in {@code
 *       target/surefire-reports-fuzz}. To keep it, copy it into the test's inputs directory (it
 *       then fails {@code mvn test} until fixed) and write a named test for it.
 *   <li>Reproduce one input: put it in the inputs directory and run the class as a normal test
 *       ({@code mvn -pl common test -Dtest=PcapngReaderFuzzTest -Dfuzz.skip}).
 * </ul>
 *
 * <h2>Findings</h2>
 *
 * Bugs found are reproduced by named tests here ({@code *FindingTest}, {@code *FindingsTest}),
 * which fail until the bug is fixed; {@link dev.ftprecon.fuzz.HostileLengthsTest} checks the
 * allocation caps with 100 MB length claims.
 */
package dev.ftprecon.fuzz;
