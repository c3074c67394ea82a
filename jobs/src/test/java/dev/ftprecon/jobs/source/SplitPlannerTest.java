package dev.ftprecon.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.jobs.input.CaptureFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner against Spark's own rules (FilePartition.maxSplitBytes and getFilePartitions,
 * PartitionedFileUtil.splitFiles), with the numbers worked out by hand from those formulas.
 */
class SplitPlannerTest {
  private static final long MB = 1L << 20;
  private static final SplitPlanner.Compression NONE = f -> false;

  private static SplitSettings settings(long maxPartitionBytes, long openCost, int minPartitions) {
    return new SplitSettings(maxPartitionBytes, openCost, minPartitions, 0);
  }

  @Test
  void aLargeFileIsCutIntoRangesOfMaxPartitionBytesTheLastShorter() {
    // total = 300 + 4 MiB, per core (2) = 152 MiB; min(128, max(4, 152)) = 128 MiB
    SplitPlanner planner = new SplitPlanner(settings(128 * MB, 4 * MB, 2));
    List<List<CaptureSplit>> tasks =
        planner.plan(List.of(new CaptureFile(0, "/a.pcap", 300 * MB)), NONE);
    assertThat(tasks).hasSize(3);
    assertThat(tasks.stream().map(t -> t.get(0).start()).toList())
        .containsExactly(0L, 128 * MB, 256 * MB);
    assertThat(tasks.get(2).get(0).end()).isEqualTo(300 * MB);
  }

  @Test
  void smallInputIsSpreadOverTheMinimumNumberOfPartitions() {
    // total = 40 + 4 MiB over 4 cores = 11 MiB per core; min(128, max(4, 11)) = 11 MiB
    SplitPlanner planner = new SplitPlanner(settings(128 * MB, 4 * MB, 4));
    List<CaptureFile> files = List.of(new CaptureFile(0, "/a.pcap", 40 * MB));
    assertThat(planner.maxSplitBytes(files)).isEqualTo(11 * MB);
    assertThat(planner.plan(files, NONE)).hasSize(4); // 11 + 11 + 11 + 7
  }

  @Test
  void smallFilesArePackedNextFitDecreasingWithTheOpenCost() {
    // maxSplitBytes = min(10, max(1, (3+2+2+1 + 4×1)/1 = 12)) = 10
    // sorted 3, 2, 2, 1: [3] size 4; +2 -> 6 <= 10, size 7; +2 -> 9 <= 10, size 10; +1 -> 11 > 10
    SplitPlanner planner = new SplitPlanner(settings(10, 1, 1));
    List<CaptureFile> files =
        List.of(
            new CaptureFile(0, "/a", 1),
            new CaptureFile(1, "/b", 2),
            new CaptureFile(2, "/c", 3),
            new CaptureFile(3, "/d", 2));
    List<List<CaptureSplit>> tasks = planner.plan(files, NONE);
    assertThat(tasks.stream().map(t -> t.stream().map(CaptureSplit::path).toList()).toList())
        .containsExactly(List.of("/c", "/b", "/d"), List.of("/a"));
  }

  @Test
  void aCompressedFileIsOneWholeSplitWhateverItsSize() {
    SplitPlanner planner = new SplitPlanner(settings(8 * MB, 4 * MB, 1));
    List<List<CaptureSplit>> tasks =
        planner.plan(List.of(new CaptureFile(0, "/a.pcap.gz", 100 * MB)), f -> true);
    assertThat(tasks).hasSize(1);
    CaptureSplit only = tasks.get(0).get(0);
    assertThat(only.compressed()).isTrue();
    assertThat(only.isWhole()).isTrue();
    assertThat(only.end()).isEqualTo(100 * MB);
  }

  @Test
  void maxPartitionNumRepacksIntoThatManyTasks() {
    // 8 splits of 8 MiB (64 MiB file); limit 2: desired = ceil((64 + 8×0) / 2) = 32 MiB per task
    SplitPlanner planner = new SplitPlanner(new SplitSettings(8 * MB, 0, 1, 2));
    assertThat(planner.plan(List.of(new CaptureFile(0, "/a", 64 * MB)), NONE)).hasSize(2);
  }

  @Test
  void wholeFilesForHashingArePackedButNeverSplit() {
    SplitPlanner planner = new SplitPlanner(settings(8 * MB, 4 * MB, 1));
    List<List<CaptureFile>> tasks =
        planner.packWhole(
            List.of(new CaptureFile(0, "/big", 100 * MB), new CaptureFile(1, "/small", MB)));
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0)).extracting(CaptureFile::path).containsExactly("/big");
  }
}
