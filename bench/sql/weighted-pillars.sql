-- Weighted means per pillar (bench/stream-5x20.json), as dti publishes them, from the units CSV:
--   pillar p (p0 … p4) = Σ w_j·x_j / Σ w_j over its 20 value leaves, weights 1, 2, 3, 1, 2, 3, …
--                        (Σ w_j = 39 in every pillar): leaves i0-i19 in p0, i20-i39 in p1, …;
--   index              = Σ W_p·pillar_p / Σ W_p, pillar weights W = 1, 2, 1, 2, 1 (Σ W_p = 7);
--   every value rounded half-up to 4 decimals; rank = RANK() on the index's value, highest first
--   (competition ranks, 1224). The weights are written out below; they are the framework's (the
--   benchmark's equality check would catch a difference).
-- With output=all (bench/duckdb-copy.mjs … output=all): also every indicator's value, the
-- columns dti's ranking CSV has (108 instead of 8; an indicator's value is its input, 4 decimals).
-- Parameter: {{units}} the units (unit, code, i0 … i99, 4 decimals), made by bench/duckdb-copy.mjs:
-- a CSV as read_csv with the column types given (unit and code VARCHAR, every indicator
-- DECIMAL(18,4), from the header: with the schema given, DuckDB does not sniff the file, which
-- would add seconds), or a Parquet file as read_parquet.
--
-- Exactness. `/` on DECIMALs is a DOUBLE division in DuckDB, and ROUND on a DOUBLE is wrong on
-- thousands of half-way points (bench/sql/round-check.sql). Here every value is a fraction of
-- small whole numbers:
--   N_p = Σ w_j·x_j·10^4, exact (DECIMAL sums, then a whole number: the inputs have 4 decimals);
--   pillar_p·10^4 = N_p / 39 and index·10^4 = Σ W_p·N_p / (39·7).
-- The only division is `//` on BIGINTs, an exact floor for these non-negative numbers, taken at
-- 5 decimals: f = ⌊value·10^5⌋ = 10·N // D. Half-up rounding to 4 decimals changes only at the
-- half-way points (k + ½)·10^-4, which lie on that 5-decimal grid, and a floor to a grid never
-- moves a value across a point of the grid: so ROUND(f·10^-5, 4), on a DECIMAL(23,5) (ROUND on
-- DECIMAL is half away from zero: half-up for values ≥ 0), is the exact half-up value.
WITH
units AS (
  SELECT * FROM {{units}}
),
-- N_p: each pillar's weighted sum of its leaves, ×10^4, as a whole number
sums AS (
  SELECT {{carry}},
    CAST((1 * i0 + 2 * i1 + 3 * i2 + 1 * i3 + 2 * i4 + 3 * i5 + 1 * i6 + 2 * i7 + 3 * i8 + 1 * i9
        + 2 * i10 + 3 * i11 + 1 * i12 + 2 * i13 + 3 * i14 + 1 * i15 + 2 * i16 + 3 * i17 + 1 * i18 + 2 * i19) * 10000 AS BIGINT) AS n0,
    CAST((1 * i20 + 2 * i21 + 3 * i22 + 1 * i23 + 2 * i24 + 3 * i25 + 1 * i26 + 2 * i27 + 3 * i28 + 1 * i29
        + 2 * i30 + 3 * i31 + 1 * i32 + 2 * i33 + 3 * i34 + 1 * i35 + 2 * i36 + 3 * i37 + 1 * i38 + 2 * i39) * 10000 AS BIGINT) AS n1,
    CAST((1 * i40 + 2 * i41 + 3 * i42 + 1 * i43 + 2 * i44 + 3 * i45 + 1 * i46 + 2 * i47 + 3 * i48 + 1 * i49
        + 2 * i50 + 3 * i51 + 1 * i52 + 2 * i53 + 3 * i54 + 1 * i55 + 2 * i56 + 3 * i57 + 1 * i58 + 2 * i59) * 10000 AS BIGINT) AS n2,
    CAST((1 * i60 + 2 * i61 + 3 * i62 + 1 * i63 + 2 * i64 + 3 * i65 + 1 * i66 + 2 * i67 + 3 * i68 + 1 * i69
        + 2 * i70 + 3 * i71 + 1 * i72 + 2 * i73 + 3 * i74 + 1 * i75 + 2 * i76 + 3 * i77 + 1 * i78 + 2 * i79) * 10000 AS BIGINT) AS n3,
    CAST((1 * i80 + 2 * i81 + 3 * i82 + 1 * i83 + 2 * i84 + 3 * i85 + 1 * i86 + 2 * i87 + 3 * i88 + 1 * i89
        + 2 * i90 + 3 * i91 + 1 * i92 + 2 * i93 + 3 * i94 + 1 * i95 + 2 * i96 + 3 * i97 + 1 * i98 + 2 * i99) * 10000 AS BIGINT) AS n4
  FROM units
),
-- f = ⌊value·10^5⌋ for each pillar and the index
floors AS (
  SELECT {{carry}},
    (10 * n0) // 39 AS f0, (10 * n1) // 39 AS f1, (10 * n2) // 39 AS f2, (10 * n3) // 39 AS f3, (10 * n4) // 39 AS f4,
    (10 * (1 * n0 + 2 * n1 + 1 * n2 + 2 * n3 + 1 * n4)) // (39 * 7) AS f
  FROM sums
),
-- ROUND at 4 decimals, on DECIMALs: f·10^-5 as DECIMAL(23,5), then DECIMAL(9,4) to write 4 decimals
published AS (
  SELECT {{carry}},
    CAST(ROUND(CAST(f AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS value,
    CAST(ROUND(CAST(f0 AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS p0,
    CAST(ROUND(CAST(f1 AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS p1,
    CAST(ROUND(CAST(f2 AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS p2,
    CAST(ROUND(CAST(f3 AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS p3,
    CAST(ROUND(CAST(f4 AS DECIMAL(18, 0)) * 0.00001, 4) AS DECIMAL(9, 4)) AS p4
  FROM floors
)
SELECT unit, code, value, RANK() OVER (ORDER BY value DESC) AS rank, p0, p1, p2, p3, p4{{leaves}}
FROM published;
