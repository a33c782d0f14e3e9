-- Does ROUND on DECIMAL round half-up? DuckDB's ROUND on a DECIMAL rounds half away from zero,
-- which is half-up for the non-negative values of an index. Checked on the cases that matter: a
-- half-way point at the smallest scale, the official DTI example 0.71635, the mean of 0.8001 and
-- 0.8002, and all 100,000 half-way points k·10^-4 + 0.00005 of [0, 1): `decimal_wrong` must be 0.
-- `double_wrong` counts the same points rounded as DOUBLE (0.00015 is stored as 0.000149999…):
-- thousands go down, which is why the benchmark SQL never rounds a DOUBLE. Note that `/` on
-- DECIMALs gives a DOUBLE in DuckDB ((0.8001 + 0.8002) / 2 is a DOUBLE), so the mean here is a
-- product by 0.5, which stays a DECIMAL.
WITH halfway AS (
  SELECT k, CAST(10 * k + 5 AS DECIMAL(18, 0)) * 0.00001 AS x   -- DECIMAL(18,5): 0.00005, 0.00015, …
  FROM range(0, 100000) AS t(k)
)
SELECT
  CAST(ROUND(0.00005, 4) AS VARCHAR) AS small,
  CAST(ROUND(0.71635, 4) AS VARCHAR) AS official,
  CAST(ROUND((0.8001 + 0.8002) * 0.5, 4) AS VARCHAR) AS mean,
  count(*) AS points,
  count(*) FILTER (WHERE ROUND(x, 4) <> CAST(k + 1 AS DECIMAL(18, 0)) * 0.0001) AS decimal_wrong,
  count(*) FILTER (WHERE ROUND(CAST(x AS DOUBLE), 4) <> CAST(ROUND(x, 4) AS DOUBLE)) AS double_wrong
FROM halfway;
