"""Opens an ftp-reconstruct index in a Jupyter notebook (plain IPython kernel with pyspark).

open_index(OUT) starts (or reuses) a SparkSession, registers the index tables as the temporary
views transfers, sessions, commands and captures, and defines the %%sql cell magic:

    %%sql [-o NAME] [-n MAXROWS]
    SELECT ... FROM transfers ...

runs the cell as one Spark SQL statement, shows the first MAXROWS rows (default 50) and, with -o,
keeps the whole result as a pandas DataFrame named NAME in the notebook. The options are those of
sparkmagic's %%sql, so the notebooks also run unchanged on a sparkmagic (Livy) kernel, where the
views are set up by ftprecon-views.sql instead (see notebooks/README.md).
"""

import shlex

TABLES = ("transfers", "sessions", "commands", "captures")


def open_index(index, spark=None):
    from pyspark.sql import SparkSession

    if spark is None:
        spark = (
            SparkSession.builder.appName("ftprecon-notebook")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
    base = index.rstrip("/") + "/index/"
    for table in TABLES:
        spark.read.parquet(base + table).createOrReplaceTempView(table)
    _register_magic(spark)
    return spark


def _register_magic(spark):
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def sql(line, cell):
        args = shlex.split(line)
        name, limit = None, 50
        i = 0
        while i < len(args):
            if args[i] == "-o" and i + 1 < len(args):
                name = args[i + 1]
                i += 2
            elif args[i] == "-n" and i + 1 < len(args):
                limit = int(args[i + 1])
                i += 2
            else:
                raise ValueError("%%sql: unknown option " + args[i] + " (accepted: -o NAME, -n MAXROWS)")
        result = spark.sql(cell.strip().rstrip(";"))
        if name is None:
            return result.limit(limit).toPandas()
        frame = result.toPandas()
        shell.user_ns[name] = frame
        return frame.head(limit)

    shell.register_magic_function(sql, magic_kind="cell", magic_name="sql")
