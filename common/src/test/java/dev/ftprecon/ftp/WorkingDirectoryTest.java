package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkingDirectoryTest {

  @Test
  void anAbsoluteArgumentIgnoresTheDirectory() {
    assertThat(WorkingDirectory.resolve("/home/ftp", "/pub/a.txt")).isEqualTo("/pub/a.txt");
  }

  @Test
  void aRelativeArgumentIsAppended() {
    assertThat(WorkingDirectory.resolve("/home/ftp", "pub/a.txt")).isEqualTo("/home/ftp/pub/a.txt");
  }

  @Test
  void dotAndDotDotAreApplied() {
    assertThat(WorkingDirectory.resolve("/a/b", "./c/../../d")).isEqualTo("/a/d");
  }

  @Test
  void dotDotNeverClimbsAboveTheRoot() {
    assertThat(WorkingDirectory.resolve("/a", "../../../etc/passwd")).isEqualTo("/etc/passwd");
  }

  @Test
  void repeatedAndTrailingSlashesCollapse() {
    assertThat(WorkingDirectory.resolve("/a/", "b//c/")).isEqualTo("/a/b/c");
  }

  @Test
  void theDirectoryStartsAtTheRoot() {
    assertThat(new WorkingDirectory().current()).isEqualTo("/");
  }

  @Test
  void aReportedDirectoryWithoutLeadingSlashIsMadeAbsolute() {
    WorkingDirectory directory = new WorkingDirectory();
    directory.set("C:/Users/ftp");
    assertThat(directory.current()).isEqualTo("/C:/Users/ftp");
  }

  @Test
  void changeAndUpFollowTheArguments() {
    WorkingDirectory directory = new WorkingDirectory();
    directory.change("/pub/linux");
    directory.change("../docs");
    directory.up();
    assertThat(directory.current()).isEqualTo("/pub");
  }

  @Test
  void listingOptionsAreNotPartOfTheTarget() {
    assertThat(ChannelDraft.targetPath("/pub", Direction.LISTING, "-la")).isEqualTo("/pub");
    assertThat(ChannelDraft.targetPath("/pub", Direction.LISTING, "-l -a docs"))
        .isEqualTo("/pub/docs");
    assertThat(ChannelDraft.targetPath("/pub", Direction.DOWNLOAD, "-la")).isEqualTo("/pub/-la");
  }
}
