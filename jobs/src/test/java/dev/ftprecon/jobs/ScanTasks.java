package dev.ftprecon.jobs;

import dev.ftprecon.jobs.input.CaptureScan;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import scala.jdk.javaapi.CollectionConverters;

/** Counts the tasks of the stages that compute the job's capture scan, as Spark scheduled them. */
final class ScanTasks extends SparkListener {
  private final AtomicInteger most = new AtomicInteger();

  static ScanTasks listen(SparkSession spark) {
    ScanTasks tasks = new ScanTasks();
    spark.sparkContext().addSparkListener(tasks);
    return tasks;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    for (RDDInfo rdd : CollectionConverters.asJava(submitted.stageInfo().rddInfos())) {
      if (CaptureScan.RDD_NAME.equals(rdd.name())) {
        most.accumulateAndGet(submitted.stageInfo().numTasks(), Math::max);
      }
    }
  }

  /** The most tasks of one stage over the scan since the last reset, then resets. */
  int takeMost(SparkSession spark) throws Exception {
    spark.sparkContext().listenerBus().waitUntilEmpty();
    return most.getAndSet(0);
  }
}
