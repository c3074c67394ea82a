-- The index of ftp-reconstruct as four views, for spark-sql, spark-shell or any Spark SQL session.
--
--   spark-sql --conf spark.ftprecon.index=/cases/42/out --conf spark.sql.session.timeZone=UTC \
--             -i conf/ftprecon-views.sql
--
-- spark.ftprecon.index is the job's OUT directory (any Hadoop URI: hdfs://nn:8020/cases/42/out).
-- In spark-shell or pyspark, set it first and run each statement:
--   spark.conf.set("spark.ftprecon.index", "/cases/42/out")
--   for stmt in open("conf/ftprecon-views.sql").read().split(";"): ...  (or IndexViews.register)
-- Times are UTC instants; spark.sql.session.timeZone=UTC shows them as such.
-- transfers, sessions and commands are partitioned by `date` (UTC day): a condition on it, such as
-- WHERE date BETWEEN DATE'2026-11-01' AND DATE'2026-11-30', makes Spark read only those days.
-- Columns: docs/index-schema.md.

CREATE OR REPLACE TEMPORARY VIEW transfers
  USING parquet OPTIONS (path '${spark.ftprecon.index}/index/transfers');

CREATE OR REPLACE TEMPORARY VIEW sessions
  USING parquet OPTIONS (path '${spark.ftprecon.index}/index/sessions');

CREATE OR REPLACE TEMPORARY VIEW commands
  USING parquet OPTIONS (path '${spark.ftprecon.index}/index/commands');

CREATE OR REPLACE TEMPORARY VIEW captures
  USING parquet OPTIONS (path '${spark.ftprecon.index}/index/captures');
