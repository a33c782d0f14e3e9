-- The provincial DTI of 922/QĐ-BTTTT (dti's built-in framework vn-dti-2022-province) from the
-- 63-province CSV (fixtures/provinces-63-synthetic.csv: ';'-separated, decimal commas, a BOM):
--   each main indicator weighs its points: awareness, institutions, infrastructure, human
--   resources, cybersecurity 100 each (foundation, 500), digital government 200, economy 150,
--   society 150 (activity, 500); smart city has 0 points and is not in the file;
--   dti        = Σ points·value / 1000           foundation = Σ (5 foundation values) / 5
--   activity   = (200·gov + 150·eco + 150·soc) / 500
--   government = (100·Σ foundation + 200·gov) / 700   (the views: foundation + one activity)
--   economy    = (100·Σ foundation + 150·eco) / 650
--   society    = (100·Σ foundation + 150·soc) / 650
--   each rounded half-up to 4 decimals, ranked nationally and within its region (Vùng) with
--   RANK() (competition ranks, 1224) on the published values.
-- Parameter: {{csv}} the file.
--
-- Exactness, as in weighted-pillars.sql: N = Σ points·value·10^4 is a whole number (DECIMAL sums
-- of 4-decimal inputs, exact); the only division is `//` on BIGINTs (an exact floor) at 5
-- decimals, f = ⌊value·10^5⌋ = 10·N // D; half-up rounding to 4 decimals changes only at the
-- half-way points, which lie on the 5-decimal grid, so ROUND(f·10^-5, 4) on a DECIMAL (half away
-- from zero, half-up for values ≥ 0) is the exact published value. (`/` on DECIMALs would be a
-- DOUBLE division, and ROUND on DOUBLEs goes wrong on half-way points: round-check.sql.)
WITH
provinces AS (
  SELECT * FROM read_csv({{csv}}, header = true, delim = ';', decimal_separator = ',', quote = '"', auto_detect = false,
    columns = {
      'Tỉnh/thành phố': 'VARCHAR', 'Mã': 'VARCHAR', 'Vùng': 'VARCHAR',
      'Nhận thức số': 'DECIMAL(18,4)', 'Thể chế số': 'DECIMAL(18,4)', 'Hạ tầng số': 'DECIMAL(18,4)',
      'Nhân lực số': 'DECIMAL(18,4)', 'An toàn thông tin mạng': 'DECIMAL(18,4)',
      'Hoạt động chính quyền số': 'DECIMAL(18,4)', 'Hoạt động kinh tế số': 'DECIMAL(18,4)',
      'Hoạt động xã hội số': 'DECIMAL(18,4)'
    })
),
-- whole numbers ×10^4: the foundation's sum, and each activity indicator
points AS (
  SELECT "Tỉnh/thành phố" AS unit, "Mã" AS code, "Vùng" AS region,
    CAST(("Nhận thức số" + "Thể chế số" + "Hạ tầng số" + "Nhân lực số" + "An toàn thông tin mạng") * 10000 AS BIGINT) AS f5,
    CAST("Hoạt động chính quyền số" * 10000 AS BIGINT) AS gov,
    CAST("Hoạt động kinh tế số" * 10000 AS BIGINT) AS eco,
    CAST("Hoạt động xã hội số" * 10000 AS BIGINT) AS soc
  FROM provinces
),
-- ⌊value·10^5⌋ of each node: 10·N // D
floors AS (
  SELECT unit, code, region,
    (10 * (100 * f5 + 200 * gov + 150 * eco + 150 * soc)) // 1000 AS dti,
    (10 * f5) // 5 AS foundation,
    (10 * (200 * gov + 150 * eco + 150 * soc)) // 500 AS activity,
    (10 * (100 * f5 + 200 * gov)) // 700 AS government,
    (10 * (100 * f5 + 150 * eco)) // 650 AS economy,
    (10 * (100 * f5 + 150 * soc)) // 650 AS society
  FROM points
),
published AS (
  SELECT unit, code, region,
    ROUND(CAST(COLUMNS(* EXCLUDE (unit, code, region)) AS DECIMAL(18, 0)) * 0.00001, 4)
  FROM floors
)
SELECT unit, code, region,
  dti, RANK() OVER (ORDER BY dti DESC) AS dti_rank, RANK() OVER (PARTITION BY region ORDER BY dti DESC) AS dti_group_rank,
  foundation, RANK() OVER (ORDER BY foundation DESC) AS foundation_rank, RANK() OVER (PARTITION BY region ORDER BY foundation DESC) AS foundation_group_rank,
  activity, RANK() OVER (ORDER BY activity DESC) AS activity_rank, RANK() OVER (PARTITION BY region ORDER BY activity DESC) AS activity_group_rank,
  government, RANK() OVER (ORDER BY government DESC) AS government_rank, RANK() OVER (PARTITION BY region ORDER BY government DESC) AS government_group_rank,
  economy, RANK() OVER (ORDER BY economy DESC) AS economy_rank, RANK() OVER (PARTITION BY region ORDER BY economy DESC) AS economy_group_rank,
  society, RANK() OVER (ORDER BY society DESC) AS society_rank, RANK() OVER (PARTITION BY region ORDER BY society DESC) AS society_group_rank
FROM published;
