-- The columns `dti score --stream` writes for bench/stream-5x20.json, every node ranked: the
-- same-columns peer of `stream-1m` (weighted-pillars.sql alone writes the index, its rank and the
-- pillars). Made by bench/duckdb-copy.mjs (weighted-pillars … output=stream), which fills:
--   {{wide}}     weighted-pillars.sql with every indicator carried through (unit, code, value,
--                rank, p0 … p4, i0 … i99: published values with 4 decimals in [0, 1]);
--   {{keys}}     each node's value as a whole number of 10^-4 (CAST(p0 * 10000 AS INTEGER) AS p0, …);
--   {{nodes}}    the node names as a SQL list ('p0', 'i0', …, 'i99');
--   {{out}}      the output columns in dti's order (wide.p0 AS p0, lists.p0[…] AS p0_rank, …).
-- Ranks by counting, as dti ranks them: per node, how many units have each value 0.0000 … 1.0000
-- (UNPIVOT, GROUP BY), then the competition rank of each value (1 + the units above it: a
-- running sum from the top), kept as one list of 10,001 ranks per node, read by each unit at its
-- value's position. Written so because the plain forms took DuckDB far longer on 200,000 units
-- (this machine, load 6-8): 105 RANK() windows side by side 304 s wall and 19 GiB, RANK()
-- partitioned by node in long form and a PIVOT back 101 s and 2.9 GiB; this form 42 s and 1.9 GiB.
-- A value that is not a whole number of 10^-4 in [0, 1] would read a NULL rank, which fails the
-- benchmark's equality check.
WITH
wide AS MATERIALIZED ({{wide}}),
long AS (
  UNPIVOT (SELECT {{keys}} FROM wide) ON COLUMNS(*) INTO NAME node VALUE k
),
counted AS (SELECT node, k, count(*) AS n FROM long GROUP BY node, k),
-- every value 0 … 10,000 of every node, with its count (0 where no unit has it)
grid AS (
  SELECT node, k, coalesce(n, 0) AS n
  FROM (SELECT DISTINCT node FROM counted) CROSS JOIN range(0, 10001) AS t(k) LEFT JOIN counted USING (node, k)
),
ranks AS (
  SELECT node, k, 1 + sum(n) OVER (PARTITION BY node ORDER BY k DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n AS r
  FROM grid
),
-- one row: a list of 10,001 ranks per node (lists are 1-based: value k at k + 1)
lists AS (
  PIVOT (SELECT node, list(r ORDER BY k) AS rk FROM ranks GROUP BY node) ON node IN {{nodes}} USING first(rk)
)
SELECT rank, unit, code, value AS "index", {{out}}, 1 AS coverage
FROM wide CROSS JOIN lists
ORDER BY rank, unit;
