package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.schema.ScanSchema;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one pass over the captures: each file is read by one task (splitting large files is later
 * work) into segment rows plus a summary row (see {@link ScanSchema}).
 */
public final class CaptureScan {
  private CaptureScan() {}

  public static Dataset<Row> scan(
      SparkSession spark, List<CaptureFile> files, Set<Integer> controlPorts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    int slices = Math.max(1, files.size());
    JavaRDD<Row> rows =
        jsc.parallelize(files, slices)
            .mapPartitions(new ScanPartition(conf, Set.copyOf(controlPorts)));
    return spark.createDataFrame(rows, ScanSchema.SCHEMA);
  }

  private static final class ScanPartition implements FlatMapFunction<Iterator<CaptureFile>, Row> {
    private static final long serialVersionUID = 1L;
    private final SerializableConfiguration conf;
    private final Set<Integer> controlPorts;

    ScanPartition(SerializableConfiguration conf, Set<Integer> controlPorts) {
      this.conf = conf;
      this.controlPorts = controlPorts;
    }

    @Override
    public Iterator<Row> call(Iterator<CaptureFile> files) {
      return new Iterator<>() {
        private Iterator<Row> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && files.hasNext()) {
            current = new CaptureScanIterator(files.next(), conf.value(), controlPorts);
          }
          return current.hasNext();
        }

        @Override
        public Row next() {
          hasNext();
          return current.next();
        }
      };
    }
  }
}
