package dev.ftprecon.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafeNamesTest {

  private static final String ID = "0123abcd";

  /** What every produced name must look like, independently of how it was built. */
  private static final Pattern SAFE =
      Pattern.compile("[0-9a-f]{8,64}_[A-Za-z0-9_-][A-Za-z0-9._-]{0,148}");

  static List<String> hostilePaths() {
    return List.of(
        "../../etc/passwd",
        "/etc/shadow",
        "C:\\Windows\\System32\\config\\SAM",
        "\\\\server\\share\\x",
        "..",
        ".",
        "...",
        "....//....//",
        "",
        "/",
        "a\0b",
        "\0",
        "evil\r\nDELE x",
        "\u0001\u001f\u007f\u0085",
        "x".repeat(10_000),
        "résumé.pdf",
        "файл.txt",
        "\uD83D\uDE00.png",
        "\uD800",
        "CON",
        "con.txt",
        "aux",
        "LPT9.tar.gz",
        "a.",
        "name with spaces & <>:\"|?*.txt",
        ".hidden",
        "dir/",
        ("y".repeat(200) + "." + "z".repeat(20)));
  }

  @ParameterizedTest
  @MethodSource("hostilePaths")
  void everyNameIsStrictlySafe(String path) {
    String name = SafeNames.fileName(ID, path);

    assertThat(name).matches(SAFE);
    assertThat(name).doesNotContain("/", "\\", "\0", "..");
    assertThat(name).doesNotStartWith(".").doesNotEndWith(".");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(SafeNames.MAX_FILE_NAME_BYTES);
  }

  @Test
  void onlyTheLastSegmentOfATraversalIsKept() {
    assertThat(SafeNames.fileName(ID, "../../etc/passwd")).isEqualTo("0123abcd_passwd");
    assertThat(SafeNames.fileName(ID, "/var/ftp/pub/report.csv")).isEqualTo("0123abcd_report.csv");
    assertThat(SafeNames.fileName(ID, "C:\\temp\\a.exe")).isEqualTo("0123abcd_a.exe");
    assertThat(SafeNames.fileName(ID, "dir/sub/")).isEqualTo("0123abcd_sub");
  }

  @Test
  void dotOnlyAndEmptyNamesBecomeData() {
    assertThat(SafeNames.fileName(ID, "..")).isEqualTo("0123abcd_data");
    assertThat(SafeNames.fileName(ID, ".")).isEqualTo("0123abcd_data");
    assertThat(SafeNames.fileName(ID, "....")).isEqualTo("0123abcd_data");
    assertThat(SafeNames.fileName(ID, "")).isEqualTo("0123abcd_data");
    assertThat(SafeNames.fileName(ID, "//")).isEqualTo("0123abcd_data");
  }

  @Test
  void leadingAndTrailingDotsAreStripped() {
    assertThat(SafeNames.fileName(ID, ".bashrc")).isEqualTo("0123abcd_bashrc");
    assertThat(SafeNames.fileName(ID, "notes.")).isEqualTo("0123abcd_notes");
  }

  @Test
  void controlCharactersAreDroppedAndOtherUnsafeCharactersReplaced() {
    assertThat(SafeNames.fileName(ID, "a\0b\tc\u007f.txt")).isEqualTo("0123abcd_abc.txt");
    assertThat(SafeNames.fileName(ID, "a b:c*?.txt")).isEqualTo("0123abcd_a_b_c__.txt");
    assertThat(SafeNames.fileName(ID, "x/\0")).isEqualTo("0123abcd_x");
  }

  @Test
  void nonAsciiCharactersBecomeOneUnderscoreEach() {
    assertThat(SafeNames.fileName(ID, "résumé.pdf")).isEqualTo("0123abcd_r_sum_.pdf");
    // One emoji is one code point (two UTF-16 units) and gives one underscore.
    assertThat(SafeNames.fileName(ID, "\uD83D\uDE00.png")).isEqualTo("0123abcd__.png");
  }

  @Test
  void windowsDeviceNamesAreNeutralisedWithAnyExtensionAndCase() {
    assertThat(SafeNames.baseName("CON.txt", 100)).isEqualTo("_CON.txt");
    assertThat(SafeNames.baseName("aux", 100)).isEqualTo("_aux");
    assertThat(SafeNames.baseName("Lpt1.tar.gz", 100)).isEqualTo("_Lpt1.tar.gz");
    assertThat(SafeNames.baseName("nul", 100)).isEqualTo("_nul");
    assertThat(SafeNames.baseName("CONSOLE.txt", 100)).isEqualTo("CONSOLE.txt");
    assertThat(SafeNames.baseName("COM10", 100)).isEqualTo("COM10");
    assertThat(SafeNames.fileName(ID, "CON.txt")).isEqualTo("0123abcd__CON.txt");
  }

  @Test
  void aTenThousandCharacterNameIsCutToTheCap() {
    String name = SafeNames.fileName(ID, "x".repeat(10_000));

    assertThat(name).hasSize(150).isEqualTo("0123abcd_" + "x".repeat(141));
  }

  @Test
  void aLongNameKeepsAShortExtension() {
    String name = SafeNames.fileName(ID, "y".repeat(300) + ".tar.gz");

    // 150 - 9 for the id prefix = 141 = 138 y's + ".gz"
    assertThat(name).isEqualTo("0123abcd_" + "y".repeat(138) + ".gz");
  }

  @Test
  void aLongExtensionIsCutLikeTheRestOfTheName() {
    String name = SafeNames.fileName(ID, "y.".concat("z".repeat(300)));

    assertThat(name).isEqualTo("0123abcd_y." + "z".repeat(139));
  }

  @Test
  void theLongestTransferIdStillFitsTheCap() {
    String id = "f".repeat(64);

    String name = SafeNames.fileName(id, "w".repeat(500) + ".bin");

    assertThat(name).hasSize(150).isEqualTo(id + "_" + "w".repeat(81) + ".bin");
  }

  @Test
  void distinctTransferIdsGiveDistinctNamesForTheSamePath() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(SafeNames.fileName(SafeNames.transferId("capture.pcap", Integer.toString(i)), "f"));
    }

    assertThat(names).hasSize(1000);
  }

  @Test
  void invalidTransferIdsAreRejected() {
    assertThatThrownBy(() -> SafeNames.fileName("0123ABCD", "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfer id \"0123ABCD\" is not 8 to 64 lowercase hex digits");
    assertThatThrownBy(() -> SafeNames.fileName("abc", "f"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeNames.fileName("0123abcd/..", "f"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeNames.fileName("a".repeat(65), "f"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transferIdsAreTheFirstHalfOfTheSha256OfTheNulJoinedParts() {
    // Expected values from coreutils: printf '<parts joined by \x00>' | sha256sum | cut -c1-32
    assertThat(SafeNames.transferId("capture.pcap", "192.0.2.1:20", "198.51.100.7:40000"))
        .isEqualTo("86a5f84e2468c9ec31a6e3ed60154899");
    assertThat(SafeNames.transferId("a")).isEqualTo("ca978112ca1bbdcafac231b39a23dc4d");
    assertThat(SafeNames.transferId("a", "b")).isEqualTo("59b271ae1bbcb1d31d41929817f4b16f");
    assertThat(SafeNames.transferId("a", "", "b")).isEqualTo("2d8dbcddf40617a662bcf1f1c70eb523");
    assertThat(SafeNames.transferId("hé")).isEqualTo("7dfbe0eab96510b11c9a2671d83019cd");
  }

  @Test
  void transferIdPartsMustBePresentAndFreeOfNul() {
    assertThatThrownBy(() -> SafeNames.transferId())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfer id needs at least one part, got none");
    assertThatThrownBy(() -> SafeNames.transferId("a\0b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfer id part 0 contains NUL");
    assertThatThrownBy(() -> SafeNames.transferId("a", null))
        .isInstanceOf(NullPointerException.class);
  }
}
