-- The min-max index of bench/minmax-50.json with every column dti's ranking CSV has: minmax.sql's
-- index value and rank, and besides them each indicator's published (normalised) value and its
-- rank, and coverage. The same-columns peer of `minmax-cli-100k` (minmax.sql writes only what is
-- compared: unit, code, value, rank); bench/duckdb-copy.mjs puts the columns in dti's order.
--   t_i (a leaf's value) = (x_i − min_i) / (max_i − min_i), ½ when every unit has the same value,
--         rounded half-up to 4 decimals; its rank = RANK() among the units on that value, highest
--         first (competition ranks, as dti ranks every node);
--   index, value, rank: as in minmax.sql (read it for the exactness argument of the index).
-- Parameters: {{csv}}, {{columns}}, {{framework}} as in minmax.sql; {{indicators}} the indicator
-- columns as a SQL list ('i0', 'i1', …), for the PIVOT back to one row per unit.
--
-- Exactness of a leaf's value. a_i = (x_i − min_i)·10^4 and d_i = (max_i − min_i)·10^4 are whole
-- numbers (inputs with at most 4 decimals, read as DECIMAL(18,4)); t_i·10^4 = a_i·10^4 / d_i.
-- f = ⌊t_i·10^5⌋ = (a_i·10^5) // d_i, an exact BIGINT floor (a_i < 10^7 here, so a_i·10^5 < 10^12);
-- half-up rounding to 4 decimals changes only at the half-way points, which lie on the 5-decimal
-- grid, and a floor to a grid never moves a value across a point of the grid: ROUND(f·10^-5, 4) on
-- a DECIMAL is the exact half-up value (the argument of weighted-pillars.sql).
WITH
units AS (
  SELECT * FROM read_csv({{csv}}, header = true, delim = ',', quote = '"', auto_detect = false, columns = {{columns}})
),
weights AS (
  SELECT leaf.id AS indicator, CAST(leaf.weight AS HUGEINT) AS w
  FROM (SELECT unnest(root.children) AS leaf FROM read_json({{framework}}))
),
total AS (SELECT sum(w) AS w_total FROM weights),
cells AS (
  UNPIVOT units ON COLUMNS(* EXCLUDE (unit, code)) INTO NAME indicator VALUE x
),
-- per indicator: min, max, weight, the index's reciprocal r_i (minmax.sql) and the leaf's d_i
indicators AS (
  SELECT indicator, lo, hi = lo AS flat, w, CAST((hi - lo) * 10000 AS BIGINT) AS d,
    CAST('1000000000000000000000000' AS HUGEINT)
      // CASE WHEN hi = lo THEN 2 * w_total ELSE CAST((hi - lo) * 10000 AS HUGEINT) * w_total END AS r
  FROM (SELECT indicator, min(x) AS lo, max(x) AS hi FROM cells GROUP BY indicator)
  JOIN weights USING (indicator) CROSS JOIN total
),
-- per cell: the numerator m_i of the index's term, and f = ⌊t_i·10^5⌋ of the leaf's value
terms AS (
  SELECT c.code, c.unit, c.indicator, i.r,
    i.w * CASE WHEN i.flat THEN 1 ELSE CAST((c.x - i.lo) * 10000 AS HUGEINT) END AS m,
    CASE WHEN i.flat THEN 50000 ELSE (CAST((c.x - i.lo) * 10000 AS BIGINT) * 100000) // i.d END AS f
  FROM cells AS c JOIN indicators AS i USING (indicator)
),
-- each leaf's published value and its rank, one row per cell, then one row per unit
leaves AS (
  SELECT code, indicator, v, RANK() OVER (PARTITION BY indicator ORDER BY v DESC) AS r
  FROM (SELECT code, indicator, CAST(ROUND(CAST(f AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS v FROM terms)
),
wide AS (
  PIVOT leaves ON indicator IN {{indicators}} USING first(v) AS v, first(r) AS r GROUP BY code
),
sums AS (
  SELECT code, unit, sum(m * r) AS L, sum(m) AS M FROM terms GROUP BY code, unit
),
bracket AS (
  SELECT unit, code,
    ROUND(CAST(L AS DECIMAL(38, 0)) * 0.000000000000000000000001, 4) AS low,
    ROUND(CAST(L + greatest(M - 1, 0) AS DECIMAL(38, 0)) * 0.000000000000000000000001, 4) AS high
  FROM sums
),
published AS (
  SELECT unit, code, CAST(CASE WHEN low = high THEN low END AS DECIMAL(9, 4)) AS value FROM bracket
)
SELECT unit, code, value, RANK() OVER (ORDER BY value DESC) AS rank, wide.*
FROM published JOIN wide USING (code);
